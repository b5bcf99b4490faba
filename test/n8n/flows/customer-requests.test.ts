import { afterAll, beforeAll, expect, it } from 'vitest';
import { BookingEvent } from '../../../cms-plugin/shared/contracts/booking-event.ts';
import { CustomerActionsView } from '../../../cms-plugin/shared/contracts/customer-actions.ts';
import { IssuedAccessCode } from '../../../cms-plugin/shared/contracts/messaging.ts';
import { OFFICE_ADDRESS } from '../workflows/templates.ts';
import {
  PORTAL,
  REPORTER,
  removeUserFolder,
  startFlowEnvironment,
  template,
  type FlowEnvironment,
  type PluginBooking,
} from './environment.ts';

/**
 * The customer requests flow run by n8n's own engine on the events a real Strapi wrote when a
 * customer answered from the booking's page: the office gets an email through n8n's Send Email.
 * A dispatcher's answer reaches the customer through the rescheduled and request-declined flows.
 */
const flow = template('customer-requests.json');
let env: FlowEnvironment;

beforeAll(async () => {
  env = await startFlowEnvironment();
}, 180_000);

afterAll(async () => {
  await env?.close();
  removeUserFolder();
});

/** The customer answers through the portal's route, with the page's revision. */
async function answer(
  booking: PluginBooking,
  body: Record<string, unknown> | ((view: CustomerActionsView) => Record<string, unknown>),
): Promise<void> {
  const host = env.plugin.host;
  const issued = await host.api(
    'POST',
    `/messaging/bookings/${booking.documentId}/access-codes`,
    host.tokens.fullAccess,
  );
  const code = IssuedAccessCode.parse(issued.body).token;
  const view = await host.api('GET', `/portal/${code}`, host.tokens.readOnly);
  const customer = CustomerActionsView.parse((view.body as { customer: unknown }).customer);
  const answered = await host.api('POST', `/portal/${code}/actions`, host.tokens.readOnly, {
    ...(typeof body === 'function' ? body(customer) : body),
    revision: customer.revision,
  });
  expect(answered.status, JSON.stringify(answered.body)).toBe(200);
}

/** The booking's event of a type, as the outbox holds it for delivery. */
async function eventOf(booking: PluginBooking, type: string): Promise<BookingEvent> {
  const rows = await env.plugin.host.database.select(
    'select payload from enroute_booking_events where booking_document_id = $1 and type = $2',
    [booking.documentId, type],
  );
  const payload = rows[0]?.payload;
  return BookingEvent.parse(typeof payload === 'string' ? JSON.parse(payload) : payload);
}

async function officeEmailFor(event: BookingEvent) {
  const before = env.smtp.received.length;
  const run = await env.engine.run(flow, [{ json: event }], 'webhook');
  expect(run.status).toBe('success');
  await env.smtp.waitFor(before + 1);
  const mail = env.smtp.received[before]!;
  expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(OFFICE_ADDRESS);
  return mail;
}

it('a request for another time reaches the office with what the customer asked for', async () => {
  const booking = await env.plugin.booking('ask-move', 72);
  await answer(booking, { action: 'reschedule', preference: 'Any morning next week' });
  const mail = await officeEmailFor(await eventOf(booking, 'customer.reschedule_requested'));
  expect(mail.subject).toBe('The customer asks for another time: booking booking-ask-move');
  expect(mail.text).toContain('Asked for: Any morning next week');
  expect(mail.text).toContain(`/api/enroute/bookings/${booking.documentId}/customer-request`);
});

it('a note is announced to the office without its words', async () => {
  const booking = await env.plugin.booking('ask-note', 72);
  await answer(booking, { action: 'note', note: 'Gate code: blue heron' });
  const mail = await officeEmailFor(await eventOf(booking, 'customer.note'));
  expect(mail.subject).toBe(
    'The customer left a note for the technician: booking booking-ask-note',
  );
  expect(mail.text).not.toContain('blue heron');
});

it('a confirmation and a cancel reach the office too', async () => {
  const booking = await env.plugin.booking('ask-cancel', 72);
  await answer(booking, { action: 'confirm' });
  await answer(booking, { action: 'cancel' });
  const confirmed = await officeEmailFor(await eventOf(booking, 'customer.confirmed'));
  expect(confirmed.subject).toBe('The customer confirmed: booking booking-ask-cancel');
  const canceled = await officeEmailFor(await eventOf(booking, 'customer.cancel_requested'));
  expect(canceled.subject).toBe('The customer canceled: booking booking-ask-cancel');
  expect(canceled.text).toContain('status canceled');
});

it('a request accepted in the admin moves the booking, and the customer gets the rescheduled message', async () => {
  const booking = await env.plugin.booking('ask-accepted', 72);
  const reminded = await env.engine.run(template('reminder.json'), [
    { json: { timestamp: new Date().toISOString() } },
  ]);
  expect(reminded.status).toBe('success');
  let asked: { start: string; end: string } | undefined;
  await answer(booking, (customer) => {
    asked = customer.windows.at(-1);
    return { action: 'reschedule', window: asked };
  });
  const accepted = await env.plugin.host.admin(
    'POST',
    `/bookings/${booking.documentId}/customer-request`,
    { decision: 'accept' },
  );
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);

  const before = env.smtp.received.length;
  const event = await eventOf(booking, 'booking.rescheduled');
  expect(Date.parse(event.booking.start)).toBe(Date.parse(asked!.start));
  const run = await env.engine.run(template('rescheduled.json'), [{ json: event }], 'webhook');
  expect(run.status).toBe('success');
  await env.smtp.waitFor(before + 1);
  const mail = env.smtp.received
    .slice(before)
    .find((m) => m.subject?.startsWith('Your appointment has moved'));
  expect(mail?.text).toContain('Your appointment has moved from ');
});

it('a request declined in the admin keeps the booking, and the customer is told so once by email and SMS', async () => {
  const booking = await env.plugin.booking('ask-declined', 72);
  await answer(booking, { action: 'reschedule', preference: 'Any afternoon' });
  const declined = await env.plugin.host.admin(
    'POST',
    `/bookings/${booking.documentId}/customer-request`,
    { decision: 'decline' },
  );
  expect(declined.status, JSON.stringify(declined.body)).toBe(200);
  const event = await eventOf(booking, 'customer.reschedule_declined');
  expect(Date.parse(event.booking.start)).toBe(Date.parse(booking.start));

  const declinedFlow = template('request-declined.json');
  const run = await env.engine.run(declinedFlow, [{ json: event }], 'webhook');
  expect(run.status).toBe('success');
  const log = (await env.plugin.notifications(booking)).filter(
    (entry) => entry.type === 'request-declined',
  );
  expect(log.map((entry) => `${entry.channel} ${entry.state}`).sort()).toEqual([
    'email sent',
    'sms sent',
  ]);
  const email = log.find((entry) => entry.channel === 'email');
  const sms = log.find((entry) => entry.channel === 'sms');
  await env.smtp.waitFor(1);
  const mail = env.smtp.received.find((m) => m.messageId === email?.providerMessageId);
  expect(mail?.subject).toBe('We could not move your appointment');
  expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe(REPORTER.email);
  expect(mail?.text).toContain('Sorry, we could not move your appointment');
  expect(mail?.text).toMatch(/It stays on .+, between .+ and .+\./);
  expect(mail?.text).toContain(`${PORTAL}/t/`);
  expect(mail?.html).toContain(`href="${PORTAL}/t/`);
  const texts = env.twilio.messages.filter((m) => m.sid === sms?.providerMessageId);
  expect(texts).toHaveLength(1);
  expect(texts[0]?.to).toBe(REPORTER.mobilePhone);
  expect(texts[0]?.body).toMatch(
    new RegExp(`: we could not move your appointment\\. It stays on .+\\. ${PORTAL}/t/\\S+$`),
  );

  // The same event delivered again sends nothing more.
  const sent = { mails: env.smtp.received.length, texts: env.twilio.messages.length };
  const again = await env.engine.run(declinedFlow, [{ json: event }], 'webhook');
  expect(again.status).toBe('success');
  expect(env.smtp.received.length).toBe(sent.mails);
  expect(env.twilio.messages.length).toBe(sent.texts);
  expect(
    (await env.plugin.notifications(booking)).filter((entry) => entry.type === 'request-declined'),
  ).toHaveLength(2);
});

it('the reminder of a booking the customer confirmed says so', async () => {
  const booking = await env.plugin.booking('ask-confirmed', 50);
  await answer(booking, { action: 'confirm' });
  const run = await env.engine.run(template('reminder.json'), [
    { json: { timestamp: new Date().toISOString() } },
  ]);
  expect(run.status).toBe('success');
  const email = (await env.plugin.notifications(booking)).find(
    (entry) => entry.type === 'reminder' && entry.channel === 'email' && entry.state === 'sent',
  );
  expect(email?.providerMessageId).toBeTruthy();
  const mail = env.smtp.received.find((m) => m.messageId === email?.providerMessageId);
  expect(mail?.text).toContain('You confirmed this appointment. Thank you!');
});
