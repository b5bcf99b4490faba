import { signPayload } from 'strapi-plugin-enroute/contracts';
import { describe, expect, it } from 'vitest';
import { statusEvent } from '../../test/fixtures/messaging.ts';
import { judgeDelivery, rememberEventId, SEEN_EVENT_IDS_LIMIT } from './accept-delivery.ts';

const SECRET = 'whsec_test_0123456789abcdef';
const NOW = 1_795_000_000;
const event = statusEvent('scheduled', 'traveling');
const rawBody = JSON.stringify(event);

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
    expect(judgeDelivery(delivery())).toEqual({ outcome: 'accepted', event });
  });

  it('is accepted at the edge of the time window, and refused just past it', () => {
    expect(judgeDelivery(delivery({ nowSeconds: NOW + 300 })).outcome).toBe('accepted');
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
    expect(judgeDelivery(delivery({ seenEventIds: ['a', event.id] }))).toEqual({
      outcome: 'duplicate',
      event,
    });
  });

  it('is checked for its signature before it counts as a duplicate', () => {
    expect(
      judgeDelivery(delivery({ seenEventIds: [event.id], signature: 'sha256=abc' })),
    ).toMatchObject({ outcome: 'rejected', status: 401 });
  });

  it('is acknowledged but not run when the workflow does not listen to its type', () => {
    expect(judgeDelivery(delivery({ eventTypes: ['booking.rescheduled'] }))).toEqual({
      outcome: 'ignored',
      event,
    });
  });

  it('is run for a status change to a listened status, and acknowledged otherwise', () => {
    expect(judgeDelivery(delivery({ statuses: ['traveling'] })).outcome).toBe('accepted');
    expect(judgeDelivery(delivery({ statuses: ['completed', 'traveling'] })).outcome).toBe(
      'accepted',
    );
    expect(judgeDelivery(delivery({ statuses: [] })).outcome).toBe('accepted');
    expect(judgeDelivery(delivery({ statuses: ['completed', 'canceled'] }))).toEqual({
      outcome: 'ignored',
      event,
    });
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
      ).outcome,
    ).toBe('accepted');
  });
});

describe('the replay memory', () => {
  it('keeps the most recent ids, up to its limit', () => {
    let seen: string[] = [];
    for (let index = 0; index < SEEN_EVENT_IDS_LIMIT + 5; index++)
      seen = rememberEventId(seen, `id-${index}`);
    expect(seen).toHaveLength(SEEN_EVENT_IDS_LIMIT);
    expect(seen[0]).toBe('id-5');
    expect(seen.at(-1)).toBe(`id-${SEEN_EVENT_IDS_LIMIT + 4}`);
  });
});
