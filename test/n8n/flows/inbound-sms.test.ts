import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOUND, NODE } from '../workflows/templates.ts';
import { outputOf } from '../support/engine.ts';
import {
  REPORTER,
  removeUserFolder,
  startFlowEnvironment,
  statusChange,
  template,
  PORTAL,
  type FlowEnvironment,
  type PluginBooking,
} from './environment.ts';

const inbound = template('inbound-sms.json');
const traveling = template('traveling.json');
const completed = template('completed.json');
const COMPANY_NUMBER = '+15005550006';
const OFFICE = 'office@example.com';

let env: FlowEnvironment;
const on: Record<'en' | 'fr' | 'ar', PluginBooking> = {} as never;
const phones = { en: REPORTER.mobilePhone!, fr: '+33612345678', ar: '+971501234567' };
let sid = 0;

/** A text from a customer's phone, as Twilio's inbound webhook posts it to the flow. */
async function text(
  from: string,
  body: string,
  messageSid = `SM${String(++sid).padStart(32, '0')}`,
) {
  const sent = env.twilio.messages.length;
  const run = await env.engine.run(
    inbound,
    [
      {
        json: {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          params: {},
          query: {},
          body: { From: from, To: COMPANY_NUMBER, Body: body, MessageSid: messageSid },
        },
      },
    ],
    'webhook',
  );
  expect(run.status).toBe('success');
  return { run, answers: env.twilio.messages.slice(sent), messageSid };
}

async function smsOf(booking: PluginBooking) {
  return (await env.plugin.notifications(booking)).filter((n) => n.channel === 'sms');
}

beforeAll(async () => {
  env = await startFlowEnvironment();
  const settings = await env.plugin.host.admin('PUT', '/settings', { repliesEmail: OFFICE });
  if (settings.status !== 200) throw new Error(JSON.stringify(settings.body));
  on.en = await env.plugin.booking('reply-en', 2, { status: 'traveling' });
  on.fr = await env.plugin.booking('reply-fr', 2, {
    status: 'traveling',
    contact: {
      name: 'Camille Martin',
      mobilePhone: phones.fr,
      locale: 'fr',
      email: 'camille@example.com',
    },
  });
  on.ar = await env.plugin.booking('reply-ar', 2, {
    status: 'traveling',
    contact: { name: 'نور حداد', mobilePhone: phones.ar, locale: 'ar', email: 'noor@example.com' },
  });
}, 180_000);

afterAll(async () => {
  await env?.close();
  removeUserFolder();
});

describe('a customer who texts STOP', () => {
  it.each([
    ['en', 'STOP', 'you will get no more texts'],
    ['fr', 'Arrêt', 'vous ne recevrez plus nos SMS'],
    ['ar', 'إيقاف', 'لن تصلك رسائل نصية'],
  ] as const)(
    '%s (%s): one confirmation in their language, then no SMS for the next booking event, email still sent',
    async (locale, stop, confirmation) => {
      const first = await text(phones[locale], stop);
      expect(first.answers).toEqual([
        expect.objectContaining({
          to: phones[locale],
          from: COMPANY_NUMBER,
          body: expect.stringContaining(confirmation),
        }),
      ]);
      // Twilio delivers the same message again: no second confirmation.
      const again = await text(phones[locale], stop, first.messageSid);
      expect(again.answers).toEqual([]);

      const emailsBefore = env.smtp.received.length;
      const run = await env.engine.run(
        traveling,
        [{ json: statusChange(on[locale], 'scheduled', 'traveling') }],
        'webhook',
      );
      expect(run.status).toBe('success');
      const sms = await smsOf(on[locale]);
      expect(sms).toEqual([expect.objectContaining({ state: 'skipped', reason: 'opted-out' })]);
      await env.smtp.settled();
      const email = env.smtp.received.slice(emailsBefore);
      expect(email.map((mail) => (mail.to && 'text' in mail.to ? mail.to.text : ''))).toEqual([
        expect.stringContaining(
          locale === 'en' ? REPORTER.email! : locale === 'fr' ? 'camille' : 'noor',
        ),
      ]);
    },
  );
});

describe('a customer who texts START, HELP or anything else', () => {
  it('START: texts again, confirmed, and the next booking event sends an SMS', async () => {
    const start = await text(phones.en, 'Start');
    expect(start.answers).toEqual([
      expect.objectContaining({
        to: phones.en,
        body: expect.stringContaining('texts are back on'),
      }),
    ]);
    await env.plugin.change(on.en, { status: 'completed' });
    const run = await env.engine.run(
      completed,
      [{ json: statusChange(on.en, 'traveling', 'completed') }],
      'webhook',
    );
    expect(run.status).toBe('success');
    const sms = await smsOf(on.en);
    expect(sms).toContainEqual(expect.objectContaining({ type: 'completed', state: 'sent' }));
  });

  it('HELP: the company name, phone and email, and how to stop', async () => {
    const help = await text(phones.en, 'help');
    expect(help.answers).toHaveLength(1);
    const body = help.answers[0]!.body;
    for (const part of ['Contoso', '+1 555 0100', 'help@contoso.example', 'STOP']) {
      expect(body).toContain(part);
    }
    expect(outputOf(help.run, INBOUND.forward)).toEqual([]);
  });

  it('a free reply: kept on the booking and forwarded to the office by email, nothing texted back', async () => {
    const before = env.smtp.received.length;
    const reply = await text(phones.fr, 'Le code du portail est 4411');
    expect(reply.answers).toEqual([]);
    await env.smtp.waitFor(before + 1);
    const mail = env.smtp.received[before]!;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(OFFICE);
    expect(mail.subject).toContain('WO-REPLY-FR');
    expect(mail.text).toContain('Le code du portail est 4411');
    expect(mail.text).toContain('Camille Martin');

    const booking = await env.plugin.host.asAdmin(
      'GET',
      `/content-manager/collection-types/plugin::enroute.booking/${on.fr.documentId}?populate[replies]=*`,
    );
    const replies = (booking.body.data as { replies: { body: string; kind: string }[] }).replies;
    expect(replies).toContainEqual(
      expect.objectContaining({ body: 'Le code du portail est 4411', kind: 'forward' }),
    );
  });
});

describe('one-click unsubscribe from an email the flow sent', () => {
  it("stops email from the link in the prepared message's List-Unsubscribe, once; SMS still go", async () => {
    const booking = await env.plugin.booking('one-click', 2, {
      status: 'traveling',
      contact: { email: 'oneclick@example.com', mobilePhone: '+447911123456' },
    });
    const run = await env.engine.run(
      traveling,
      [{ json: statusChange(booking, 'scheduled', 'traveling') }],
      'webhook',
    );
    expect(run.status).toBe('success');
    const [prepared] = outputOf(run, NODE.prepare, 0);
    const headers = prepared?.json.headers as Record<string, string>;
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const url = /^<(https:[^>]+)>/.exec(headers['List-Unsubscribe'] ?? '')?.[1] ?? '';
    expect(url.startsWith(`${PORTAL}/u/`)).toBe(true);
    expect(headers['List-Unsubscribe']).toContain(`<mailto:${OFFICE}?subject=unsubscribe`);

    // What the portal does with the mail client's POST to that link.
    const token = url.slice(`${PORTAL}/u/`.length);
    const portalToken = env.plugin.host.tokens.readOnly;
    for (const attempt of [1, 2]) {
      const answer = await env.plugin.host.api(
        'POST',
        `/preferences/${token}/one-click`,
        portalToken,
        {},
      );
      expect([attempt, answer.status]).toEqual([attempt, 200]);
    }
    const contacts = '/content-manager/collection-types/plugin::enroute.contact';
    const found = await env.plugin.host.asAdmin(
      'GET',
      `${contacts}?filters[externalId][$eq]=contact-one-click`,
    );
    const [contact] = (
      found.body as unknown as { results: { consentRecord: unknown[]; emailOptOut: boolean }[] }
    ).results;
    expect(contact?.emailOptOut).toBe(true);
    expect(contact?.consentRecord).toEqual([
      expect.objectContaining({ channel: 'email', choice: 'out', source: 'one-click' }),
    ]);

    await env.plugin.change(booking, { status: 'completed' });
    const after = await env.engine.run(
      completed,
      [{ json: statusChange(booking, 'traveling', 'completed') }],
      'webhook',
    );
    expect(after.status).toBe('success');
    const log = (await env.plugin.notifications(booking)).filter((n) => n.type === 'completed');
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'email', state: 'skipped', reason: 'opted-out' }),
        expect.objectContaining({ channel: 'sms', state: 'sent' }),
      ]),
    );
  });
});
