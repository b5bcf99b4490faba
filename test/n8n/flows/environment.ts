import { readFileSync } from 'node:fs';
import type { BookingEvent, MessageContext } from 'strapi-plugin-enroute/contracts';
import type { WorkflowTemplate } from '../../scripts/workflow-templates.ts';
import { context, contact, settings, statusEvent } from '../fixtures/messaging.ts';
import { createEngine, removeUserFolder, type EngineOptions } from '../support/engine.ts';
import { startEnrouteStandin } from '../support/enroute-standin.ts';
import { startSmtpCapture } from '../support/smtp-capture.ts';
import { startTwilioStandin, TWILIO_ORIGIN } from '../support/twilio-standin.ts';

export const API_TOKEN = 'enroute-api-token-for-tests';
export const WEBHOOK_SECRET = 'whsec_flows_0123456789';
export const TWILIO_SID = 'AC00000000000000000000000000000001';
const TWILIO_TOKEN = 'twilio-auth-token';

const HOUR = 3_600_000;

/** A booking that starts `hoursAhead` from now, for one contact. */
export function bookingIn(
  id: string,
  hoursAhead: number,
  overrides: Partial<MessageContext> = {},
): MessageContext {
  const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + hoursAhead * HOUR);
  const base = context({
    booking: {
      documentId: id,
      start: start.toISOString(),
      end: new Date(start.getTime() + HOUR).toISOString(),
    },
  });
  return {
    ...base,
    workOrder: { documentId: `wo-${id}`, number: `WO-${id.toUpperCase()}` },
    ...overrides,
  };
}

export { contact };

export function template(file: string): WorkflowTemplate {
  const url = new URL(`../../workflows/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as WorkflowTemplate;
}

/** A fresh status change event (new id) for a booking starting at `start`. */
export function statusChange(
  bookingId: string,
  from: BookingEvent['booking']['status'],
  to: BookingEvent['booking']['status'],
  start: string,
): BookingEvent {
  const event = statusEvent(from, to);
  return {
    ...event,
    id: crypto.randomUUID(),
    booking: { ...event.booking, documentId: bookingId, start },
    previous: event.previous && { ...event.previous, documentId: bookingId, start },
  };
}

/** The providers' side: a real SMTP server and the Twilio stand-in. */
export async function startProviders() {
  const smtp = await startSmtpCapture();
  const twilio = await startTwilioStandin(TWILIO_SID, TWILIO_TOKEN);
  return {
    smtp,
    twilio,
    close: async () => {
      await Promise.all([smtp.close(), twilio.close()]);
    },
  };
}

export type Providers = Awaited<ReturnType<typeof startProviders>>;

/** n8n's engine with the credentials of the templates: Enroute API, webhook secret, SMTP, Twilio. */
export function flowEngine(
  enroute: { url: string; token: string },
  providers: { smtp: Pick<Providers['smtp'], 'port'>; twilio: Pick<Providers['twilio'], 'url'> },
  nodeTypes?: EngineOptions['nodeTypes'],
) {
  return createEngine({
    nodeTypes,
    credentials: {
      enrouteApi: { url: enroute.url, apiToken: enroute.token },
      enrouteWebhookApi: { secret: WEBHOOK_SECRET },
      smtp: {
        host: '127.0.0.1',
        port: providers.smtp.port,
        secure: false,
        disableStartTls: true,
        user: '',
        password: '',
        hostName: '',
      },
      twilioApi: { authType: 'authToken', accountSid: TWILIO_SID, authToken: TWILIO_TOKEN },
    },
    redirects: { [TWILIO_ORIGIN]: providers.twilio.url },
  });
}

/** Real SMTP, the Twilio stand-in, the Enroute API stand-in, and n8n's engine wired to them. */
export async function startFlowEnvironment(
  bookings: MessageContext[],
  nodeTypes?: EngineOptions['nodeTypes'],
) {
  const providers = await startProviders();
  const enroute = await startEnrouteStandin({ token: API_TOKEN, settings: settings(), bookings });
  const engine = flowEngine({ url: enroute.url, token: API_TOKEN }, providers, nodeTypes);
  return {
    ...providers,
    enroute,
    engine,
    async close() {
      await Promise.all([providers.close(), enroute.close()]);
    },
  };
}

export { removeUserFolder };
export type FlowEnvironment = Awaited<ReturnType<typeof startFlowEnvironment>>;
