import { BookingEvent } from 'strapi-plugin-enroute/contracts';
import { flowEngine, template } from '../flows/environment.ts';
import { listen, readBody, sendJson } from '../support/http-server.ts';
import { activateWebhookWorkflow } from '../support/webhook-receiver.ts';

/**
 * n8n in a process of its own, so that it can be killed: n8n's engine with the real templates,
 * the four event flows active behind one webhook URL (each trigger keeps what is for it), the
 * reminder flow run when the suite says so (its schedule).
 */
export type ToN8n =
  | {
      kind: 'start';
      strapiUrl: string;
      token: string;
      smtpPort: number;
      twilioUrl: string;
      /** The port its webhooks listen on: 0 the first time, then the same after a restart. */
      webhookPort: number;
    }
  | { kind: 'reminders' };
export type FromN8n =
  | { kind: 'started'; webhookUrl: string; userFolder: string }
  /** A delivery of booking events reached n8n, with how many of them set a booking traveling. */
  | { kind: 'event'; traveling: number }
  | { kind: 'reminders'; status: string };

const EVENT_FLOWS = ['traveling.json', 'completed.json', 'rescheduled.json', 'canceled.json'];

function send(message: FromN8n) {
  process.send?.(message);
}

/** How many events of a delivery set a booking traveling (a bare event or `{ events }`). */
function travelingIn(body: string): number {
  const parsed = JSON.parse(body) as { events?: unknown[] };
  const events = (parsed.events ?? [parsed]).map((event) => BookingEvent.parse(event));
  return events.filter(
    (event) => event.type === 'booking.status_changed' && event.booking.status === 'traveling',
  ).length;
}

let engine: ReturnType<typeof flowEngine> | null = null;

process.on('message', (message: ToN8n) => {
  void (async () => {
    if (message.kind === 'start') {
      engine = flowEngine(
        { url: message.strapiUrl, token: message.token },
        { smtp: { port: message.smtpPort }, twilio: { url: message.twilioUrl } },
      );
      const active = engine;
      const flows = EVENT_FLOWS.map((file) => activateWebhookWorkflow(active, template(file)));
      const server = await listen(async (request, response) => {
        const body = await readBody(request);
        send({ kind: 'event', traveling: travelingIn(body) });
        const answers = await Promise.all(flows.map((flow) => flow.receive(request.headers, body)));
        await Promise.all(answers.map((answer) => answer.run));
        // As n8n answers a delivery: 2xx once the runs are over, an error when one failed.
        const worst = Math.max(...answers.map((answer) => answer.status));
        sendJson(response, worst, answers.find((answer) => answer.status === worst)?.body ?? null);
      }, message.webhookPort);
      send({
        kind: 'started',
        webhookUrl: server.url,
        userFolder: process.env.N8N_USER_FOLDER ?? '',
      });
    } else if (engine) {
      const run = await engine.run(template('reminder.json'), [{ json: {} }]);
      send({ kind: 'reminders', status: run.status });
    }
  })();
});
