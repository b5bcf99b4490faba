import type { ParsedMail } from 'mailparser';
import { signPayload, type BookingEvent, type MessageType } from 'strapi-plugin-enroute/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE } from '../workflows/templates.ts';
import { outputOf } from '../support/engine.ts';
import { activateWebhookWorkflow } from '../support/webhook-receiver.ts';
import {
  removeUserFolder,
  startFlowEnvironment,
  statusChange,
  template,
  WEBHOOK_SECRET,
  type FlowEnvironment,
  type PluginBooking,
} from './environment.ts';

const PORTAL_LINK = /https:\/\/track\.example\.com\/t\/[A-Za-z0-9_-]{22,}/;
const REPORTER = 'ana@example.com';

function linkIn(text: string | false | undefined): string | undefined {
  return PORTAL_LINK.exec(text || '')?.[0];
}

function icsOf(mail: ParsedMail) {
  const attachment = mail.attachments.find((a) => a.filename?.endsWith('.ics'));
  return attachment && { ...attachment, text: attachment.content.toString('utf8') };
}

let env: FlowEnvironment;
const bookings: Record<
  'remind' | 'optout' | 'later' | 'travel' | 'done' | 'cancel' | 'moved',
  PluginBooking
> = {} as never;

beforeAll(async () => {
  env = await startFlowEnvironment();
  const { plugin } = env;
  bookings.remind = await plugin.booking('remind', 26);
  bookings.optout = await plugin.booking('optout', 50, {
    contact: { name: 'Lee Quiet', email: 'lee@example.com', smsOptOut: true },
  });
  // Not due for a reminder: beyond the window, already on the way, or started.
  bookings.later = await plugin.booking('later', 24 * 30);
  bookings.travel = await plugin.booking('travel', 1, { status: 'traveling' });
  bookings.done = await plugin.booking('done', -2, { status: 'in-progress' });
  // Reminded by the first run, then canceled or moved.
  bookings.cancel = await plugin.booking('cancel', 30);
  bookings.moved = await plugin.booking('moved', 72);
}, 180_000);

afterAll(async () => {
  await env?.close();
  removeUserFolder();
});

/**
 * What one booking's message came to: the email that reached the SMTP server (matched to the
 * log by its Message-ID), the SMS that reached Twilio, and the log entries.
 */
async function delivered(booking: PluginBooking, type: MessageType) {
  const log = (await env.plugin.notifications(booking)).filter((n) => n.type === type);
  const email = log.find((n) => n.channel === 'email' && n.state !== 'skipped');
  const sms = log.find((n) => n.channel === 'sms');
  const mails = env.smtp.received.filter((m) => m.messageId === email?.providerMessageId);
  const twilio = env.twilio.messages.filter((m) => sms?.providerMessageId === m.sid);
  return { log, email, sms, mails, texts: twilio };
}

/** What a customer reads in the email: subject, sender, both parts, the link and the invitation. */
async function expectEmail(
  mail: ParsedMail | undefined,
  expected: {
    subject: RegExp | string;
    heading: string;
    link: boolean;
    ics: 'REQUEST' | 'CANCEL' | null;
  },
) {
  expect(mail).toBeDefined();
  const { subject, heading, link, ics } = expected;
  expect(mail!.subject).toMatch(subject);
  expect(mail!.from?.value).toEqual([{ name: 'Enroute', address: 'notifications@example.com' }]);
  expect(mail!.to && !Array.isArray(mail!.to) && mail!.to.value[0]?.address).toBe(REPORTER);
  expect(mail!.html).toContain(heading);
  expect(mail!.text).toContain(heading);
  expect(mail!.text).toContain('Hello Ana Reporter,');
  if (link) {
    const url = linkIn(mail!.html);
    expect(url).toBeDefined();
    expect(mail!.html).toContain(`href="${url}"`);
    expect(mail!.text).toContain(url);
    expect(await env.plugin.opens(url!)).toBe(true);
  } else {
    expect(linkIn(mail!.html)).toBeUndefined();
    expect(linkIn(mail!.text)).toBeUndefined();
  }
  const invitation = icsOf(mail!);
  if (!ics) return expect(invitation).toBeUndefined();
  expect(invitation?.contentType).toBe('text/calendar');
  expect(invitation?.text).toContain(`METHOD:${ics}`);
  expect(invitation?.text).toMatch(/^UID:[a-z0-9]+@enroute\r?$/m);
  expect(invitation?.text).toMatch(/^DTSTART;TZID=Europe\/London:\d{8}T\d{6}\r?$/m);
  expect(invitation?.text).toContain(`mailto:${REPORTER}`);
}

describe('reminder template', () => {
  it('sends each due reminder by email with the invitation and by SMS, logs them sent, and skips what the rules hold back', async () => {
    const run = await env.engine.run(template('reminder.json'), [
      { json: { timestamp: new Date().toISOString() } },
    ]);
    expect(run.status).toBe('success');
    // The emails and the SMS were each handed on as one batch, to executions of the flow itself.
    expect(run.subRuns.map((subRun) => subRun.status)).toEqual(['success', 'success']);
    await env.smtp.waitFor(4);

    const remind = await delivered(bookings.remind, 'reminder');
    expect(remind.mails).toHaveLength(1);
    await expectEmail(remind.mails[0], {
      subject: /^Reminder: your appointment on \w+day, .*\d/,
      heading: 'Your appointment is coming up',
      link: true,
      ics: 'REQUEST',
    });
    expect(remind.texts).toHaveLength(1);
    expect(remind.texts[0]).toMatchObject({ to: '+14155552671', from: '+15005550006' });
    expect(remind.texts[0]?.body).toMatch(
      /^Contoso Home Services: your appointment is on .+ https:\/\/track/,
    );
    expect(linkIn(remind.texts[0]?.body)).toBeDefined();
    expect(remind.log.map((n) => `${n.channel}:${n.state}`).sort()).toEqual([
      'email:sent',
      'sms:sent',
    ]);
    // The log keeps what the customer got, with the link made unusable.
    expect(remind.email?.content).toEqual({
      subject: remind.mails[0]?.subject,
      html: expect.stringContaining('Your appointment is coming up'),
      text: expect.stringContaining('Hello Ana Reporter,'),
    });
    const token = linkIn(remind.texts[0]?.body)?.split('/t/')[1] ?? 'missing';
    expect(remind.sms?.content?.body).toBe(remind.texts[0]?.body?.replace(token, '[access-code]'));
    expect(JSON.stringify(remind.email?.content)).not.toContain(token);

    const optOut = await delivered(bookings.optout, 'reminder');
    expect(optOut.mails.map((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text)).toEqual([
      'lee@example.com',
    ]);
    expect(optOut.sms).toMatchObject({ state: 'skipped', reason: 'opted-out' });
    // Remind, cancel and moved by SMS; the opted-out reporter by email only.
    expect(env.twilio.messages).toHaveLength(3);
    expect(env.smtp.received).toHaveLength(4);
    for (const quiet of [bookings.later, bookings.travel, bookings.done]) {
      expect(await env.plugin.notifications(quiet)).toEqual([]);
    }
  });

  it('sends nothing on a second run the same day', async () => {
    const emails = env.smtp.received.length;
    const run = await env.engine.run(template('reminder.json'), [{ json: {} }]);
    expect(run.status).toBe('success');
    expect(outputOf(run, NODE.prepare, 0)).toHaveLength(0);
    expect(outputOf(run, NODE.prepare, 1)).toHaveLength(0);
    expect(env.smtp.received.length).toBe(emails);
    expect(env.twilio.messages).toHaveLength(3);
  });
});

describe('event templates', () => {
  it('traveling: a signed event in, one email and one SMS with the portal link out, both logged sent', async () => {
    const flow = activateWebhookWorkflow(env.engine, template('traveling.json'));
    const event = statusChange(bookings.travel, 'scheduled', 'traveling');
    const body = JSON.stringify(event);

    const answer = await flow.receive(
      { 'x-enroute-signature': signPayload(WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000)) },
      body,
    );
    expect(answer.status).toBe(200);
    const run = await answer.run;
    expect(run?.status).toBe('success');
    // The text goes out before the email.
    const started = (node: string) => run?.data.resultData.runData[node]?.[0]?.startTime ?? NaN;
    expect(started(NODE.sms)).toBeLessThan(started(NODE.email));

    const { mails, texts, log } = await delivered(bookings.travel, 'traveling');
    await expectEmail(mails[0], {
      subject: 'Sam Fixer is on the way',
      heading: 'Your technician is on the way',
      link: true,
      ics: null,
    });
    expect(texts).toHaveLength(1);
    expect(texts[0]?.body).toContain('Sam Fixer is on the way');
    expect(linkIn(texts[0]?.body)).toBeDefined();
    expect(log.map((n) => `${n.channel}:${n.state}`).sort()).toEqual(['email:sent', 'sms:sent']);
  });

  it('each status flow starts only for its own status; the others acknowledge the event and run nothing', async () => {
    // A booking completed in Strapi (with its completion time), as the event says.
    const finished = await env.plugin.booking('finished', -3, { status: 'in-progress' });
    await env.plugin.change(finished, { status: 'completed' });
    const event = statusChange(finished, 'in-progress', 'completed');
    const body = JSON.stringify(event);
    const headers = {
      'x-enroute-signature': signPayload(WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000)),
    };
    const traveling = activateWebhookWorkflow(env.engine, template('traveling.json'));
    const canceled = activateWebhookWorkflow(env.engine, template('canceled.json'));
    for (const flow of [traveling, canceled]) {
      expect(await flow.receive(headers, body)).toEqual({
        status: 200,
        body: { accepted: true, ignored: 'booking.status_changed' },
        run: null,
      });
      // Not remembered: nothing for n8n to save.
      expect(JSON.stringify(flow.workflow.staticData ?? {})).not.toContain(event.id);
    }
    const completed = activateWebhookWorkflow(env.engine, template('completed.json'));
    const answer = await completed.receive(headers, body);
    expect(answer.run).not.toBeNull();
    expect((await answer.run)?.status).toBe('success');
  });

  it('traveling: an unsigned or replayed delivery starts nothing', async () => {
    const flow = activateWebhookWorkflow(env.engine, template('traveling.json'));
    const body = JSON.stringify(statusChange(bookings.travel, 'scheduled', 'traveling'));
    const unsigned = await flow.receive({}, body);
    expect(unsigned).toMatchObject({ status: 401, run: null });
    const forged = await flow.receive(
      {
        'x-enroute-signature': signPayload(
          'another-secret-000000',
          body,
          Math.floor(Date.now() / 1000),
        ),
      },
      body,
    );
    expect(forged).toMatchObject({
      status: 401,
      body: { reason: 'signature mismatch' },
      run: null,
    });
  });

  it('completed: sends the completion message, with the CMS’s current words', async () => {
    await env.plugin.change(bookings.done, { status: 'completed' });
    await env.plugin.editSnippets('en', {
      'completed.subject': 'Job done at {{ account.address }}',
    });
    const run = await env.engine.run(
      template('completed.json'),
      [{ json: statusChange(bookings.done, 'in-progress', 'completed') }],
      'webhook',
    );
    expect(run.status).toBe('success');

    const { mails, texts, log } = await delivered(bookings.done, 'completed');
    await expectEmail(mails[0], {
      subject: 'Job done at 1 Quay Street, Bristol',
      heading: 'All done',
      link: true,
      ics: null,
    });
    expect(texts[0]?.body).toMatch(/^Contoso Home Services: your service was completed at /);
    expect(log.map((n) => `${n.channel}:${n.state}`).sort()).toEqual(['email:sent', 'sms:sent']);
  });

  it('canceled: after a reminder, the email carries a calendar cancellation and no link', async () => {
    await env.plugin.change(bookings.cancel, { status: 'canceled' });
    const run = await env.engine.run(
      template('canceled.json'),
      [{ json: statusChange(bookings.cancel, 'scheduled', 'canceled') }],
      'webhook',
    );
    expect(run.status).toBe('success');

    const { mails, texts, log } = await delivered(bookings.cancel, 'canceled');
    await expectEmail(mails[0], {
      subject: /^Your appointment on .+ is canceled$/,
      heading: 'Your appointment is canceled',
      link: false,
      ics: 'CANCEL',
    });
    expect(texts[0]?.body).toMatch(/is canceled\. Call .+ to rebook\.$/);
    expect(log.map((n) => `${n.channel}:${n.state}`).sort()).toEqual(['email:sent', 'sms:sent']);
  });

  it('rescheduled: a move beyond the threshold after a reminder sends the new time with an updated invitation', async () => {
    const moved = bookings.moved;
    const start = new Date(Date.parse(moved.start) + 2 * 3_600_000).toISOString();
    const end = new Date(Date.parse(moved.end) + 2 * 3_600_000).toISOString();
    await env.plugin.change(moved, { start, end });
    const snapshot = {
      documentId: moved.documentId,
      externalId: 'booking-moved',
      status: 'scheduled' as const,
      end,
      resourceId: null,
      completedAt: null,
    };
    const event: BookingEvent = {
      id: crypto.randomUUID(),
      type: 'booking.rescheduled',
      occurredAt: new Date().toISOString(),
      booking: { ...snapshot, start },
      previous: { ...snapshot, start: moved.start },
    };
    const run = await env.engine.run(template('rescheduled.json'), [{ json: event }], 'webhook');
    expect(run.status).toBe('success');

    const { mails, texts, log } = await delivered(bookings.moved, 'rescheduled');
    await expectEmail(mails[0], {
      subject: /^Your appointment has moved to /,
      heading: 'Your appointment has a new time',
      link: true,
      ics: 'REQUEST',
    });
    expect(mails[0]?.text).toContain('Your appointment has moved from ');
    expect(texts[0]?.body).toMatch(/your appointment moved to /);
    expect(log.map((n) => n.idempotencyKey).sort()).toEqual([
      `${moved.documentId}:rescheduled:email:${start}`,
      `${moved.documentId}:rescheduled:sms:${start}`,
    ]);
  });
});
