import { describe, expect, it } from 'vitest';
import type { BookingEvent, MessageContext } from '../../../../shared/contracts/index.ts';
import { bookingEvents } from '../../events/diff.ts';
import { decideMessages } from './decide.ts';
import { BOOKING_START, NOW, context, settings } from './fixtures.ts';

const REQUESTED_AT = '2026-11-25T08:00:00.000Z';

const snapshot = (state: 'pending' | 'declined', requestedAt = REQUESTED_AT) => ({
  documentId: 'booking-1',
  externalId: null,
  status: 'scheduled' as const,
  start: BOOKING_START,
  end: '2026-11-26T15:00:00.000Z',
  resourceId: 'tech-1',
  completedAt: null,
  customer: {
    confirmedAt: null,
    canceledAt: null,
    noteAt: null,
    request: {
      window: null,
      preference: 'Any morning',
      requestedAt,
      state,
      decidedBy: state === 'declined' ? 'Dana Dispatcher' : null,
      decidedAt: state === 'declined' ? '2026-11-25T09:00:00.000Z' : null,
    },
  },
});

function declinedEvent(requestedAt = REQUESTED_AT): BookingEvent {
  const [event] = bookingEvents(
    snapshot('pending', requestedAt),
    snapshot('declined', requestedAt),
    new Date('2026-11-25T09:00:00.000Z'),
  );
  if (!event) throw new Error('no event');
  return event;
}

const decide = (
  event: BookingEvent,
  booking: Partial<MessageContext['booking']> = {},
  now = NOW,
  quietHours = settings().quietHours,
) =>
  decideMessages({
    type: 'request-declined',
    context: context({ booking }),
    settings: settings({ quietHours }),
    event,
    now,
  });

describe('a declined request to move', () => {
  it('is the one event of a decline, and of nothing else', () => {
    expect(declinedEvent().type).toBe('customer.reschedule_declined');
    const at = new Date(NOW);
    const again = bookingEvents(snapshot('declined'), snapshot('declined'), at);
    expect(again).toEqual([]);
    const asked = bookingEvents(snapshot('declined'), snapshot('pending', NOW.toISOString()), at);
    expect(asked.map((event) => event.type)).toEqual(['customer.reschedule_requested']);
  });

  it('is told on each channel once per request, without a reminder before', () => {
    expect(decide(declinedEvent())).toMatchObject([
      {
        channel: 'email',
        decision: 'send',
        idempotencyKey: `booking-1:request-declined:email:request-${REQUESTED_AT}`,
      },
      {
        channel: 'sms',
        decision: 'send',
        idempotencyKey: `booking-1:request-declined:sms:request-${REQUESTED_AT}`,
      },
    ]);
    const later = '2026-11-25T08:30:00.000Z';
    expect(decide(declinedEvent(later))[0]?.idempotencyKey).toBe(
      `booking-1:request-declined:email:request-${later}`,
    );
  });

  it('is not told once the visit was canceled, moved or begun since', () => {
    expect(decide(declinedEvent(), { status: 'canceled' })).toEqual([]);
    expect(decide(declinedEvent(), { start: '2026-11-27T14:00:00.000Z' })).toEqual([]);
    expect(decide(declinedEvent(), {}, new Date('2026-11-26T14:30:00.000Z'))).toEqual([]);
  });

  it('waits for the end of quiet hours, in the customer’s zone', () => {
    const quiet = { enabled: true, start: '21:00', end: '08:00', wait: settings().quietHours.wait };
    // 22:00 in London, the evening before the visit.
    const decided = decide(declinedEvent(), {}, new Date('2026-11-25T22:00:00.000Z'), quiet);
    expect(decided).toMatchObject([
      { channel: 'email', decision: 'send', notBefore: '2026-11-26T08:00:00.000Z' },
      { channel: 'sms', decision: 'send', notBefore: '2026-11-26T08:00:00.000Z' },
    ]);
  });
});
