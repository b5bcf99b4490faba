import { describe, expect, it } from 'vitest';
import type { MessageContext, MessagingSettings } from '../../../../shared/contracts/index.ts';
import { decideMessages } from './decide.ts';
import { isReminderDue } from './eligibility.ts';
import { context, rescheduleEvent, settings, statusEvent } from './fixtures.ts';
import { inQuietHours, nextClockTime, reminderDueAt, sendTiming } from './timing.ts';

const FIVE_MINUTES = 5 * 60_000;

/** A booking of an account in `timeZone`, starting at `start`. */
function bookingIn(timeZone: string, start: string): MessageContext {
  const base = context();
  return context({
    booking: { start, end: new Date(Date.parse(start) + 3_600_000).toISOString() },
    serviceAccount: { ...base.serviceAccount, timeZone },
  });
}

/** The first run (every five minutes from `from`) that sends the reminder. */
function firstDueRun(booking: MessageContext, rules: MessagingSettings, from: string): string {
  for (let at = Date.parse(from); at < Date.parse(booking.booking.start); at += FIVE_MINUTES) {
    const now = new Date(at);
    const decisions = decideMessages({ type: 'reminder', context: booking, settings: rules, now });
    if (decisions.some((one) => one.decision === 'send')) return now.toISOString();
  }
  return 'never';
}

/** What the wall clock of `zone` shows at `iso`: YYYY-MM-DD HH:MM. */
function wallClock(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

describe('the wall clock of a zone', () => {
  it('finds 10:00 in Paris on both sides of the spring change (UTC+1, then UTC+2)', () => {
    expect(nextClockTime(new Date('2027-03-27T00:00:00Z'), '10:00', 'Europe/Paris')).toEqual(
      new Date('2027-03-27T09:00:00Z'),
    );
    expect(nextClockTime(new Date('2027-03-27T09:00:01Z'), '10:00', 'Europe/Paris')).toEqual(
      new Date('2027-03-28T08:00:00Z'),
    );
  });

  it('finds 10:00 in Los Angeles on both sides of the autumn change (UTC-7, then UTC-8)', () => {
    expect(nextClockTime(new Date('2026-10-31T12:00:00Z'), '10:00', 'America/Los_Angeles')).toEqual(
      new Date('2026-10-31T17:00:00Z'),
    );
    expect(nextClockTime(new Date('2026-10-31T17:00:01Z'), '10:00', 'America/Los_Angeles')).toEqual(
      new Date('2026-11-01T18:00:00Z'),
    );
  });

  it('takes the moment the clock jumps for a time the spring change skips', () => {
    // 02:30 never happens in Paris on 28 March 2027: the clock goes from 02:00 to 03:00.
    expect(nextClockTime(new Date('2027-03-27T23:00:00Z'), '02:30', 'Europe/Paris')).toEqual(
      new Date('2027-03-28T01:00:00Z'),
    );
  });

  it('takes the first of the two 01:30s of the autumn change', () => {
    expect(nextClockTime(new Date('2026-11-01T00:00:00Z'), '01:30', 'America/Los_Angeles')).toEqual(
      new Date('2026-11-01T08:30:00Z'),
    );
  });
});

describe('reminder send time', () => {
  it('is 10:00 UTC by default, on the first day the booking is inside the window', () => {
    const booking = bookingIn('Europe/London', '2026-11-26T14:00:00Z');
    const rules = settings({ reminder: { windowDays: 2, sendTime: '10:00', sendTimeZone: 'utc' } });
    // Inside the window from the 24th at 14:00: the next 10:00 is the 25th's.
    expect(reminderDueAt(booking, rules)).toEqual(new Date('2026-11-25T10:00:00Z'));
    expect(
      reminderDueAt(
        booking,
        settings({ reminder: { windowDays: 1, sendTime: '10:00', sendTimeZone: 'utc' } }),
      ),
    ).toEqual(new Date('2026-11-26T10:00:00Z'));
  });

  it('follows each account’s own clock across the DST changes of Paris and Los Angeles', () => {
    const rules = settings({
      reminder: { windowDays: 1, sendTime: '10:00', sendTimeZone: 'account' },
    });
    // Visits at 09:00 local time: reminded at 10:00 local the day before, on the days the
    // clocks change (28 March 2027 in Paris; 1 November 2026 and 14 March 2027 in Los Angeles)
    // and on the days around them.
    const cases: [string, string, string][] = [
      ['Europe/Paris', '2027-03-27T08:00:00Z', '2027-03-26'],
      ['Europe/Paris', '2027-03-29T07:00:00Z', '2027-03-28'],
      ['Europe/Paris', '2027-03-30T07:00:00Z', '2027-03-29'],
      ['America/Los_Angeles', '2026-11-01T17:00:00Z', '2026-10-31'],
      ['America/Los_Angeles', '2026-11-02T17:00:00Z', '2026-11-01'],
      ['America/Los_Angeles', '2027-03-15T16:00:00Z', '2027-03-14'],
    ];
    for (const [zone, start, day] of cases) {
      const booking = bookingIn(zone, start);
      const run = firstDueRun(booking, rules, '2026-10-20T00:00:00Z');
      expect([zone, start, wallClock(run, zone)]).toEqual([zone, start, `${day} 10:00`]);
    }
  });

  it('is due at the next run for a booking that enters the window after the send time', () => {
    const rules = settings({ reminder: { windowDays: 2, sendTime: '10:00', sendTimeZone: 'utc' } });
    const booking = bookingIn('Europe/London', '2026-11-25T15:00:00Z');
    // Due at 10:00 on the 24th; made at 09:00 it waits for 10:00, made at 14:02 it goes at 14:05.
    expect(reminderDueAt(booking, rules)).toEqual(new Date('2026-11-24T10:00:00Z'));
    expect(isReminderDue(booking, rules, new Date('2026-11-24T09:55:00Z'))).toBe(false);
    expect(firstDueRun(booking, rules, '2026-11-24T09:00:00Z')).toBe('2026-11-24T10:00:00.000Z');
    expect(firstDueRun(booking, rules, '2026-11-24T14:05:00Z')).toBe('2026-11-24T14:05:00.000Z');
  });

  it('is never due at or after the start, nor once reminded for this start', () => {
    const rules = settings({ reminder: { windowDays: 1, sendTime: '10:00', sendTimeZone: 'utc' } });
    const booking = bookingIn('Europe/London', '2026-11-25T15:00:00Z');
    expect(isReminderDue(booking, rules, new Date('2026-11-25T15:00:00Z'))).toBe(false);
    const reminded = context({
      ...booking,
      history: ['email', 'sms'].map((channel) => ({
        type: 'reminder' as const,
        channel: channel as 'email' | 'sms',
        state: 'sent' as const,
        start: booking.booking.start,
        at: '2026-11-24T10:00:00Z',
      })),
    });
    expect(isReminderDue(reminded, rules, new Date('2026-11-24T12:00:00Z'))).toBe(false);
  });
});

describe('quiet hours', () => {
  const quiet = settings().quietHours;

  it('span midnight in the customer’s zone', () => {
    expect(inQuietHours(new Date('2026-11-24T20:59:00Z'), quiet, 'UTC')).toBe(false);
    expect(inQuietHours(new Date('2026-11-24T21:00:00Z'), quiet, 'UTC')).toBe(true);
    expect(inQuietHours(new Date('2026-11-25T07:59:00Z'), quiet, 'UTC')).toBe(true);
    expect(inQuietHours(new Date('2026-11-25T08:00:00Z'), quiet, 'UTC')).toBe(false);
    // 10:00 UTC is 02:00 in Seattle and 19:00 in Tokyo.
    expect(inQuietHours(new Date('2026-11-24T10:00:00Z'), quiet, 'America/Los_Angeles')).toBe(true);
    expect(inQuietHours(new Date('2026-11-24T10:00:00Z'), quiet, 'Asia/Tokyo')).toBe(false);
    expect(
      inQuietHours(
        new Date('2026-11-24T10:00:00Z'),
        { ...quiet, enabled: false },
        'America/Los_Angeles',
      ),
    ).toBe(false);
  });

  it('hold a 10:00 UTC reminder for Seattle until 08:00 there, and send Tokyo’s at once', () => {
    const rules = settings({ reminder: { windowDays: 2, sendTime: '10:00', sendTimeZone: 'utc' } });
    const seattle = bookingIn('America/Los_Angeles', '2026-11-26T18:00:00Z');
    const tokyo = bookingIn('Asia/Tokyo', '2026-11-26T01:00:00Z');
    expect(firstDueRun(tokyo, rules, '2026-11-23T00:00:00Z')).toBe('2026-11-24T10:00:00.000Z');
    const run = firstDueRun(seattle, rules, '2026-11-23T00:00:00Z');
    // Due at 10:00 UTC on the 25th, 02:00 in Seattle: sent at 08:00 there.
    expect(wallClock(run, 'America/Los_Angeles')).toBe('2026-11-25 08:00');
    expect(
      decideMessages({
        type: 'reminder',
        context: seattle,
        settings: rules,
        now: new Date('2026-11-25T10:00:00Z'),
      }),
    ).toEqual([]);
  });

  it('skip a reminder that would wait past the start, with its reason', () => {
    const rules = settings({ reminder: { windowDays: 1, sendTime: '10:00', sendTimeZone: 'utc' } });
    // 07:30 in Seattle; the reminder is due at 02:00 there, and quiet hours end at 08:00.
    const early = bookingIn('America/Los_Angeles', '2026-11-25T15:30:00Z');
    const decisions = decideMessages({
      type: 'reminder',
      context: early,
      settings: rules,
      now: new Date('2026-11-25T10:00:00Z'),
    });
    expect(
      decisions.map((one) => [one.channel, one.decision, 'reason' in one ? one.reason : null]),
    ).toEqual([
      ['email', 'skip', 'quiet-hours'],
      ['sms', 'skip', 'quiet-hours'],
    ]);
  });

  it('let traveling, completed and canceled go at once, and hold a rescheduled message', () => {
    const night = new Date('2026-11-24T23:30:00Z');
    const rules = settings();
    const booking = bookingIn('Europe/London', '2026-11-26T14:00:00Z');
    for (const type of ['traveling', 'completed', 'canceled'] as const) {
      expect(sendTiming(type, booking, rules, night)).toEqual({ at: 'now' });
    }
    expect(sendTiming('rescheduled', booking, rules, night)).toEqual({
      at: 'later',
      notBefore: new Date('2026-11-25T08:00:00Z'),
    });
    const reminded = context({
      ...booking,
      history: [
        {
          type: 'reminder',
          channel: 'email',
          state: 'sent',
          start: '2026-11-26T10:00:00Z',
          at: '2026-11-24T10:00:00Z',
        },
      ],
    });
    const moved = decideMessages({
      type: 'rescheduled',
      context: reminded,
      settings: rules,
      event: rescheduleEvent('2026-11-26T10:00:00Z', '2026-11-26T14:00:00Z'),
      now: night,
    });
    expect(moved.map((one) => (one.decision === 'send' ? one.notBefore : one.reason))).toEqual([
      '2026-11-25T08:00:00.000Z',
      '2026-11-25T08:00:00.000Z',
    ]);
    const onTheWay = decideMessages({
      type: 'traveling',
      context: context({ ...booking, booking: { ...booking.booking, status: 'traveling' } }),
      settings: rules,
      event: statusEvent('scheduled', 'traveling'),
      now: night,
    });
    expect(onTheWay.map((one) => one.decision === 'send' && one.notBefore === undefined)).toEqual([
      true,
      true,
    ]);
  });
});
