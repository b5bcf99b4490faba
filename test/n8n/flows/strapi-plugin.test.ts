import type { ParsedMail } from 'mailparser';
import type { IRun } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUIET_HOURS_OFF } from '../../../cms-plugin/tests/support/fixtures.ts';
import { sqliteDatabase, type TestDatabase } from '../../../cms-plugin/tests/support/database.ts';
import { inDays, putBooking } from '../../../cms-plugin/tests/support/fixtures.ts';
import { startHost, type Host } from '../../../cms-plugin/tests/support/host.ts';
import { checkConnection } from '../../../n8n-nodes/nodes/Enroute/transport/connection-check.ts';
import type { Engine } from '../support/engine.ts';
import { listen, readBody, sendJson, type LocalServer } from '../support/http-server.ts';
import { activateWebhookWorkflow } from '../support/webhook-receiver.ts';
import {
  flowEngine,
  removeUserFolder,
  startProviders,
  template,
  WEBHOOK_SECRET,
  type Providers,
} from './environment.ts';

/**
 * The templates against the real thing: a Strapi app with the Enroute plugin (SQLite), its
 * records API to create bookings, its outbox relaying signed booking events to the flows'
 * triggers, its claims, access codes and notification log.
 */
const PORTAL = 'https://track.example.com';
const PORTAL_LINK = /https:\/\/track\.example\.com\/t\/[A-Za-z0-9_-]{22,}/;

let database: TestDatabase;
let host: Host;
let providers: Providers;
let engine: Engine;
let webhook: LocalServer;
const runs: Promise<IRun | null>[] = [];

beforeAll(async () => {
  database = await sqliteDatabase();
  host = await startHost({ database });
  providers = await startProviders();
  engine = flowEngine({ url: host.url, token: host.tokens.fullAccess }, providers);

  // The plugin posts every booking event to one URL; here it reaches each event flow's trigger.
  const flows = ['traveling', 'completed', 'rescheduled', 'canceled'].map((message) =>
    activateWebhookWorkflow(engine, template(`${message}.json`)),
  );
  webhook = await listen(async (request, response) => {
    const body = await readBody(request);
    const answers = await Promise.all(flows.map((flow) => flow.receive(request.headers, body)));
    runs.push(...answers.map((answer) => answer.run ?? Promise.resolve(null)));
    const refused = answers.find((answer) => answer.status !== 200);
    sendJson(response, refused?.status ?? 200, refused?.body ?? { accepted: true });
  });
  const settings = await host.admin('PUT', '/settings', {
    webhookUrl: webhook.url,
    webhookSecret: WEBHOOK_SECRET,
    portalBaseUrl: PORTAL,
    ...QUIET_HOURS_OFF,
  });
  expect(settings.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await Promise.all([host?.stop(), providers?.close(), webhook?.close()]);
  await database?.drop();
  removeUserFolder();
});

/** The plugin's notification log for one booking, as stored. */
async function logOf(bookingId: string) {
  const rows = await database.select(
    // Every idempotency key starts with the booking's documentId.
    `select type, channel, state, provider_message_id as "providerMessageId"
       from enroute_notifications where idempotency_key like $1`,
    [`${bookingId}:%`],
  );
  return rows.map((row) => ({
    message: `${String(row.type)}:${String(row.channel)}:${String(row.state)}`,
    providerMessageId: row.providerMessageId as string | null,
  }));
}

async function eventually<T>(read: () => Promise<T> | T, done: (value: T) => boolean) {
  for (let waited = 0; waited < 20_000; waited += 100) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out waiting');
}

function mailFor(providerMessageId: string | null | undefined): ParsedMail | undefined {
  return providers.smtp.received.find((mail) => mail.messageId === providerMessageId);
}

function icsOf(mail: ParsedMail | undefined): string | undefined {
  return mail?.attachments.find((a) => a.filename?.endsWith('.ics'))?.content.toString();
}

/** A message logged sent on both channels, and the email that reached the SMTP server. */
function sentBothWays(log: Awaited<ReturnType<typeof logOf>>, type: string) {
  const entries = log.filter((entry) => entry.message.startsWith(`${type}:`));
  expect(entries.map((entry) => entry.message).sort()).toEqual([
    `${type}:email:sent`,
    `${type}:sms:sent`,
  ]);
  const email = entries.find((entry) => entry.message === `${type}:email:sent`);
  const sms = entries.find((entry) => entry.message === `${type}:sms:sent`);
  return {
    mail: mailFor(email?.providerMessageId),
    text: providers.twilio.messages.find((message) => message.sid === sms?.providerMessageId),
  };
}

/** Changes a booking through the plugin's records API and waits for the flows it starts. */
async function change(bookingId: string, body: Record<string, unknown>, sent: number) {
  const answer = await host.api('PATCH', `/bookings/${bookingId}`, host.tokens.fullAccess, body);
  expect(answer.status).toBe(200);
  const log = await eventually(
    () => logOf(bookingId),
    (entries) => entries.filter((entry) => entry.message.endsWith(':sent')).length >= sent,
  );
  await Promise.all(runs);
  return log;
}

const ids: Record<string, string> = {};

describe('with a real Strapi and the Enroute plugin', () => {
  it('credential test: passes with the API token, says so when Strapi refuses another', async () => {
    expect(await checkConnection(host.url, host.tokens.fullAccess)).toEqual({ ok: true });
    expect(await checkConnection(host.url, 'not-a-token')).toMatchObject({
      ok: false,
      problem: 'bad-token',
      message: 'Strapi refused the API token (HTTP 401)',
    });
  });

  it('reminder: a booking due tomorrow gets its reminder in the contact’s language, once', async () => {
    const { booking } = await putBooking(host, host.tokens.fullAccess, 'remind', {
      start: inDays(1),
      end: inDays(1, 2),
    });
    const run = await engine.run(template('reminder.json'), [{ json: {} }]);
    expect(run.status).toBe('success');

    const { mail, text } = sentBothWays(await logOf(booking.documentId), 'reminder');
    expect(mail?.subject).toMatch(/^Rappel : votre rendez-vous du /);
    expect(mail?.text).toContain('Bonjour Camille Martin,');
    const link = PORTAL_LINK.exec(mail?.html || '')?.[0];
    expect(link).toBeDefined();
    expect(mail?.text).toContain(link);
    expect(icsOf(mail)).toContain('METHOD:REQUEST');
    expect(icsOf(mail)).toContain(`UID:${booking.documentId}@enroute`);
    expect(icsOf(mail)).toMatch(/DTSTART;TZID=Europe\/Paris:/);
    expect(text).toMatchObject({ to: '+33612345678' });
    expect(text?.body).toMatch(PORTAL_LINK);

    // The portal link is a real access code of the plugin's.
    const token = link?.split('/t/')[1];
    const view = await host.api('GET', `/access-codes/${token}`, host.tokens.readOnly);
    expect(view.status).toBe(200);

    const again = await engine.run(template('reminder.json'), [{ json: {} }]);
    expect(again.status).toBe('success');
    expect(await logOf(booking.documentId)).toHaveLength(2);
    ids.remind = booking.documentId;
  });

  it('traveling: the booking set on its way in Strapi reaches the customer by email and SMS through the plugin’s signed event', async () => {
    const { booking } = await putBooking(host, host.tokens.fullAccess, 'travel', {
      start: inDays(0, 1),
      end: inDays(0, 3),
    });
    const emailsBefore = providers.smtp.received.length;
    const log = await change(booking.documentId, { status: 'traveling' }, 2);
    const { mail, text } = sentBothWays(log, 'traveling');
    expect(providers.smtp.received.length).toBe(emailsBefore + 1);
    expect(mail?.subject).toBe('Jordan Lee est en route');
    expect(mail?.html).toMatch(PORTAL_LINK);
    expect(text?.body).toMatch(PORTAL_LINK);
    ids.travel = booking.documentId;
  });

  it('completed: the booking marked completed gets the completion message', async () => {
    const log = await change(ids.travel!, { status: 'completed' }, 4);
    expect(sentBothWays(log, 'completed').mail?.subject).toBe('Votre intervention est terminée');
  });

  it('rescheduled: the reminded booking moved by a day gets the new time and an updated invitation', async () => {
    const log = await change(ids.remind!, { start: inDays(2), end: inDays(2, 2) }, 4);
    const { mail } = sentBothWays(log, 'rescheduled');
    expect(mail?.subject).toMatch(/^Votre rendez-vous est déplacé au /);
    expect(icsOf(mail)).toContain('METHOD:REQUEST');
  });

  it('canceled: the reminded booking canceled gets a cancellation with the calendar CANCEL', async () => {
    const log = await change(ids.remind!, { status: 'canceled' }, 6);
    const { mail, text } = sentBothWays(log, 'canceled');
    expect(mail?.subject).toMatch(/ est annulé$/);
    expect(icsOf(mail)).toContain('METHOD:CANCEL');
    expect(text?.body).not.toMatch(PORTAL_LINK);
  });
});
