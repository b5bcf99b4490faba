import { batchBody, signPayload, type BookingEvent } from 'strapi-plugin-enroute/contracts';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const traveling = template('traveling.json');
const ids = ['b-batch-1', 'b-batch-2', 'b-batch-3'];
const mobile = (index: number) => `+4479111234${70 + index}`;

let env: FlowEnvironment;
const bookings: PluginBooking[] = [];

beforeAll(async () => {
  env = await startFlowEnvironment();
  for (const [index, id] of ids.entries()) {
    bookings.push(
      await env.plugin.booking(id, 2 + index, {
        status: 'traveling',
        contact: { email: `batch-${index}@example.com`, mobilePhone: mobile(index) },
      }),
    );
  }
}, 180_000);

afterAll(async () => {
  await env?.close();
  removeUserFolder();
});

/** The one address a captured message was sent to. */
function addressOf(to: ParsedMail['to']): string | undefined {
  const first = Array.isArray(to) ? to[0] : to;
  return first?.value[0]?.address;
}

function signed(events: BookingEvent[]) {
  const body = batchBody(events.map((event) => JSON.stringify(event)));
  return {
    headers: {
      'x-enroute-signature': signPayload(WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000)),
    },
    body,
  };
}

describe('several bookings’ events in one delivery', () => {
  it('one run sends each booking its own messages; a booking deleted since is passed over; a replay of the batch starts nothing', async () => {
    const flow = activateWebhookWorkflow(env.engine, traveling);
    const deleted = { ...bookings[0]!, id: 'deleted', documentId: 'nosuchbookingdeleted00000' };
    const events = [
      ...bookings.map((booking) => statusChange(booking, 'scheduled', 'traveling')),
      statusChange(deleted, 'scheduled', 'traveling'),
    ];
    const delivery = signed(events);
    const smsBefore = env.twilio.messages.length;
    const emailsBefore = env.smtp.received.length;

    const answer = await flow.receive(delivery.headers, delivery.body);
    expect(answer.status).toBe(200);
    const run = await answer.run;
    expect(run?.status).toBe('success');

    const sms = env.twilio.messages.slice(smsBefore);
    expect(sms.map((message) => message.to).sort()).toEqual(ids.map((_, index) => mobile(index)));
    expect(
      env.smtp.received
        .slice(emailsBefore)
        .map((mail) => addressOf(mail.to))
        .sort(),
    ).toEqual(ids.map((_, index) => `batch-${index}@example.com`));
    for (const booking of bookings) {
      const log = await env.plugin.notifications(booking);
      expect(log.map((n) => `${n.type} ${n.channel} ${n.state}`).sort()).toEqual([
        'traveling email sent',
        'traveling sms sent',
      ]);
    }
    expect(await env.plugin.notifications(deleted)).toEqual([]);

    const replay = signed(events);
    const again = await flow.receive(replay.headers, replay.body);
    expect(again).toMatchObject({
      status: 200,
      body: { accepted: 0, ignored: 0, duplicates: 4 },
      run: null,
    });
    expect(env.twilio.messages.length - smsBefore).toBe(3);
  });
});
