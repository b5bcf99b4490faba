import { describe, expect, it } from 'vitest';
import {
  BOOKING_START,
  NOW,
  context,
  contact,
  rescheduleEvent,
  settings,
  statusEvent,
} from './fixtures.ts';
import { decideMessages } from './decide.ts';
import { lastToldStart } from './history.ts';
import { messageData } from './message-data.ts';

const REMINDER_KEY = `booking-1:reminder`;

describe('reminders', () => {
  it('sends a due reminder on both channels to the reporter', () => {
    expect(
      decideMessages({ type: 'reminder', context: context(), settings: settings(), now: NOW }),
    ).toEqual([
      {
        channel: 'email',
        to: 'ana@example.com',
        decision: 'send',
        idempotencyKey: `${REMINDER_KEY}:email:${BOOKING_START}`,
      },
      {
        channel: 'sms',
        to: '+14155552671',
        decision: 'send',
        idempotencyKey: `${REMINDER_KEY}:sms:${BOOKING_START}`,
      },
    ]);
  });

  it('has nothing to say about a booking outside the window', () => {
    const late = context({
      booking: { start: '2026-12-02T10:00:01.000Z', end: '2026-12-02T11:00:00.000Z' },
    });
    expect(
      decideMessages({ type: 'reminder', context: late, settings: settings(), now: NOW }),
    ).toEqual([]);
    const inside = context({
      booking: { start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T11:00:00.000Z' },
    });
    expect(
      decideMessages({ type: 'reminder', context: inside, settings: settings(), now: NOW }),
    ).toHaveLength(2);
  });

  it('has nothing to say about a booking that already started or is not scheduled', () => {
    const past = context({
      booking: { start: '2026-11-24T09:00:00.000Z', end: '2026-11-24T11:00:00.000Z' },
    });
    expect(
      decideMessages({ type: 'reminder', context: past, settings: settings(), now: NOW }),
    ).toEqual([]);
    const traveling = context({ booking: { status: 'traveling' } });
    expect(
      decideMessages({ type: 'reminder', context: traveling, settings: settings(), now: NOW }),
    ).toEqual([]);
  });

  it('reminds once per start: a reminder for the current start stops it, one for an old start does not', () => {
    const sent = (channel: 'email' | 'sms') => ({
      type: 'reminder' as const,
      channel,
      state: 'sent' as const,
      start: BOOKING_START,
      at: '2026-11-23T10:00:00.000Z',
    });
    const reminded = context({ history: [sent('email'), sent('sms')] });
    expect(
      decideMessages({ type: 'reminder', context: reminded, settings: settings(), now: NOW }),
    ).toEqual([]);
    // One channel still to go (its reminder failed): the booking is decided again; the claim of
    // the key already sent is what keeps that one from going twice.
    const half = context({ history: [sent('email')] });
    expect(
      decideMessages({ type: 'reminder', context: half, settings: settings(), now: NOW }),
    ).toHaveLength(2);
    expect(
      decideMessages({
        type: 'reminder',
        context: half,
        settings: settings({ channel: 'email' }),
        now: NOW,
      }),
    ).toEqual([]);
    const oldStart = context({
      history: [
        {
          type: 'reminder',
          channel: 'email',
          state: 'sent',
          start: '2026-11-25T14:00:00.000Z',
          at: '2026-11-23T10:00:00.000Z',
        },
      ],
    });
    expect(
      decideMessages({ type: 'reminder', context: oldStart, settings: settings(), now: NOW }),
    ).toHaveLength(2);
  });

  it('gives a moved booking a new reminder key', () => {
    const moved = context({
      booking: { start: '2026-11-27T08:00:00.000Z', end: '2026-11-27T09:00:00.000Z' },
    });
    const [email] = decideMessages({
      type: 'reminder',
      context: moved,
      settings: settings(),
      now: NOW,
    });
    expect(email?.idempotencyKey).toBe('booking-1:reminder:email:2026-11-27T08:00:00.000Z');
  });
});

describe('settings', () => {
  it('skips a disabled message on every allowed channel, under a key of its own', () => {
    const off = settings({
      messages: {
        reminder: false,
        traveling: true,
        completed: true,
        rescheduled: true,
        canceled: true,
        'request-declined': true,
      },
    });
    expect(
      decideMessages({ type: 'reminder', context: context(), settings: off, now: NOW }),
    ).toEqual([
      {
        channel: 'email',
        to: null,
        decision: 'skip',
        reason: 'disabled',
        idempotencyKey: `${REMINDER_KEY}:email:${BOOKING_START}:skipped:disabled`,
      },
      {
        channel: 'sms',
        to: null,
        decision: 'skip',
        reason: 'disabled',
        idempotencyKey: `${REMINDER_KEY}:sms:${BOOKING_START}:skipped:disabled`,
      },
    ]);
  });

  it.each([
    ['email', ['email']],
    ['sms', ['sms']],
    ['both', ['email', 'sms']],
  ] as const)('channel setting %s gives %j', (channel, expected) => {
    const decisions = decideMessages({
      type: 'reminder',
      context: context(),
      settings: settings({ channel }),
      now: NOW,
    });
    expect(decisions.map((decision) => decision.channel)).toEqual(expected);
  });

  it('skips excluded accounts and excluded service types', () => {
    const account = decideMessages({
      type: 'reminder',
      context: context(),
      settings: settings({ excludedAccountIds: ['account-1'] }),
      now: NOW,
    });
    expect(account.map((decision) => decision.decision === 'skip' && decision.reason)).toEqual([
      'excluded-account',
      'excluded-account',
    ]);
    const serviceType = decideMessages({
      type: 'reminder',
      context: context(),
      settings: settings({ excludedServiceTypeIds: ['service-boiler'] }),
      now: NOW,
    });
    expect(serviceType.map((decision) => decision.decision === 'skip' && decision.reason)).toEqual([
      'excluded-service-type',
      'excluded-service-type',
    ]);
    const noServiceType = decideMessages({
      type: 'reminder',
      context: context({ serviceType: null }),
      settings: settings({ excludedServiceTypeIds: ['service-boiler'] }),
      now: NOW,
    });
    expect(noServiceType.every((decision) => decision.decision === 'send')).toBe(true);
  });
});

describe('recipient', () => {
  const to = (ctx: ReturnType<typeof context>) =>
    decideMessages({
      type: 'reminder',
      context: ctx,
      settings: settings({ channel: 'email' }),
      now: NOW,
    })[0]?.to;

  it('is the reporter first, then the fallback contact, then the primary contact', () => {
    const fallback = contact({ documentId: 'contact-fallback', email: 'desk@example.com' });
    expect(to(context({ fallbackContact: fallback }))).toBe('ana@example.com');
    expect(to(context({ reportedBy: null, fallbackContact: fallback }))).toBe('desk@example.com');
    expect(to(context({ reportedBy: null }))).toBe('pat@example.com');
  });

  it('is nobody when the account has no contact at all', () => {
    const nobody = context({
      reportedBy: null,
      serviceAccount: { ...context().serviceAccount, primaryContact: null },
    });
    expect(
      decideMessages({ type: 'reminder', context: nobody, settings: settings(), now: NOW }),
    ).toMatchObject([
      { channel: 'email', to: null, decision: 'skip', reason: 'no-contact' },
      { channel: 'sms', to: null, decision: 'skip', reason: 'no-contact' },
    ]);
  });
});

describe('addresses', () => {
  const decide = (overrides: Parameters<typeof contact>[0]) =>
    decideMessages({
      type: 'reminder',
      context: context({ reportedBy: contact(overrides) }),
      settings: settings(),
      now: NOW,
    });

  it('skips a channel the contact has no address for, and sends on the other', () => {
    expect(decide({ email: null })).toMatchObject([
      { channel: 'email', to: null, decision: 'skip', reason: 'no-address' },
      { channel: 'sms', decision: 'send' },
    ]);
    expect(decide({ mobilePhone: null })).toMatchObject([
      { channel: 'email', decision: 'send' },
      { channel: 'sms', to: null, decision: 'skip', reason: 'no-address' },
    ]);
  });

  it('respects opt-outs per channel', () => {
    expect(decide({ emailOptOut: true })).toMatchObject([
      { channel: 'email', decision: 'skip', reason: 'opted-out' },
      { channel: 'sms', decision: 'send' },
    ]);
    expect(decide({ smsOptOut: true })).toMatchObject([
      { channel: 'email', decision: 'send' },
      { channel: 'sms', decision: 'skip', reason: 'opted-out' },
    ]);
  });

  it('skips an invalid email address', () => {
    expect(decide({ email: 'ana-at-example.com' })[0]).toMatchObject({
      decision: 'skip',
      reason: 'invalid-address',
      to: 'ana-at-example.com',
    });
  });

  it.each(['0415 555 2671', '+1415555267', '+1 415 555 2671', '+999123456789'])(
    'skips %s, which is not a valid E.164 number',
    (mobilePhone) => {
      expect(decide({ mobilePhone })[1]).toMatchObject({
        decision: 'skip',
        reason: 'invalid-number',
      });
    },
  );

  it.each(['+14155552671', '+447911123456', '+33612345678', '+61412345678', '+818012345678'])(
    'sends to %s',
    (mobilePhone) => {
      expect(decide({ mobilePhone })[1]).toMatchObject({ decision: 'send', to: mobilePhone });
    },
  );
});

describe('sandbox', () => {
  it('redirects every message that would go out to the test address and number', () => {
    const sandbox = settings({
      sandbox: { enabled: true, email: 'qa@example.com', phone: '+447911123456' },
    });
    expect(
      decideMessages({ type: 'reminder', context: context(), settings: sandbox, now: NOW }),
    ).toMatchObject([
      { channel: 'email', to: 'qa@example.com', decision: 'send' },
      { channel: 'sms', to: '+447911123456', decision: 'send' },
    ]);
  });

  it('still applies the rules first, and skips a channel with no test address', () => {
    const sandbox = settings({ sandbox: { enabled: true, email: 'qa@example.com', phone: null } });
    const optedOut = context({ reportedBy: contact({ emailOptOut: true }) });
    expect(
      decideMessages({ type: 'reminder', context: optedOut, settings: sandbox, now: NOW }),
    ).toMatchObject([
      { channel: 'email', decision: 'skip', reason: 'opted-out' },
      { channel: 'sms', to: null, decision: 'skip', reason: 'no-address' },
    ]);
  });

  it('skips rather than sends to a test address or number that is not valid', () => {
    const sandbox = settings({
      sandbox: { enabled: true, email: 'qa-at-example.com', phone: '+1 415 555 2671' },
    });
    expect(
      decideMessages({ type: 'reminder', context: context(), settings: sandbox, now: NOW }),
    ).toMatchObject([
      { channel: 'email', to: 'qa-at-example.com', decision: 'skip', reason: 'invalid-address' },
      { channel: 'sms', to: '+1 415 555 2671', decision: 'skip', reason: 'invalid-number' },
    ]);
  });

  it('does not redirect when sandbox mode is off', () => {
    const off = settings({
      sandbox: { enabled: false, email: 'qa@example.com', phone: '+447911123456' },
    });
    expect(
      decideMessages({ type: 'reminder', context: context(), settings: off, now: NOW })[0]?.to,
    ).toBe('ana@example.com');
  });
});

describe('status messages', () => {
  const traveling = context({ booking: { status: 'traveling', trip: 1 } });

  it('sends traveling when the status becomes traveling, keyed by the journey, not the start', () => {
    expect(
      decideMessages({
        type: 'traveling',
        context: traveling,
        settings: settings(),
        event: statusEvent('scheduled', 'traveling'),
        now: NOW,
      }),
    ).toEqual([
      {
        channel: 'email',
        to: 'ana@example.com',
        decision: 'send',
        idempotencyKey: 'booking-1:traveling:email:trip-1',
      },
      {
        channel: 'sms',
        to: '+14155552671',
        decision: 'send',
        idempotencyKey: 'booking-1:traveling:sms:trip-1',
      },
    ]);
  });

  it('sends completed when the status becomes completed', () => {
    const decisions = decideMessages({
      type: 'completed',
      context: context({ booking: { status: 'completed' } }),
      settings: settings(),
      event: statusEvent('in-progress', 'completed'),
      now: NOW,
    });
    expect(decisions.map((decision) => decision.idempotencyKey)).toEqual([
      'booking-1:completed:email',
      'booking-1:completed:sms',
    ]);
  });

  it('has nothing to say about another status change, or no change', () => {
    expect(
      decideMessages({
        type: 'traveling',
        context: traveling,
        settings: settings(),
        event: statusEvent('traveling', 'in-progress'),
        now: NOW,
      }),
    ).toEqual([]);
    expect(
      decideMessages({
        type: 'traveling',
        context: traveling,
        settings: settings(),
        event: statusEvent('traveling', 'traveling'),
        now: NOW,
      }),
    ).toEqual([]);
    expect(
      decideMessages({
        type: 'completed',
        context: traveling,
        settings: settings(),
        event: statusEvent('scheduled', 'traveling'),
        now: NOW,
      }),
    ).toEqual([]);
    expect(
      decideMessages({ type: 'traveling', context: traveling, settings: settings(), now: NOW }),
    ).toEqual([]);
  });

  it('sends canceled only after a reminder was sent', () => {
    const canceled = {
      type: 'canceled',
      settings: settings(),
      event: statusEvent('scheduled', 'canceled'),
      now: NOW,
    } as const;
    expect(
      decideMessages({ ...canceled, context: context({ booking: { status: 'canceled' } }) }),
    ).toMatchObject([
      {
        decision: 'skip',
        reason: 'no-reminder-before',
        idempotencyKey: 'booking-1:canceled:email:skipped:no-reminder-before',
      },
      { decision: 'skip', reason: 'no-reminder-before' },
    ]);
    const reminded = context({
      booking: { status: 'canceled' },
      history: [
        {
          type: 'reminder',
          channel: 'email',
          state: 'sent',
          start: BOOKING_START,
          at: '2026-11-24T10:00:00.000Z',
        },
      ],
    });
    expect(decideMessages({ ...canceled, context: reminded })).toMatchObject([
      { decision: 'send', idempotencyKey: 'booking-1:canceled:email' },
      { decision: 'send', idempotencyKey: 'booking-1:canceled:sms' },
    ]);
  });
});

describe('rescheduled', () => {
  const reminded = (start: string) =>
    context({
      booking: { start, end: '2026-11-26T18:00:00.000Z' },
      history: [
        {
          type: 'reminder',
          channel: 'email',
          state: 'sent',
          start: BOOKING_START,
          at: '2026-11-24T10:00:00.000Z',
        },
      ],
    });

  it('sends when the start moved by more than the threshold after a reminder, keyed by the new start', () => {
    const start = '2026-11-26T14:10:01.000Z';
    expect(
      decideMessages({
        type: 'rescheduled',
        context: reminded(start),
        settings: settings(),
        event: rescheduleEvent(BOOKING_START, start),
        now: NOW,
      }),
    ).toMatchObject([
      {
        channel: 'email',
        decision: 'send',
        idempotencyKey: `booking-1:rescheduled:email:${start}`,
      },
      { channel: 'sms', decision: 'send', idempotencyKey: `booking-1:rescheduled:sms:${start}` },
    ]);
  });

  it('has nothing to say about an event without the previous start, or another kind of event', () => {
    const start = '2026-11-27T14:00:00.000Z';
    const withoutPrevious = { ...rescheduleEvent(BOOKING_START, start), previous: null };
    const created = { ...rescheduleEvent(BOOKING_START, start), type: 'booking.created' as const };
    for (const event of [withoutPrevious, created]) {
      expect(
        decideMessages({
          type: 'rescheduled',
          context: reminded(start),
          settings: settings(),
          event,
          now: NOW,
        }),
      ).toEqual([]);
    }
  });

  it('skips a move of exactly the threshold or less, earlier or later', () => {
    for (const start of ['2026-11-26T14:10:00.000Z', '2026-11-26T13:55:00.000Z']) {
      expect(
        decideMessages({
          type: 'rescheduled',
          context: reminded(start),
          settings: settings(),
          event: rescheduleEvent(BOOKING_START, start),
          now: NOW,
        }),
      ).toMatchObject([
        { decision: 'skip', reason: 'below-threshold' },
        { decision: 'skip', reason: 'below-threshold' },
      ]);
    }
  });

  it('honours a different threshold', () => {
    const start = '2026-11-26T14:20:00.000Z';
    const decisions = decideMessages({
      type: 'rescheduled',
      context: reminded(start),
      settings: settings({ rescheduleThresholdMinutes: 30 }),
      event: rescheduleEvent(BOOKING_START, start),
      now: NOW,
    });
    expect(decisions[0]).toMatchObject({ decision: 'skip', reason: 'below-threshold' });
  });

  it('skips when no reminder was sent before', () => {
    const start = '2026-11-27T09:00:00.000Z';
    const decisions = decideMessages({
      type: 'rescheduled',
      context: context({ booking: { start, end: '2026-11-27T10:00:00.000Z' } }),
      settings: settings(),
      event: rescheduleEvent(BOOKING_START, start),
      now: NOW,
    });
    expect(decisions).toMatchObject([
      { decision: 'skip', reason: 'no-reminder-before' },
      { decision: 'skip', reason: 'no-reminder-before' },
    ]);
  });

  it('reports a disabled message before the other rules', () => {
    const start = '2026-11-26T14:05:00.000Z';
    const off = settings({
      messages: {
        reminder: true,
        traveling: true,
        completed: true,
        rescheduled: false,
        canceled: true,
        'request-declined': true,
      },
    });
    expect(
      decideMessages({
        type: 'rescheduled',
        context: reminded(start),
        settings: off,
        event: rescheduleEvent(BOOKING_START, start),
        now: NOW,
      })[0],
    ).toMatchObject({ reason: 'disabled' });
  });
});

describe('what the customer was told', () => {
  const told = (start: string, at: string, type: 'reminder' | 'rescheduled' = 'reminder') => ({
    type,
    channel: 'email' as const,
    state: 'sent' as const,
    start,
    at,
  });

  it('measures the threshold from the start last told, not from the start before this move', () => {
    // Told 14:00; moved to 14:06 (skipped, below 10 minutes), then to 14:12: 12 minutes off.
    const start = '2026-11-26T14:12:00.000Z';
    const decisions = decideMessages({
      type: 'rescheduled',
      context: context({
        booking: { start },
        history: [told(BOOKING_START, '2026-11-24T10:00:00.000Z')],
      }),
      settings: settings(),
      event: rescheduleEvent('2026-11-26T14:06:00.000Z', start),
      now: NOW,
    });
    expect(decisions.map((decision) => decision.decision)).toEqual(['send', 'send']);
  });

  it('skips a move back to within the threshold of what the customer was told', () => {
    const start = '2026-11-26T14:04:00.000Z';
    const decisions = decideMessages({
      type: 'rescheduled',
      context: context({
        booking: { start },
        history: [told(BOOKING_START, '2026-11-24T10:00:00.000Z')],
      }),
      settings: settings(),
      event: rescheduleEvent('2026-11-27T09:00:00.000Z', start),
      now: NOW,
    });
    expect(decisions[0]).toMatchObject({ decision: 'skip', reason: 'below-threshold' });
  });

  it('says "moved from" the start last told, by a reminder or a rescheduled message', () => {
    const start = '2026-11-27T09:00:00.000Z';
    const history = [
      told(BOOKING_START, '2026-11-24T10:00:00.000Z'),
      told('2026-11-26T16:00:00.000Z', '2026-11-25T08:00:00.000Z', 'rescheduled'),
    ];
    const data = messageData({
      type: 'rescheduled',
      context: context({ booking: { start }, history }),
      recipient: contact(),
      settings: settings(),
      event: rescheduleEvent('2026-11-26T16:05:00.000Z', start),
      link: 'https://track.example.com/t/x',
    });
    expect(data.booking.previousStart).toBe('2026-11-26T16:00:00.000Z');
    expect(lastToldStart(context({ history }))).toBe('2026-11-26T16:00:00.000Z');
  });

  it('counts a claimed reminder as given (no second claim), but not as reminded before', () => {
    const pending = context({
      history: (['email', 'sms'] as const).map((channel) => ({
        ...told(BOOKING_START, '2026-11-24T10:00:00.000Z'),
        channel,
        state: 'pending' as const,
      })),
    });
    expect(
      decideMessages({ type: 'reminder', context: pending, settings: settings(), now: NOW }),
    ).toEqual([]);
    const canceled = decideMessages({
      type: 'canceled',
      context: { ...pending, booking: { ...pending.booking, status: 'canceled' } },
      settings: settings(),
      event: statusEvent('scheduled', 'canceled'),
      now: NOW,
    });
    expect(canceled[0]).toMatchObject({ decision: 'skip', reason: 'no-reminder-before' });
  });
});

describe('SMS needs a number that takes texts', () => {
  it.each(['+33140000000', '+442079460000', '+18002530000'])(
    'skips %s, a landline or service number',
    (mobilePhone) => {
      const [, sms] = decideMessages({
        type: 'reminder',
        context: context({ reportedBy: contact({ mobilePhone }) }),
        settings: settings(),
        now: NOW,
      });
      expect(sms).toMatchObject({
        decision: 'skip',
        reason: 'not-a-mobile-number',
        to: mobilePhone,
      });
    },
  );
});
