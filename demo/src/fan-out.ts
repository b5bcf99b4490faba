import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, send } from './capture.ts';
import type { Log } from './processes.ts';

export const FAN_OUT_PATH = '/hooks/booking-events';

/**
 * The plugin's settings hold one webhook URL, while each event flow in n8n has a trigger URL of
 * its own. This route takes the plugin's signed booking event and passes it, body and signature
 * headers unchanged, to every flow's trigger. It answers 2xx only when every flow accepted the
 * event, so the plugin's outbox retries otherwise; the triggers acknowledge a repeated event id
 * without running again.
 */
export function fanOut(targets: () => string[], log: Log) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (request.method !== 'POST' || !request.url?.startsWith(FAN_OUT_PATH)) return false;
    const body = await readBody(request, 5_000_000);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const [name, value] of Object.entries(request.headers)) {
      if (name.startsWith('x-enroute-') && typeof value === 'string') headers[name] = value;
    }
    const answers = await Promise.all(
      targets().map(async (target) => {
        try {
          const answer = await fetch(target, {
            method: 'POST',
            headers,
            body,
            signal: AbortSignal.timeout(10_000),
          });
          await answer.body?.cancel();
          return { target, status: answer.status };
        } catch (error) {
          return { target, status: 0, error: (error as Error).message };
        }
      }),
    );
    const refused = answers.filter((answer) => answer.status < 200 || answer.status >= 300);
    for (const answer of refused) {
      log('events', `a flow refused a booking event: ${answer.target} ${answer.status}`);
    }
    send(response, refused.length === 0 ? 200 : 502, { delivered: answers });
    return true;
  };
}
