import { signPayload } from 'strapi-plugin-enroute/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE } from '../workflows/templates.ts';
import { outputOf } from '../support/engine.ts';
import { activateWebhookWorkflow } from '../support/webhook-receiver.ts';
import { maskRecipient } from '../../../cms-plugin/server/src/utils/mask.ts';
import { createServer } from 'node:net';
import {
  flowEngine,
  removeUserFolder,
  startFlowEnvironment,
  statusChange,
  template,
  WEBHOOK_SECRET,
  type FlowEnvironment,
  type PluginBooking,
} from './environment.ts';

const traveling = template('traveling.json');

const travelingEvent = (booking: PluginBooking) => statusChange(booking, 'scheduled', 'traveling');

/** A traveling event for the booking through the flow, as the trigger starts it; the run succeeds. */
async function travelingRun(booking: PluginBooking, flow = traveling, engine = env.engine) {
  const run = await engine.run(flow, [{ json: travelingEvent(booking) }], 'webhook');
  expect(run.status).toBe('success');
  return run;
}

let env: FlowEnvironment;
const on: Record<
  'webhookThrice' | 'workersThrice' | 'twilioDown' | 'smtpDown' | 'emailNodeFails',
  PluginBooking
> = {} as never;
const due: PluginBooking[] = [];

beforeAll(async () => {
  env = await startFlowEnvironment();
  on.webhookThrice = await env.plugin.booking('webhook-thrice', 1, { status: 'traveling' });
  on.workersThrice = await env.plugin.booking('workers-thrice', 1, { status: 'traveling' });
  on.twilioDown = await env.plugin.booking('twilio-down', 1, { status: 'traveling' });
  on.smtpDown = await env.plugin.booking('smtp-down', 1, { status: 'traveling' });
  on.emailNodeFails = await env.plugin.booking('email-node-fails', 1, { status: 'traveling' });
  for (const n of [1, 2, 3]) {
    due.push(
      await env.plugin.booking(`due-${n}`, 20 + n, {
        contact: { email: `due-${n}@example.com`, mobilePhone: `+44791112345${n}` },
      }),
    );
  }
}, 180_000);

afterAll(async () => {
  await env?.close();
  removeUserFolder();
});

async function sentTo(booking: PluginBooking) {
  const log = await env.plugin.notifications(booking);
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
    const flow = activateWebhookWorkflow(env.engine, traveling);
    const body = JSON.stringify(travelingEvent(on.webhookThrice));
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
    expect(await sentTo(on.webhookThrice)).toMatchObject({ emails: 1, sms: 1 });
  });

  it('run by three workers at once (queue mode, no shared memory): the claims let one email and one SMS through', async () => {
    const event = travelingEvent(on.workersThrice);
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
    expect((await sentTo(on.workersThrice)).log).toHaveLength(2);
  });
});

describe('Twilio failing', () => {
  it('answering 500: the SMS is logged failed with the error n8n’s Twilio node reports (n8n does not retry it), the email still goes out', async () => {
    const requestsBefore = env.twilio.requests;
    env.twilio.failNext(1);

    const run = await env.engine.run(
      traveling,
      [{ json: travelingEvent(on.twilioDown) }],
      'webhook',
    );
    expect(run.status).toBe('success');

    expect(env.twilio.requests - requestsBefore).toBe(1);
    const log = await env.plugin.notifications(on.twilioDown);
    const sms = log.find((n) => n.channel === 'sms');
    expect(sms?.state).toBe('failed');
    // What n8n's Twilio node passes on for an HTTP 500 (it keeps Twilio's body in the node's own error only).
    expect(sms?.reason).toBe('Send SMS: The service was not able to process your request');
    expect(log.find((n) => n.channel === 'email')?.state).toBe('sent');
  });

  it('the next traveling event for the booking, Twilio back: the failed SMS goes out, the email is not sent again', async () => {
    const emailsBefore = env.smtp.received.length;
    const smsBefore = env.twilio.messages.length;

    await travelingRun(on.twilioDown);

    expect(env.twilio.messages.slice(smsBefore).map((message) => message.to)).toEqual([
      '+14155552671',
    ]);
    expect(env.smtp.received.length).toBe(emailsBefore);
    const log = await env.plugin.notifications(on.twilioDown);
    expect(log.map((n) => `${n.channel}:${n.state}:${n.attempts}`).sort()).toEqual([
      'email:sent:1',
      'sms:sent:2',
    ]);
  });
});

/** A port on this machine that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('SMTP failing', () => {
  it('the SMTP server unreachable: the email is logged failed with the connection error, the SMS goes out once', async () => {
    const engine = flowEngine(
      { url: env.plugin.url, token: env.plugin.token },
      { smtp: { port: await closedPort() }, twilio: env.twilio },
    );
    const emailsBefore = env.smtp.received.length;
    const smsBefore = env.twilio.messages.length;

    await travelingRun(on.smtpDown, traveling, engine);

    expect(env.smtp.received.length).toBe(emailsBefore);
    expect(env.twilio.messages.length - smsBefore).toBe(1);
    const log = await env.plugin.notifications(on.smtpDown);
    expect(log.find((n) => n.channel === 'email')).toMatchObject({ state: 'failed' });
    expect(log.find((n) => n.channel === 'email')?.reason).toMatch(/^Send Email: .*ECONNREFUSED/);
    expect(log.find((n) => n.channel === 'sms')?.state).toBe('sent');
  });

  it('the email node failing as a whole (no SMTP credential): n8n hands the message on unchanged, and it is logged failed, not sent', async () => {
    const flow = {
      ...traveling,
      nodes: traveling.nodes.map((node) =>
        node.name === NODE.email ? { ...node, credentials: {} } : node,
      ),
    };
    const emailsBefore = env.smtp.received.length;

    const run = await travelingRun(on.emailNodeFails, flow);
    expect(run.data.resultData.runData[NODE.email]?.[0]?.error).toBeDefined();

    expect(env.smtp.received.length).toBe(emailsBefore);
    const log = await env.plugin.notifications(on.emailNodeFails);
    const email = log.find((n) => n.channel === 'email');
    expect(email?.state).toBe('failed');
    expect(email?.reason).toBe('Send Email: the node failed before answering for this message');
  });
});

describe('a reminder run with several messages', () => {
  it('Twilio failing the first SMS of the batch: that one is logged failed, the others go out once each', async () => {
    const requestsBefore = env.twilio.requests;
    env.twilio.failNext(1);

    const run = await env.engine.run(template('reminder.json'), [{ json: {} }]);
    expect(run.status).toBe('success');

    // One request per SMS, the failed one included: nothing is sent twice.
    expect(env.twilio.requests - requestsBefore).toBe(3);
    const texts = env.twilio.messages.filter((message) => message.to.startsWith('+44791112345'));
    expect(texts).toHaveLength(2);
    const reminders = (await Promise.all(due.map((booking) => env.plugin.notifications(booking))))
      .flat()
      .filter((n) => n.type === 'reminder');
    const states = (channel: string) =>
      reminders
        .filter((n) => n.channel === channel)
        .map((n) => n.state)
        .sort();
    expect(states('email')).toEqual(['sent', 'sent', 'sent']);
    expect(states('sms')).toEqual(['failed', 'sent', 'sent']);
    // The one that failed is the one Twilio never delivered.
    const failed = reminders.find((n) => n.channel === 'sms' && n.state === 'failed');
    expect(texts.map((text) => maskRecipient(text.to))).not.toContain(failed?.recipientMasked);
    // Each provider answer was recorded against its own message.
    for (const notification of reminders.filter((n) => n.channel === 'sms' && n.state === 'sent')) {
      const text = env.twilio.messages.find((m) => m.sid === notification.providerMessageId);
      expect(maskRecipient(text?.to ?? null)).toBe(notification.recipientMasked);
    }
  });
});
