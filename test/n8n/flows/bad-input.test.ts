import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contact } from '../../../cms-plugin/server/src/messages/rules/fixtures.ts';
import {
  bookingIn,
  removeUserFolder,
  startFlowEnvironment,
  statusChange,
  template,
  type FlowEnvironment,
} from './environment.ts';

/** A contact the CMS accepted but no message can be written for (the renderer takes 200). */
const unwritable = contact({
  documentId: 'c-long',
  name: 'N'.repeat(300),
  email: 'long@example.com',
  mobilePhone: '+447911123450',
});

let env: FlowEnvironment;

beforeAll(async () => {
  const traveling = bookingIn('b-bad-travel', 1, { reportedBy: unwritable });
  env = await startFlowEnvironment([
    bookingIn('b-good', 20),
    bookingIn('b-bad', 30, { reportedBy: unwritable }),
    { ...traveling, booking: { ...traveling.booking, status: 'traveling' } },
  ]);
});

afterAll(async () => {
  await env?.close();
  removeUserFolder();
});

const logOf = (bookingId: string) =>
  env.enroute
    .notifications()
    .filter((n) => n.bookingId === bookingId)
    .map((n) => ({ message: `${n.type}:${n.channel}:${n.state}`, reason: n.reason }));

describe('a booking no message can be written for', () => {
  it('in a reminder run: its messages are logged failed with the reason, the others go out', async () => {
    const run = await env.engine.run(template('reminder.json'), [{ json: {} }]);
    expect(run.status).toBe('success');

    const failed = logOf('b-bad');
    expect(failed.map((entry) => entry.message).sort()).toEqual([
      'reminder:email:failed',
      'reminder:sms:failed',
    ]);
    for (const { reason } of failed) {
      expect(reason).toMatch(
        /^could not prepare the message: invalid message data: recipient\.name/,
      );
    }
    expect(
      logOf('b-good')
        .map((entry) => entry.message)
        .sort(),
    ).toEqual(['reminder:email:sent', 'reminder:sms:sent']);
    expect(
      env.smtp.received.map((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text),
    ).toEqual(['ana@example.com']);
    expect(env.twilio.messages.map((message) => message.to)).toEqual(['+14155552671']);
  });

  it('for a booking event: the run fails visibly in n8n, and the messages are logged failed', async () => {
    const context = env.enroute.booking('b-bad-travel')!;
    const event = statusChange('b-bad-travel', 'scheduled', 'traveling', context.booking.start);
    const run = await env.engine.run(template('traveling.json'), [{ json: event }], 'webhook');

    expect(run.status).toBe('error');
    expect(run.data.resultData.error?.message).toMatch(/^could not prepare the message/);
    expect(
      logOf('b-bad-travel')
        .map((entry) => entry.message)
        .sort(),
    ).toEqual(['traveling:email:failed', 'traveling:sms:failed']);
    expect(env.twilio.messages).toHaveLength(1);
  });
});
