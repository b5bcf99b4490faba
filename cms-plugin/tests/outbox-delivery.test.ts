import { afterAll, beforeAll, expect, it } from 'vitest';
import { DeadLetter } from '../shared/contracts/admin.ts';
import { SettingsView } from '../shared/contracts/settings.ts';
import { putBooking } from './support/fixtures.ts';
import { startHost } from './support/host.ts';
import { readBacklog, patchBooking, writtenEvents } from './support/outbox.ts';
import { eventually, startReceiver, type Receiver } from './support/receiver.ts';
import { onEveryDatabase } from './support/suite.ts';

const SECRET = 'enroute-test-webhook-secret';
const MAX_ATTEMPTS = 4;
const LEASE_MS = 2_000;

onEveryDatabase(
  'booking events: dead letters and fail-over between instances',
  (host) => {
    let fullAccess = '';
    let receiver: Receiver;

    beforeAll(async () => {
      receiver = await startReceiver(SECRET);
      fullAccess = host().tokens.fullAccess;
      const settings = await host().admin('PUT', '/settings', {
        webhookUrl: receiver.url,
        webhookSecret: SECRET,
      });
      expect(settings.status).toBe(200);
    });
    afterAll(async () => {
      await receiver?.close();
    });

    /** The ids of the events the outbox holds for one booking, in the order they were written. */
    const written = async (bookingId: string) =>
      (await writtenEvents(host(), bookingId)).map((event) => event.id);
    const acceptedFor = (bookingId: string) =>
      receiver
        .accepted()
        .filter((event) => event.booking.documentId === bookingId)
        .map((event) => event.id);
    const patch = (bookingId: string, change: Record<string, unknown>) =>
      patchBooking(host(), fullAccess, bookingId, change);
    const decide = (id: number, action: string) =>
      host().admin('POST', `/booking-events/deliveries/${id}/actions`, { action });

    it('stops retrying an event after the last attempt, delivers the booking’s later events, and delivers it again when an admin retries it', async () => {
      const { booking: poisoned } = await putBooking(host(), fullAccess, 'dead');
      const { booking: other } = await putBooking(host(), fullAccess, 'dead-other');
      await eventually(
        async () => acceptedFor(poisoned.documentId).length === 1,
        () => 'the booking’s creation was not delivered',
      );
      // The receiver refuses this one event with 400, every time it gets it.
      const refusedStatus = 'traveling';
      receiver.fail(
        (event) =>
          event.booking.documentId === poisoned.documentId &&
          event.booking.status === refusedStatus &&
          event.type === 'booking.status_changed',
        400,
      );
      await patch(poisoned.documentId, { status: refusedStatus });
      await patch(poisoned.documentId, { status: 'in-progress' });
      await patch(other.documentId, { status: 'canceled' });
      const refusals = () =>
        receiver.deliveries.filter(
          (delivery) =>
            delivery.event.booking.documentId === poisoned.documentId && delivery.status === 400,
        );

      await eventually(
        async () => (await readBacklog(host())).dead === 1,
        () => `${refusals().length} refusals, no dead letter`,
      );
      // The later event of the same booking went through once the refused one was dead, and so
      // did the other booking's.
      const [created, refused, later] = await written(poisoned.documentId);
      await eventually(
        () => acceptedFor(poisoned.documentId).includes(later!),
        () => `accepted ${JSON.stringify(acceptedFor(poisoned.documentId))}`,
      );
      expect(acceptedFor(poisoned.documentId)).toEqual([created, later]);
      await eventually(
        async () =>
          acceptedFor(other.documentId).length === (await written(other.documentId)).length,
        () => 'the other booking’s events were not delivered',
      );
      // Dead: tried exactly the allowed number of times, then no more.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(refusals()).toHaveLength(MAX_ATTEMPTS);
      expect(new Set(refusals().map((delivery) => delivery.event.id))).toEqual(new Set([refused]));

      const backlog = await readBacklog(host());
      expect(backlog).toMatchObject({ pending: 0, retrying: 0, dead: 1 });
      expect(backlog.endpoints[0]).toMatchObject({ pending: 0, dead: 1 });
      const [letter] = backlog.deadLetters;
      expect(letter).toMatchObject({
        eventId: refused,
        type: 'booking.status_changed',
        bookingDocumentId: poisoned.documentId,
        state: 'dead',
        attempts: MAX_ATTEMPTS,
        lastError: 'HTTP 400',
        retriedBy: null,
      });

      // The receiver is fixed; the admin retries the dead letter, recorded with who and when.
      receiver.recover();
      const retried = await decide(letter!.id, 'retry');
      expect(retried.status).toBe(200);
      expect(DeadLetter.parse(retried.body.data)).toMatchObject({
        state: 'pending',
        attempts: 0,
        retriedBy: 'ada@example.com',
      });
      expect(DeadLetter.parse(retried.body.data).retriedAt).not.toBeNull();
      await eventually(
        () => acceptedFor(poisoned.documentId).includes(refused!),
        () => 'the retried event was not delivered',
      );
      expect(acceptedFor(poisoned.documentId)).toEqual([created, later, refused]);
      const after = await readBacklog(host());
      expect(after).toMatchObject({ pending: 0, dead: 0 });
      // It stays listed with who retried it, now delivered.
      expect(after.deadLetters).toEqual([
        expect.objectContaining({
          id: letter!.id,
          state: 'delivered',
          retriedBy: 'ada@example.com',
          deadAt: null,
        }),
      ]);
      // Decided once: it is no dead letter any more.
      expect((await decide(letter!.id, 'retry')).status).toBe(409);
      expect((await decide(letter!.id, 'forget')).status).toBe(400);
      expect((await decide(999_999, 'retry')).status).toBe(404);
    });

    it('keeps a discarded dead letter, recorded, and never delivers it', async () => {
      const { booking } = await putBooking(host(), fullAccess, 'discarded');
      await eventually(
        () => acceptedFor(booking.documentId).length === 1,
        () => 'the booking’s creation was not delivered',
      );
      receiver.fail((event) => event.booking.documentId === booking.documentId, 400);
      await patch(booking.documentId, { status: 'canceled' });
      await eventually(
        async () => (await readBacklog(host())).dead === 1,
        () => 'no dead letter',
      );
      const letter = (await readBacklog(host())).deadLetters.find(
        (candidate) => candidate.state === 'dead',
      );
      const discarded = await decide(letter!.id, 'discard');
      expect(discarded.status).toBe(200);
      expect(DeadLetter.parse(discarded.body.data)).toMatchObject({
        state: 'discarded',
        discardedBy: 'ada@example.com',
      });
      receiver.recover();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(acceptedFor(booking.documentId)).toHaveLength(1);
      const after = await readBacklog(host());
      expect(after).toMatchObject({ pending: 0, dead: 0 });
      expect(after.deadLetters.find((candidate) => candidate.id === letter!.id)).toMatchObject({
        state: 'discarded',
        lastError: 'HTTP 400',
      });
      expect((await decide(letter!.id, 'retry')).status).toBe(409);
    });

    it('sends an event refused in a batch in ever smaller requests until it dies alone, its neighbours delivered', async () => {
      const current = await host().admin('GET', '/settings');
      const endpoint = SettingsView.parse(current.body.data).webhooks[0]!;
      const batched = await host().admin('PUT', '/settings', {
        webhooks: [{ ...endpoint, maxEventsPerDelivery: 10 }],
      });
      expect(batched.status).toBe(200);
      try {
        const blockers: string[] = [];
        const neighbours: string[] = [];
        for (let index = 0; index < 8; index++) {
          blockers.push(
            (await putBooking(host(), fullAccess, `blocker-${index}`)).booking.documentId,
          );
        }
        const { booking: poisoned } = await putBooking(host(), fullAccess, 'batch-dead');
        for (let index = 0; index < 5; index++) {
          neighbours.push(
            (await putBooking(host(), fullAccess, `neighbour-${index}`)).booking.documentId,
          );
        }
        const everyone = [...blockers, poisoned.documentId, ...neighbours];
        await eventually(
          () => everyone.every((id) => acceptedFor(id).length === 1),
          () => 'the bookings’ creations were not delivered',
        );
        receiver.fail((event) => event.booking.documentId === poisoned.documentId, 400);
        receiver.slow(1_500);
        // Every lane busy with one booking each, so that the next events wait and go together.
        for (const id of blockers) await patch(id, { status: 'traveling' });
        await Promise.all(
          [poisoned.documentId, ...neighbours].map((id) => patch(id, { status: 'traveling' })),
        );
        await eventually(
          async () => (await readBacklog(host())).dead === 1,
          () => 'no dead letter',
          60_000,
        );
        receiver.slow(0);
        for (const id of [...blockers, ...neighbours]) {
          const expected = await written(id);
          await eventually(
            () => acceptedFor(id).length === expected.length,
            () => `${id}: ${acceptedFor(id).length} of ${expected.length}`,
          );
        }
        const refusedRequests = receiver.requests
          .filter((request) => request.bookings.includes(poisoned.documentId))
          .slice(1);
        // Refused together with its neighbours first, then alone for its last attempt.
        expect(
          Math.max(...refusedRequests.map((request) => request.bookings.length)),
        ).toBeGreaterThan(1);
        expect(refusedRequests.at(-1)?.bookings).toEqual([poisoned.documentId]);
        const backlog = await readBacklog(host());
        expect(backlog).toMatchObject({ pending: 0, dead: 1 });
        const letter = backlog.deadLetters.find((candidate) => candidate.state === 'dead');
        expect(letter).toMatchObject({
          bookingDocumentId: poisoned.documentId,
          attempts: MAX_ATTEMPTS,
          lastError: 'HTTP 400',
        });
        expect((await decide(letter!.id, 'discard')).status).toBe(200);
      } finally {
        receiver.recover();
        receiver.slow(0);
        await host().admin('PUT', '/settings', { webhooks: [endpoint] });
      }
    });

    it('lets every instance deliver, and another take over the deliveries of one killed in the middle of a burst', async (context) => {
      // Several instances share one database on PostgreSQL only.
      if (host().database.client !== 'postgres') return context.skip();
      const second = await startHost({
        database: host().database,
        env: {
          ENROUTE_RELAY_LEASE_MS: String(LEASE_MS),
          ENROUTE_RELAY_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        },
      });
      try {
        receiver.slow(150);
        const ids: string[] = [];
        for (let index = 0; index < 16; index++) {
          const { booking } = await putBooking(host(), fullAccess, `burst-${index}`);
          ids.push(booking.documentId);
        }
        const statuses = ['traveling', 'in-progress', 'traveling', 'in-progress', 'completed'];
        // The burst, through the instance that stays: status changes on every booking.
        const burst = (async () => {
          for (const status of statuses) {
            await Promise.all(ids.map((id) => patch(id, { status })));
          }
        })();

        // Who holds leases on deliveries in flight, as the database says.
        const holders = async () =>
          (
            await host().database.select(
              `select d.lease_owner, e.event_id from enroute_booking_event_deliveries d
               join enroute_booking_events e on e.id = d.event_row
               where d.delivered_at is null and d.lease_owner is not null`,
            )
          ).map((row) => ({ owner: String(row.lease_owner), eventId: String(row.event_id) }));
        const owners = new Set<string>();
        const secondOwner = (await readBacklog(second)).instance;
        const heldBySecond = async () =>
          (await holders())
            .filter(({ owner }) => owner === secondOwner)
            .map(({ eventId }) => eventId);
        await eventually(
          async () => {
            const held = await holders();
            for (const { owner } of held) owners.add(owner);
            return held.some(({ owner }) => owner === secondOwner) && owners.size >= 2;
          },
          () => `lease holders seen: ${[...owners].join(', ')}`,
        );
        // Both instances were delivering; the second dies with deliveries in flight.
        await second.kill();
        const killedAt = Date.now();
        const inFlightOnSecond = await heldBySecond();
        expect(inFlightOnSecond.length).toBeGreaterThan(0);
        const acknowledged = new Set(
          (
            await host().database.select(
              `select e.event_id from enroute_booking_event_deliveries d
               join enroute_booking_events e on e.id = d.event_row
               where d.delivered_at is not null`,
            )
          ).map((row) => String(row.event_id)),
        );
        await burst;

        for (const id of ids) {
          const expected = await written(id);
          await eventually(
            () => acceptedFor(id).length >= expected.length,
            () => `${id}: ${acceptedFor(id).length} of ${expected.length}`,
            30_000,
          );
          // Every event, once each, in the order written.
          expect(acceptedFor(id)).toEqual(expected);
          // Every answer the receiver gave, duplicates included, in the order written.
          const order = receiver.deliveries
            .filter((delivery) => delivery.event.booking.documentId === id)
            .map((delivery) => expected.indexOf(delivery.event.id));
          expect(order).toEqual([...order].sort((a, b) => a - b));
        }
        // The other instance took over what the killed one held, once its leases ran out.
        const takenOver = receiver.deliveries
          .filter(
            (delivery) => delivery.at > killedAt && inFlightOnSecond.includes(delivery.event.id),
          )
          .map((delivery) => delivery.at);
        expect(takenOver.length).toBeGreaterThan(0);
        const takeoverMs = Math.min(...takenOver) - killedAt;
        console.log(`takeover after the kill: ${takeoverMs} ms (lease ${LEASE_MS} ms)`);
        expect(takeoverMs).toBeLessThan(10_000);

        const accepted = receiver.accepted().map((event) => event.id);
        expect(new Set(accepted).size).toBe(accepted.length);
        // Nothing acknowledged was sent again: an event reached the receiver twice only when the
        // killed instance had it in flight.
        const sentAfterKill = receiver.deliveries.filter((delivery) => delivery.at > killedAt);
        expect(sentAfterKill.filter((delivery) => acknowledged.has(delivery.event.id))).toEqual([]);
        const times = new Map<string, number>();
        for (const delivery of receiver.deliveries) {
          if (delivery.status !== 200) continue;
          times.set(delivery.event.id, (times.get(delivery.event.id) ?? 0) + 1);
        }
        const repeated = [...times].filter(([, count]) => count > 1).map(([id]) => id);
        for (const id of repeated) expect(inFlightOnSecond).toContain(id);
        expect(await readBacklog(host())).toMatchObject({ pending: 0, retrying: 0, dead: 0 });
      } finally {
        receiver.slow(0);
        await second.stop();
      }
    });
  },
  {
    env: {
      ENROUTE_RELAY_LEASE_MS: String(LEASE_MS),
      ENROUTE_RELAY_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    },
  },
);
