import { createParser } from 'eventsource-parser';
import { LiveUpdate } from '@enroute/contracts';
import type { LiveUpstream } from './live-hub.ts';

/**
 * Upstream that listens to Strapi's live stream of one booking (`GET
 * /api/enroute/portal/:code/live`, Server-Sent Events of LiveUpdate): Strapi pushes each change
 * of position, ETA or state as it happens. A stream that closes without `end`, or cannot be
 * opened, is reported as an error, and the hub reopens it. 404 means the code is no longer
 * available: nothing more will come.
 */
export interface StreamUpstreamOptions {
  liveUrl(code: string): URL;
  /** The portal's read-only token, never sent anywhere but Strapi. */
  token: string;
  /** How long Strapi may take to start answering. */
  connectTimeoutMs: number;
  /** An update that breaks the contract: skipped, and said here. */
  onInvalidUpdate?: (code: string, detail: string) => void;
  fetch?: typeof fetch;
}

export function createStreamUpstream(options: StreamUpstreamOptions): LiveUpstream {
  const send = options.fetch ?? fetch;
  return {
    open(code, handlers) {
      const abort = new AbortController();
      let settled = false;
      const settle = (report: () => void) => {
        if (settled) return;
        settled = true;
        report();
      };

      const parser = createParser({
        onEvent(message) {
          if (message.event === 'end') return settle(() => handlers.end());
          if (message.event !== 'update') return;
          const update = parseUpdate(message.data);
          if (update.ok) handlers.update(update.value);
          else options.onInvalidUpdate?.(code, update.detail);
        },
      });

      async function listen() {
        const connecting = setTimeout(() => abort.abort(), options.connectTimeoutMs);
        const response = await send(options.liveUrl(code), {
          headers: {
            accept: 'text/event-stream',
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
          signal: abort.signal,
        }).finally(() => clearTimeout(connecting));
        const type = response.headers.get('content-type') ?? '';
        if (response.status === 404) {
          await response.body?.cancel();
          return settle(() => handlers.end());
        }
        if (!response.ok || !type.startsWith('text/event-stream') || !response.body) {
          await response.body?.cancel();
          return settle(() => handlers.error(`Strapi live stream answered ${response.status}`));
        }
        const decoder = new TextDecoder();
        for await (const chunk of response.body) {
          if (settled) break;
          parser.feed(decoder.decode(chunk, { stream: true }));
        }
        settle(() => handlers.error('Strapi closed the live stream'));
      }

      listen().catch((error: unknown) => {
        if (settled) return;
        const detail = error instanceof Error ? error.message : String(error);
        settle(() => handlers.error(`Strapi live stream failed: ${detail}`));
      });

      return {
        close() {
          settled = true;
          abort.abort();
        },
      };
    },
  };
}

type Parsed = { ok: true; value: LiveUpdate } | { ok: false; detail: string };

function parseUpdate(data: string): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, detail: 'update is not JSON' };
  }
  const parsed = LiveUpdate.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    .join('; ');
  return { ok: false, detail: `update breaks the contract: ${issues}` };
}
