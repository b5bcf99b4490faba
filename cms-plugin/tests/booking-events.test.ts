import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BookingEvent } from '../shared/contracts/booking-event.ts';
import { SettingsView } from '../shared/contracts/settings.ts';
import { inDays, putBooking } from './support/fixtures.ts';
import { eventually, startReceiver, type Receiver } from './support/receiver.ts';
import { readBacklog, patchBooking, writtenEvents } from './support/outbox.ts';
import { onEveryDatabase } from './support/suite.ts';

const SECRET = 'enroute-test-webhook-secret';

onEveryDatabase('booking events: outbox and relay to the webhook', (host) => {
  let fullAccess = '';
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver(SECRET);
    fullAccess = host().tokens.fullAccess;
    // Events are always signed: a URL without its secret is refused.
    const unsigned = await host().admin('PUT', '/settings', { webhookUrl: receiver.url });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.error?.details?.errors?.map((error) => error.path)).toEqual([
      'webhookSecret',
    ]);
    const settings = await host().admin('PUT', '/settings', {
      webhookUrl: receiver.url,
      webhookSecret: SECRET,
    });
    expect(settings.status).toBe(200);
    expect(settings.body.data).toMatchObject({ webhookUrl: receiver.url, webhookSecretSet: true });
    expect(JSON.stringify(settings.body)).not.toContain(SECRET);
  });
  afterAll(async () => {
    await receiver?.close();
  });

  const written = (bookingId: string) => writtenEvents(host(), bookingId);
  const acceptedFor = (bookingId: string) =>
    receiver
      .accepted()
      .filter((event) => event.booking.documentId === bookingId)
      .map((event) => ({ id: event.id, type: event.type }));
  const backlog = () => readBacklog(host());
  const patch = (bookingId: string, change: Record<string, unknown>) =>
    patchBooking(host(), fullAccess, bookingId, change);
  /** Every event written for these bookings reached the receiver, once each and in order. */
  const allArrive = async (bookingIds: string[]) => {
    for (const bookingId of bookingIds) {
      const expected = await written(bookingId);
      await eventually(
        () => acceptedFor(bookingId).length >= expected.length,
        () =>
          `${bookingId}: ${JSON.stringify(acceptedFor(bookingId))} of ${JSON.stringify(expected)}`,
      );
      expect(acceptedFor(bookingId)).toEqual(expected);
    }
  };

  it('signs and delivers every change, one event per kind of change, in order', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'relay');
    const { booking: other } = await putBooking(host(), fullAccess, 'relay-other');
    const start = inDays(4);
    await patch(booking.documentId, {
      status: 'traveling',
      start,
      end: inDays(4, 1),
      resource: 'tech-relay-other',
    });
    // A change of a field that no event speaks of gives no event.
    await patch(booking.documentId, { end: inDays(4, 3) });
    // A change made in the admin's Content Manager is seen too.
    const deleted = await host().asAdmin(
      'DELETE',
      `/content-manager/collection-types/plugin::enroute.booking/${booking.documentId}`,
    );
    expect(deleted.status).toBe(200);

    await allArrive([booking.documentId, other.documentId]);
    const events = receiver
      .accepted()
      .filter((event) => event.booking.documentId === booking.documentId);
    expect(events.map((event) => event.type)).toEqual([
      'booking.created',
      'booking.status_changed',
      'booking.rescheduled',
      'booking.resource_changed',
      'booking.deleted',
    ]);
    const [created, status, moved] = events as [BookingEvent, BookingEvent, BookingEvent];
    expect(created.previous).toBeNull();
    expect(status.previous?.status).toBe('scheduled');
    expect(status.booking.status).toBe('traveling');
    expect(moved.booking.start).toBe(start);
    expect(moved.previous?.start).not.toBe(start);
    expect(receiver.refused).toEqual([]);
    // Delivered once each: nothing is sent again after it was accepted.
    const tries = receiver.deliveries.filter(
      (d) => d.event.booking.documentId === booking.documentId,
    );
    expect(tries).toHaveLength(events.length);
    expect(await backlog()).toMatchObject({ pending: 0, retrying: 0, lastError: null });
  });

  it('retries a failing receiver with backoff, holding back only the failing booking', async () => {
    const { booking: held } = await putBooking(host(), fullAccess, 'held');
    const { booking: free } = await putBooking(host(), fullAccess, 'free');
    await allArrive([held.documentId, free.documentId]);

    receiver.fail((event) => event.booking.documentId === held.documentId);
    await patch(held.documentId, { status: 'traveling' });
    await patch(held.documentId, { status: 'in-progress' });
    await patch(held.documentId, { status: 'completed' });
    await patch(free.documentId, { status: 'canceled' });

    const failures = () =>
      receiver.deliveries.filter(
        (d) => d.event.booking.documentId === held.documentId && d.status === 503,
      );
    await eventually(
      () => failures().length >= 3,
      () => `${failures().length} failed deliveries`,
    );
    // Only the first pending event of the held booking is retried; its later events wait.
    expect(new Set(failures().map((d) => d.event.type))).toEqual(
      new Set(['booking.status_changed']),
    );
    expect(new Set(failures().map((d) => d.event.id)).size).toBe(1);
    expect(failures()[0]?.event.booking.status).toBe('traveling');
    // The other booking's event went through meanwhile.
    await allArrive([free.documentId]);
    const during = await backlog();
    expect(during.pending).toBe(3);
    expect(during.retrying).toBe(1);
    expect(during.lastError).toBe('HTTP 503');
    expect(during.oldestPendingAt).not.toBeNull();

    receiver.recover();
    await allArrive([held.documentId]);
    expect(acceptedFor(held.documentId).map((event) => event.type)).toEqual([
      'booking.created',
      'booking.status_changed',
      'booking.status_changed',
      'booking.status_changed',
    ]);
    expect(
      receiver
        .accepted()
        .filter((event) => event.booking.documentId === held.documentId)
        .map((event) => event.booking.status),
    ).toEqual(['scheduled', 'traveling', 'in-progress', 'completed']);
    expect(await backlog()).toMatchObject({ pending: 0, retrying: 0 });
  });

  it('delivers several bookings at once to a slow receiver, each booking’s events one after another', async () => {
    receiver.slow(300);
    const ids: string[] = [];
    for (let index = 0; index < 12; index++) {
      const { booking } = await putBooking(host(), fullAccess, `crowd-${index}`);
      ids.push(booking.documentId);
    }
    for (const id of ids) await patch(id, { status: 'traveling' });
    await allArrive(ids);
    for (const id of ids) {
      expect(acceptedFor(id).map((event) => event.type)).toEqual([
        'booking.created',
        'booking.status_changed',
      ]);
    }
    const { most, mostForOneBooking } = receiver.inFlight();
    receiver.slow(0);
    // The relay's default: up to 8 bookings at once, never two events of one booking.
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(8);
    expect(mostForOneBooking).toBe(1);
  });

  it('delivers the waiting bookings’ events together to an endpoint that takes several per request, each booking’s in order, retrying a failed request’s events', async () => {
    const current = await host().admin('GET', '/settings');
    const endpoint = SettingsView.parse(current.body.data).webhooks[0]!;
    const batched = await host().admin('PUT', '/settings', {
      webhooks: [{ ...endpoint, maxEventsPerDelivery: 10 }],
    });
    expect(batched.status).toBe(200);
    expect(SettingsView.parse(batched.body.data).webhooks[0]).toMatchObject({
      id: endpoint.id,
      maxEventsPerDelivery: 10,
    });
    try {
      receiver.slow(300);
      const ids: string[] = [];
      for (let index = 0; index < 24; index++) {
        const { booking } = await putBooking(host(), fullAccess, `together-${index}`);
        ids.push(booking.documentId);
      }
      // All at once, so that they wait for the receiver together, whatever the database's pace.
      await Promise.all(ids.map((id) => patch(id, { status: 'traveling' })));
      await allArrive(ids);
      const { most, mostForOneBooking } = receiver.inFlight();
      receiver.slow(0);
      const theirs = receiver.requests.filter((request) =>
        request.bookings.some((booking) => ids.includes(booking)),
      );
      // Every request is a batch of at most 10, some carry several, none two of one booking.
      expect(theirs.every((request) => request.batch)).toBe(true);
      expect(Math.max(...theirs.map((request) => request.bookings.length))).toBeGreaterThan(1);
      expect(Math.max(...theirs.map((request) => request.bookings.length))).toBeLessThanOrEqual(10);
      for (const request of theirs) {
        expect(new Set(request.bookings).size).toBe(request.bookings.length);
      }
      expect(theirs.length).toBeLessThan(ids.length * 2);
      expect(most).toBeLessThanOrEqual(8);
      expect(mostForOneBooking).toBe(1);

      // The events of a request that fails are retried; none is lost or taken twice.
      receiver.fail();
      const failing = ids.slice(0, 3);
      for (const id of failing) await patch(id, { status: 'in-progress' });
      await eventually(
        () =>
          receiver.deliveries.some(
            (d) => d.status === 503 && failing.includes(d.event.booking.documentId),
          ),
        () => 'no failed attempt',
      );
      receiver.recover();
      await allArrive(failing);
      expect(await backlog()).toMatchObject({ pending: 0, retrying: 0 });
    } finally {
      receiver.recover();
      receiver.slow(0);
      await host().admin('PUT', '/settings', { webhooks: [endpoint] });
    }
  });

  it('delivers every pending event after Strapi is killed and restarted', async () => {
    receiver.fail();
    const ids: string[] = [];
    for (const name of ['restart-a', 'restart-b']) {
      const { booking } = await putBooking(host(), fullAccess, name);
      ids.push(booking.documentId);
      await patch(booking.documentId, { status: 'traveling' });
      await patch(booking.documentId, { start: inDays(5), end: inDays(5, 1) });
    }
    await eventually(
      () =>
        receiver.deliveries.some(
          (d) => d.status === 503 && ids.includes(d.event.booking.documentId),
        ),
      () => 'no delivery attempt before the kill',
    );
    expect((await backlog()).pending).toBeGreaterThanOrEqual(6);

    await host().kill();
    receiver.recover();
    await host().start();

    await allArrive(ids);
    for (const id of ids) {
      expect(acceptedFor(id).map((event) => event.type)).toEqual([
        'booking.created',
        'booking.status_changed',
        'booking.rescheduled',
      ]);
    }
    // However often an event was sent, the receiver accepted each id once.
    const acceptedIds = receiver.accepted().map((event) => event.id);
    expect(new Set(acceptedIds).size).toBe(acceptedIds.length);
    expect(await backlog()).toMatchObject({ pending: 0, retrying: 0 });
  });
});
