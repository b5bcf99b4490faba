import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  removeUserFolder,
  startFlowEnvironment,
  statusChange,
  template,
  type FlowEnvironment,
  type PluginBooking,
} from './environment.ts';

/** A contact no message can be written for (names of 200 characters at most). */
const unwritable = {
  name: 'Long Name',
  email: 'long@example.com',
  mobilePhone: '+447911123450',
};

/**
 * The content API and the Content Manager refuse such a name; one written straight into the
 * database (an import, an older version's data) still reaches the messages.
 */
async function lengthenNames(ids: string[]) {
  for (const id of ids) {
    await env.plugin.host.database.execute(
      'update enroute_contacts set name = $1 where external_id = $2',
      ['N'.repeat(230), `contact-${id}`],
    );
  }
}

let env: FlowEnvironment;
let good: PluginBooking;
let bad: PluginBooking;
let badTravel: PluginBooking;
let goodTravel: PluginBooking;

beforeAll(async () => {
  env = await startFlowEnvironment();
  good = await env.plugin.booking('good', 20);
  bad = await env.plugin.booking('bad', 30, { contact: unwritable });
  badTravel = await env.plugin.booking('bad-travel', 1, {
    status: 'traveling',
    contact: unwritable,
  });
  goodTravel = await env.plugin.booking('good-travel', 1, { status: 'traveling' });
  await lengthenNames(['bad', 'bad-travel']);
}, 180_000);

afterAll(async () => {
  await env?.close();
  removeUserFolder();
});

const logOf = async (booking: PluginBooking) =>
  (await env.plugin.notifications(booking)).map((n) => ({
    message: `${n.type}:${n.channel}:${n.state}`,
    reason: n.reason,
  }));

describe('a booking no message can be written for', () => {
  it('in a reminder run: its messages are logged failed with the reason, the others go out', async () => {
    const run = await env.engine.run(template('reminder.json'), [{ json: {} }]);
    expect(run.status).toBe('success');

    const failed = await logOf(bad);
    expect(failed.map((entry) => entry.message).sort()).toEqual([
      'reminder:email:failed',
      'reminder:sms:failed',
    ]);
    for (const { reason } of failed) {
      expect(reason).toMatch(
        /^could not prepare the message: invalid message data: recipient\.name/,
      );
    }
    expect((await logOf(good)).map((entry) => entry.message).sort()).toEqual([
      'reminder:email:sent',
      'reminder:sms:sent',
    ]);
    expect(
      env.smtp.received.map((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text),
    ).toEqual(['ana@example.com']);
    expect(env.twilio.messages.map((message) => message.to)).toEqual(['+14155552671']);
  });

  it('for a booking event: the run fails visibly in n8n, and the messages are logged failed', async () => {
    const event = statusChange(badTravel, 'scheduled', 'traveling');
    const run = await env.engine.run(template('traveling.json'), [{ json: event }], 'webhook');

    expect(run.status).toBe('error');
    expect(run.data.resultData.error?.message).toMatch(/could not prepare the message/);
    expect((await logOf(badTravel)).map((entry) => entry.message).sort()).toEqual([
      'traveling:email:failed',
      'traveling:sms:failed',
    ]);
    expect(env.twilio.messages).toHaveLength(1);
  });

  it('in a run with other events: the run fails, and what it prepared for the others is logged failed, not left waiting', async () => {
    const smsBefore = env.twilio.messages.length;
    const run = await env.engine.run(
      template('traveling.json'),
      [
        { json: statusChange(goodTravel, 'scheduled', 'traveling') },
        { json: statusChange(badTravel, 'scheduled', 'traveling') },
      ],
      'webhook',
    );
    expect(run.status).toBe('error');
    expect(env.twilio.messages.length).toBe(smsBefore);
    const good = await logOf(goodTravel);
    expect(good.map((entry) => entry.message).sort()).toEqual([
      'traveling:email:failed',
      'traveling:sms:failed',
    ]);
    for (const { reason } of good) {
      expect(reason).toMatch(/^not sent: the run stopped on an error for booking /);
    }
    // The next event for the booking sends them.
    const again = await env.engine.run(
      template('traveling.json'),
      [{ json: statusChange(goodTravel, 'scheduled', 'traveling') }],
      'webhook',
    );
    expect(again.status).toBe('success');
    expect((await logOf(goodTravel)).map((entry) => entry.message).sort()).toEqual([
      'traveling:email:sent',
      'traveling:sms:sent',
    ]);
  });
});
