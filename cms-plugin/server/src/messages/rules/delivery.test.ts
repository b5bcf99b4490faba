import { describe, expect, it } from 'vitest';
import { expiryReason, isTransientFailure, MAX_ATTEMPTS, retryDelayMs } from './delivery.ts';
import { context } from './fixtures.ts';

describe('failures', () => {
  it('tries again when the provider could not be reached or was busy', () => {
    for (const reason of [
      'Send Email: connect ECONNREFUSED 127.0.0.1:2525',
      'Send Email: Connection timeout',
      'Send Email: Message failed: 451 4.3.0 Mailbox temporarily unavailable',
      'Send SMS: The service was not able to process your request',
      'Send SMS: Service unavailable - try again later',
      'Send SMS: The service is receiving too many requests from you',
      'Send SMS: socket hang up',
    ]) {
      expect([
        reason,
        isTransientFailure(reason.startsWith('Send Email') ? 'email' : 'sms', reason),
      ]).toEqual([reason, true]);
    }
  });

  it('does not try again what the provider refused', () => {
    for (const [channel, reason] of [
      [
        'sms',
        "Send SMS: Bad request - please check your parameters (21211: The 'To' number is not a valid phone number)",
      ],
      ['sms', 'Send SMS: Authorization failed - please check your credentials'],
      ['email', 'Send Email: Message failed: 550 5.1.1 User unknown'],
      ['email', 'Send Email: the node failed before answering for this message'],
      ['sms', null],
    ] as const) {
      expect([reason, isTransientFailure(channel, reason)]).toEqual([reason, false]);
    }
  });

  it('waits longer after each try', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });
});

describe('expiry', () => {
  const start = '2026-11-26T14:00:00.000Z';
  const claimedAt = '2026-11-26T13:00:00.000Z';
  const traveling = context({ booking: { status: 'traveling', start } });

  it('lets an "on the way" message go for a quarter of an hour while the booking travels', () => {
    const message = { type: 'traveling' as const, claimedStart: start, claimedAt, attempts: 1 };
    expect(expiryReason(message, traveling, new Date('2026-11-26T13:14:00.000Z'))).toBeNull();
    expect(expiryReason(message, traveling, new Date('2026-11-26T13:16:00.000Z'))).toBe(
      'too late to be of use',
    );
    const arrived = context({ booking: { status: 'in-progress', start } });
    expect(expiryReason(message, arrived, new Date('2026-11-26T13:05:00.000Z'))).toBe(
      'the booking is in-progress now',
    );
  });

  it('expires a message about another start, and one tried too often', () => {
    const moved = {
      type: 'rescheduled' as const,
      claimedStart: '2026-11-26T10:00:00.000Z',
      claimedAt,
      attempts: 1,
    };
    expect(expiryReason(moved, context({ booking: { start } }), new Date(claimedAt))).toBe(
      'the booking has another start now',
    );
    const tired = {
      type: 'traveling' as const,
      claimedStart: start,
      claimedAt,
      attempts: MAX_ATTEMPTS,
    };
    expect(expiryReason(tired, traveling, new Date(claimedAt))).toBe(`tried ${MAX_ATTEMPTS} times`);
  });
});
