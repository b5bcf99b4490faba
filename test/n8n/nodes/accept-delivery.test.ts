import {
  MAX_EVENTS_PER_DELIVERY,
  signPayload,
  type BookingEvent,
} from 'strapi-plugin-enroute/contracts';
import { describe, expect, it } from 'vitest';
import { statusEvent } from '../../../cms-plugin/server/src/messages/rules/fixtures.ts';
import {
  judgeDelivery,
  rememberEventIds,
  SEEN_EVENT_IDS_LIMIT,
} from '../../../n8n-nodes/nodes/EnrouteTrigger/accept-delivery.ts';

const SECRET = 'whsec_test_0123456789abcdef';
const NOW = 1_795_000_000;
const event = statusEvent('scheduled', 'traveling');
const rawBody = JSON.stringify(event);

/** What a single event's delivery is judged to be. */
function single(
  outcome: 'accepted' | 'ignored' | 'duplicates',
  one: BookingEvent = event,
): ReturnType<typeof judgeDelivery> {
  return {
    outcome: 'received',
    batch: false,
    accepted: [],
    ignored: [],
    duplicates: [],
    [outcome]: [one],
  };
}

/** The ids the workflow runs for. */
const runs = (verdict: ReturnType<typeof judgeDelivery>) =>
  verdict.outcome === 'received' ? verdict.accepted.map(({ id }) => id) : null;

function delivery(overrides: Partial<Parameters<typeof judgeDelivery>[0]> = {}) {
  return {
    rawBody,
    signature: signPayload(SECRET, rawBody, NOW),
    secret: SECRET,
    eventTypes: ['booking.status_changed'] as const,
    seenEventIds: [],
    nowSeconds: NOW,
    ...overrides,
  };
}

describe('a delivery from the plugin', () => {
  it('is accepted with a good signature, a fresh timestamp and a new id', () => {
    expect(judgeDelivery(delivery())).toEqual(single('accepted'));
  });

  it('is accepted at the edge of the time window, and refused just past it', () => {
    expect(runs(judgeDelivery(delivery({ nowSeconds: NOW + 300 })))).toEqual([event.id]);
    expect(judgeDelivery(delivery({ nowSeconds: NOW + 301 }))).toEqual({
      outcome: 'rejected',
      status: 401,
      reason: 'signature stale',
    });
    expect(judgeDelivery(delivery({ nowSeconds: NOW - 301 }))).toEqual({
      outcome: 'rejected',
      status: 401,
      reason: 'signature stale',
    });
  });

  it('is refused without a signature, with a malformed one, or signed with another secret', () => {
    expect(judgeDelivery(delivery({ signature: undefined }))).toMatchObject({
      status: 401,
      reason: 'signature missing',
    });
    expect(judgeDelivery(delivery({ signature: 'sha256=abc' }))).toMatchObject({
      status: 401,
      reason: 'signature malformed',
    });
    expect(
      judgeDelivery(delivery({ signature: signPayload('another secret', rawBody, NOW) })),
    ).toMatchObject({ status: 401, reason: 'signature mismatch' });
    expect(judgeDelivery(delivery({ secret: '' }))).toMatchObject({
      status: 401,
      reason: 'no signing secret is set',
    });
  });

  it('is refused when the body was changed after signing, even by one byte', () => {
    const tampered = rawBody.replace('traveling', 'completed');
    expect(judgeDelivery(delivery({ rawBody: tampered }))).toMatchObject({
      status: 401,
      reason: 'signature mismatch',
    });
    expect(judgeDelivery(delivery({ rawBody: `${rawBody} ` }))).toMatchObject({
      status: 401,
      reason: 'signature mismatch',
    });
  });

  it('is refused when signed but not a booking event', () => {
    const notJson = 'hello';
    expect(
      judgeDelivery(delivery({ rawBody: notJson, signature: signPayload(SECRET, notJson, NOW) })),
    ).toMatchObject({ status: 400, reason: 'body is not JSON' });
    const other = JSON.stringify({ id: 'x', type: 'booking.status_changed' });
    expect(
      judgeDelivery(delivery({ rawBody: other, signature: signPayload(SECRET, other, NOW) })),
    ).toMatchObject({ status: 400, reason: 'body is not a booking event' });
  });

  it('is a duplicate, not run again, when its id was accepted before', () => {
    expect(judgeDelivery(delivery({ seenEventIds: ['a', event.id] }))).toEqual(
      single('duplicates'),
    );
  });

  it('is checked for its signature before it counts as a duplicate', () => {
    expect(
      judgeDelivery(delivery({ seenEventIds: [event.id], signature: 'sha256=abc' })),
    ).toMatchObject({ outcome: 'rejected', status: 401 });
  });

  it('is acknowledged but not run when the workflow does not listen to its type', () => {
    expect(judgeDelivery(delivery({ eventTypes: ['booking.rescheduled'] }))).toEqual(
      single('ignored'),
    );
  });

  it('is run for a status change to a listened status, and acknowledged otherwise', () => {
    expect(runs(judgeDelivery(delivery({ statuses: ['traveling'] })))).toEqual([event.id]);
    expect(runs(judgeDelivery(delivery({ statuses: ['completed', 'traveling'] })))).toEqual([
      event.id,
    ]);
    expect(runs(judgeDelivery(delivery({ statuses: [] })))).toEqual([event.id]);
    expect(judgeDelivery(delivery({ statuses: ['completed', 'canceled'] }))).toEqual(
      single('ignored'),
    );
  });

  it('filters only status changes by status', () => {
    const rescheduled = { ...event, type: 'booking.rescheduled' as const };
    const body = JSON.stringify(rescheduled);
    expect(
      judgeDelivery(
        delivery({
          rawBody: body,
          signature: signPayload(SECRET, body, NOW),
          eventTypes: ['booking.rescheduled'],
          statuses: ['completed'],
        }),
      ),
    ).toEqual(single('accepted', rescheduled));
  });
});

describe('a batch of events from the plugin', () => {
  const ids = [
    '0b6f8f5e-1c1a-4a59-8c57-5b0e0c1d2e01',
    '0b6f8f5e-1c1a-4a59-8c57-5b0e0c1d2e02',
    '0b6f8f5e-1c1a-4a59-8c57-5b0e0c1d2e03',
  ] as const;
  const forBooking = (id: string, booking: string, to: 'traveling' | 'completed') => {
    const one = statusEvent('scheduled', to, { id });
    return { ...one, booking: { ...one.booking, documentId: booking } };
  };
  const first = forBooking(ids[0], 'booking-1', 'traveling');
  const second = forBooking(ids[1], 'booking-2', 'completed');
  const third = forBooking(ids[2], 'booking-3', 'traveling');
  const signed = (body: unknown, overrides: Partial<Parameters<typeof judgeDelivery>[0]> = {}) => {
    const raw = JSON.stringify(body);
    return judgeDelivery(
      delivery({ rawBody: raw, signature: signPayload(SECRET, raw, NOW), ...overrides }),
    );
  };

  it('runs the events the workflow listens to, in the order given, and counts the others', () => {
    expect(signed({ events: [first, second, third] }, { statuses: ['traveling'] })).toEqual({
      outcome: 'received',
      batch: true,
      accepted: [first, third],
      ignored: [second],
      duplicates: [],
    });
  });

  it('does not run an event accepted before, nor one given twice in the same batch', () => {
    expect(signed({ events: [first, second, first] }, { seenEventIds: [ids[1]] })).toEqual({
      outcome: 'received',
      batch: true,
      accepted: [first],
      ignored: [],
      duplicates: [second, first],
    });
  });

  it('is refused as a whole when one event is not a booking event, or there are none or too many', () => {
    const broken = { ...second, booking: { ...second.booking, status: 'flying' } };
    expect(signed({ events: [first, broken] })).toMatchObject({
      outcome: 'rejected',
      status: 400,
      reason: 'body is not a booking event',
    });
    expect(signed({ events: [] })).toMatchObject({ outcome: 'rejected', status: 400 });
    const many = Array.from({ length: MAX_EVENTS_PER_DELIVERY + 1 }, () => first);
    expect(signed({ events: many })).toMatchObject({ outcome: 'rejected', status: 400 });
  });

  it('is checked for its signature like a single event', () => {
    const raw = JSON.stringify({ events: [first] });
    expect(
      judgeDelivery(delivery({ rawBody: raw, signature: signPayload('another secret', raw, NOW) })),
    ).toMatchObject({ outcome: 'rejected', status: 401, reason: 'signature mismatch' });
  });
});

describe('the replay memory', () => {
  it('keeps the most recent ids, up to its limit', () => {
    let seen: string[] = [];
    for (let index = 0; index < SEEN_EVENT_IDS_LIMIT + 5; index += 5)
      seen = rememberEventIds(
        seen,
        Array.from({ length: 5 }, (_, offset) => `id-${index + offset}`),
      );
    expect(seen).toHaveLength(SEEN_EVENT_IDS_LIMIT);
    expect(seen[0]).toBe('id-5');
    expect(seen.at(-1)).toBe(`id-${SEEN_EVENT_IDS_LIMIT + 4}`);
  });
});
