import { readFileSync } from 'node:fs';
import type { BookingEvent, MessageContext } from 'strapi-plugin-enroute/contracts';
import type { WorkflowTemplate } from '../../scripts/workflow-templates.ts';
import { context, contact, settings, statusEvent } from '../fixtures/messaging.ts';
import { createEngine, removeUserFolder } from '../support/engine.ts';
import { startEnrouteStandin } from '../support/enroute-standin.ts';
import { startSmtpCapture } from '../support/smtp-capture.ts';
import { startTwilioStandin, TWILIO_ORIGIN } from '../support/twilio-standin.ts';

export const API_TOKEN = 'enroute-api-token-for-tests';
export const WEBHOOK_SECRET = 'whsec_flows_0123456789';
const TWILIO_SID = 'AC00000000000000000000000000000001';
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

/** Real SMTP, the Twilio stand-in, the Enroute API stand-in, and n8n's engine wired to them. */
export async function startFlowEnvironment(bookings: MessageContext[]) {
  const smtp = await startSmtpCapture();
  const twilio = await startTwilioStandin(TWILIO_SID, TWILIO_TOKEN);
  const enroute = await startEnrouteStandin({ token: API_TOKEN, settings: settings(), bookings });
  const engine = createEngine({
    credentials: {
      enrouteApi: { url: enroute.url, apiToken: API_TOKEN },
      enrouteWebhookApi: { secret: WEBHOOK_SECRET },
      smtp: {
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        disableStartTls: true,
        user: '',
        password: '',
        hostName: '',
      },
      twilioApi: { authType: 'authToken', accountSid: TWILIO_SID, authToken: TWILIO_TOKEN },
    },
    redirects: { [TWILIO_ORIGIN]: twilio.url },
  });
  return {
    smtp,
    twilio,
    enroute,
    engine,
    async close() {
      await Promise.all([smtp.close(), twilio.close(), enroute.close()]);
    },
  };
}

export { removeUserFolder };
export type FlowEnvironment = Awaited<ReturnType<typeof startFlowEnvironment>>;
