import { signPayload, type BookingEvent } from 'strapi-plugin-enroute/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE } from '../workflows/templates.ts';
import { outputOf } from '../support/engine.ts';
import { activateWebhookWorkflow } from '../support/webhook-receiver.ts';
import { contact } from '../../../cms-plugin/server/src/messages/rules/fixtures.ts';
import {
  bookingIn,
  removeUserFolder,
  startFlowEnvironment,
  statusChange,
  template,
  WEBHOOK_SECRET,
  type FlowEnvironment,
} from './environment.ts';

const traveling = template('traveling.json');

function travelingEvent(bookingId: string, start: string): BookingEvent {
  return statusChange(bookingId, 'scheduled', 'traveling', start);
}

let env: FlowEnvironment;

beforeAll(async () => {
  const bookings = ['b-webhook-thrice', 'b-workers-thrice', 'b-twilio-down'].map((id) => {
    const context = bookingIn(id, 1);
    return { ...context, booking: { ...context.booking, status: 'traveling' as const } };
  });
  const due = [1, 2, 3].map((n) =>
    bookingIn(`b-due-${n}`, 20 + n, {
      reportedBy: contact({
        documentId: `c-due-${n}`,
        email: `due-${n}@example.com`,
        mobilePhone: `+44791112345${n}`,
      }),
    }),
  );
  env = await startFlowEnvironment([...bookings, ...due]);
});

afterAll(async () => {
  await env?.close();
  removeUserFolder();
});

function sentTo(bookingId: string) {
  const log = env.enroute.notifications().filter((n) => n.bookingId === bookingId);
  return {
    emails: env.smtp.received.filter((mail) =>
      log.some(
        (n) =>
          n.channel === 'email' && n.state === 'sent' && mail.messageId === n.providerMessageId,
      ),
    ).length,
    sms: log.filter((n) => n.channel === 'sms' && n.state === 'sent').length,
    log,
  };
}

describe('the same traveling event delivered three times at once', () => {
  it('through the trigger: one delivery starts the flow, the others are acknowledged as duplicates; one email, one SMS', async () => {
    const booking = env.enroute.booking('b-webhook-thrice')!;
    const flow = activateWebhookWorkflow(env.engine, traveling);
    const body = JSON.stringify(travelingEvent('b-webhook-thrice', booking.booking.start));
    const signature = signPayload(WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000));
    const smsBefore = env.twilio.messages.length;

    const answers = await Promise.all(
      [1, 2, 3].map(() => flow.receive({ 'x-enroute-signature': signature }, body)),
    );
    // All three are acknowledged (the plugin stops retrying); one starts the flow.
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers.filter((answer) => answer.run)).toHaveLength(1);
    expect(answers.filter((answer) => !answer.run).map((answer) => answer.body)).toEqual([
      { accepted: false, reason: 'event already received' },
      { accepted: false, reason: 'event already received' },
    ]);
    await Promise.all(answers.map((answer) => answer.run));

    expect(env.twilio.messages.length - smsBefore).toBe(1);
    expect(sentTo('b-webhook-thrice')).toMatchObject({ emails: 1, sms: 1 });
  });

  it('run by three workers at once (queue mode, no shared memory): the claims let one email and one SMS through', async () => {
    const booking = env.enroute.booking('b-workers-thrice')!;
    const event = travelingEvent('b-workers-thrice', booking.booking.start);
    const smsBefore = env.twilio.messages.length;
    const emailsBefore = env.smtp.received.length;

    const runs = await Promise.all(
      [1, 2, 3].map(() => env.engine.run(traveling, [{ json: event }], 'webhook')),
    );
    expect(runs.map((run) => run.status)).toEqual(['success', 'success', 'success']);
    expect(
      runs
        .map((run) => outputOf(run, NODE.prepare, 0).length + outputOf(run, NODE.prepare, 1).length)
        .sort(),
    ).toEqual([0, 0, 2]);

    expect(env.twilio.messages.length - smsBefore).toBe(1);
    expect(env.smtp.received.length - emailsBefore).toBe(1);
    expect(sentTo('b-workers-thrice').log).toHaveLength(2);
  });
});

describe('Twilio failing', () => {
  it('answering 500 on every retry: the SMS is logged failed with the error n8n’s Twilio node reports, the email still goes out', async () => {
    const booking = env.enroute.booking('b-twilio-down')!;
    const requestsBefore = env.twilio.requests;
    env.twilio.failNext(3);

    const run = await env.engine.run(
      traveling,
      [{ json: travelingEvent('b-twilio-down', booking.booking.start) }],
      'webhook',
    );
    expect(run.status).toBe('success');

    expect(env.twilio.requests - requestsBefore).toBe(3);
    const log = env.enroute.notifications().filter((n) => n.bookingId === 'b-twilio-down');
    const sms = log.find((n) => n.channel === 'sms');
    expect(sms?.state).toBe('failed');
    // What n8n's Twilio node passes on for an HTTP 500 (it keeps Twilio's body in the node's own error only).
    expect(sms?.reason).toBe('Send SMS: The service was not able to process your request');
    expect(log.find((n) => n.channel === 'email')?.state).toBe('sent');
  });

  it('the next traveling event for the booking, Twilio back: the failed SMS goes out, the email is not sent again', async () => {
    const booking = env.enroute.booking('b-twilio-down')!;
    const emailsBefore = env.smtp.received.length;
    const smsBefore = env.twilio.messages.length;

    const run = await env.engine.run(
      traveling,
      [{ json: travelingEvent('b-twilio-down', booking.booking.start) }],
      'webhook',
    );
    expect(run.status).toBe('success');

    expect(env.twilio.messages.slice(smsBefore).map((message) => message.to)).toEqual([
      '+14155552671',
    ]);
    expect(env.smtp.received.length).toBe(emailsBefore);
    const log = env.enroute.notifications().filter((n) => n.bookingId === 'b-twilio-down');
    expect(log.map((n) => `${n.channel}:${n.state}:${n.attempts}`).sort()).toEqual([
      'email:sent:1',
      'sms:sent:2',
    ]);
  });
});

describe('a reminder run with several messages', () => {
  it('Twilio failing every try for the first SMS: that one is logged failed, the others go out once each', async () => {
    const requestsBefore = env.twilio.requests;
    env.twilio.failNext(3);

    const run = await env.engine.run(template('reminder.json'), [{ json: {} }]);
    expect(run.status).toBe('success');

    // Three tries for the first SMS, one for each of the others: nothing is sent twice.
    expect(env.twilio.requests - requestsBefore).toBe(5);
    const texts = env.twilio.messages.filter((message) => message.to.startsWith('+44791112345'));
    expect(texts.map((message) => message.to).sort()).toEqual(['+447911123452', '+447911123453']);
    const log = env.enroute
      .notifications()
      .filter((n) => n.type === 'reminder')
      .map((n) => `${n.bookingId}/${n.channel}:${n.state}`)
      .sort();
    expect(log).toEqual([
      'b-due-1/email:sent',
      'b-due-1/sms:failed',
      'b-due-2/email:sent',
      'b-due-2/sms:sent',
      'b-due-3/email:sent',
      'b-due-3/sms:sent',
    ]);
    // Each provider answer was recorded against its own message.
    const sms = env.enroute
      .notifications()
      .filter((n) => n.type === 'reminder' && n.channel === 'sms');
    for (const notification of sms.filter((n) => n.state === 'sent')) {
      const text = env.twilio.messages.find((m) => m.sid === notification.providerMessageId);
      expect(text?.to).toBe(notification.recipient);
    }
  });
});
