import type { Core } from '@strapi/strapi';
import type { BookingEvent } from '../../../shared/contracts/booking-event.ts';
import type {
  DeadLetter,
  DeadLetterAction,
  EndpointBacklog,
  OutboxBacklog,
} from '../../../shared/contracts/admin.ts';
import type { WebhookEndpoint } from '../../../shared/contracts/settings.ts';
import { instant, optionalInstant, query, text, type Row } from '../utils/store.ts';
import { notFound, RequestError } from '../validation/errors.ts';
import { UID } from '../utils/uids.ts';

export type PendingEvent = {
  /** The delivery row: this event on its way to one endpoint. */
  id: number;
  bookingDocumentId: string;
  attempts: number;
  nextAttemptAt: number;
  /** When its attempts began to fail, or null while none has. */
  failingSince: number | null;
  /** Until when another instance holds it (0 when none does, or its lease ran out). */
  leasedElsewhereUntil: number;
  body: string;
};

/** How an attempt that failed is recorded. */
export type Failure = {
  attempts: number;
  failingSince: Date;
  error: string;
  /** The next attempt, or null when the delivery is dead (no longer retried). */
  nextAttemptAt: Date | null;
};

/** What the relay of one endpoint reads and writes, as one instance (`owner`). */
export type EndpointQueue = {
  /** Deliveries not yet made and not dead, oldest first, leaving out the bookings given. */
  pending(limit: number, heldBookings?: string[]): Promise<PendingEvent[]>;
  /** Takes the lease of those deliveries that no other instance holds; answers those it got. */
  claim(ids: number[]): Promise<Set<number>>;
  delivered(id: number, at: Date): Promise<void>;
  failed(id: number, failure: Failure): Promise<void>;
};

/** Whether an endpoint gets an event: enabled, listing its type, and for a status change its new status. */
function wants(endpoint: WebhookEndpoint, event: BookingEvent): boolean {
  if (!endpoint.enabled || !endpoint.events.includes(event.type)) return false;
  return (
    event.type !== 'booking.status_changed' ||
    endpoint.statuses.length === 0 ||
    endpoint.statuses.includes(event.booking.status)
  );
}

/**
 * Booking events in the order they happened, and their delivery to each webhook endpoint: an
 * event gets one delivery row per endpoint that wanted its type when it was written.
 */
export const createOutbox = (strapi: Core.Strapi) => {
  const events = () => query(strapi, UID.bookingEvent);
  const deliveries = () => query(strapi, UID.bookingEventDelivery);

  async function backlogOf(endpoint: WebhookEndpoint): Promise<EndpointBacklog> {
    const where = { endpointId: endpoint.id, deliveredAt: null, deadAt: null };
    const pending = await deliveries().count({ where });
    const retrying = await deliveries().count({ where: { ...where, attempts: { $gt: 0 } } });
    const dead = await deliveries().count({
      where: {
        endpointId: endpoint.id,
        deliveredAt: null,
        deadAt: { $notNull: true },
        discardedAt: null,
      },
    });
    const [oldest] = await deliveries().findMany({ where, orderBy: { eventRow: 'asc' }, limit: 1 });
    const [failing] = await deliveries().findMany({
      where: { ...where, attempts: { $gt: 0 } },
      orderBy: { eventRow: 'asc' },
      limit: 1,
    });
    return {
      id: endpoint.id,
      name: endpoint.name,
      url: endpoint.url,
      enabled: endpoint.enabled,
      pending,
      retrying,
      dead,
      oldestPendingAt: oldest ? instant(oldest.createdAt) : null,
      lastError: failing ? text(failing.lastError) : null,
    };
  }

  /** A dead letter as the admin sees it, with its event. */
  async function deadLetterView(row: Row): Promise<DeadLetter> {
    const event = await events().findOne({
      where: { id: row.eventRow },
      select: ['eventId', 'type', 'createdAt'],
    });
    const state: DeadLetter['state'] = row.deliveredAt
      ? 'delivered'
      : row.discardedAt
        ? 'discarded'
        : row.deadAt
          ? 'dead'
          : 'pending';
    return {
      id: row.id,
      endpointId: String(row.endpointId),
      eventId: String(event?.eventId ?? ''),
      type: String(event?.type ?? ''),
      bookingDocumentId: String(row.bookingDocumentId),
      occurredAt: instant(event?.createdAt ?? row.createdAt),
      state,
      attempts: typeof row.attempts === 'number' ? row.attempts : 0,
      lastError: text(row.lastError),
      deadAt: optionalInstant(row.deadAt),
      retriedAt: optionalInstant(row.retriedAt),
      retriedBy: text(row.retriedBy),
      discardedAt: optionalInstant(row.discardedAt),
      discardedBy: text(row.discardedBy),
    };
  }

  return {
    /** Writes the events, each with a delivery to every endpoint given that wants its type. */
    async append(written: BookingEvent[], endpoints: WebhookEndpoint[]): Promise<void> {
      for (const event of written) {
        const row = await events().create({
          data: {
            eventId: event.id,
            bookingDocumentId: event.booking.documentId,
            type: event.type,
            payload: event,
            attempts: 0,
          },
        });
        for (const endpoint of endpoints) {
          if (!wants(endpoint, event)) continue;
          await deliveries().create({
            data: {
              eventRow: row.id,
              endpointId: endpoint.id,
              bookingDocumentId: event.booking.documentId,
              attempts: 0,
            },
          });
        }
      }
    },

    /** Gives an endpoint the events no endpoint has delivered yet (the URL stored before lists). */
    async adoptUndelivered(endpoint: WebhookEndpoint): Promise<void> {
      const rows: Row[] = await events().findMany({
        where: { deliveredAt: null },
        orderBy: { id: 'asc' },
        select: ['id', 'bookingDocumentId', 'type'],
      });
      for (const row of rows) {
        if (!endpoint.events.includes(String(row.type) as BookingEvent['type'])) continue;
        await deliveries().create({
          data: {
            eventRow: row.id,
            endpointId: endpoint.id,
            bookingDocumentId: String(row.bookingDocumentId),
            attempts: 0,
          },
        });
        await events().update({ where: { id: row.id }, data: { deliveredAt: new Date() } });
      }
    },

    /** Drops what was still waiting for endpoints that no longer exist. */
    async forgetOthers(endpointIds: string[]): Promise<void> {
      await deliveries().deleteMany({
        where: { deliveredAt: null, endpointId: { $notIn: endpointIds } },
      });
    },

    /** Extends the leases an instance holds: it is alive and still delivering them. */
    async renewLeases(owner: string, until: Date): Promise<void> {
      await deliveries().updateMany({
        where: { leaseOwner: owner, deliveredAt: null },
        data: { leaseUntil: until },
      });
    },

    /**
     * The deliveries of one endpoint, as the relay of one instance (`owner`) reads and writes
     * them: it delivers only what it holds the lease of, for `leaseMs` at a time.
     */
    queue(endpointId: string, owner: string, leaseMs: number): EndpointQueue {
      return {
        async pending(limit, heldBookings = []) {
          const where: Record<string, unknown> = { endpointId, deliveredAt: null, deadAt: null };
          if (heldBookings.length > 0) where.bookingDocumentId = { $notIn: heldBookings };
          const rows: Row[] = await deliveries().findMany({
            where,
            orderBy: { eventRow: 'asc' },
            limit,
          });
          if (rows.length === 0) return [];
          const payloads = new Map(
            (
              await events().findMany({
                where: { id: { $in: rows.map((row) => row.eventRow) } },
                select: ['id', 'payload'],
              })
            ).map((row) => [row.id, JSON.stringify(row.payload)]),
          );
          const now = Date.now();
          const at = (value: unknown) => (value ? Date.parse(instant(value)) : 0);
          return rows.flatMap((row) => {
            const body = payloads.get(Number(row.eventRow));
            if (body === undefined) return [];
            const leaseUntil = at(row.leaseUntil);
            const leasedElsewhere = row.leaseOwner && row.leaseOwner !== owner && leaseUntil > now;
            return [
              {
                id: row.id,
                bookingDocumentId: String(row.bookingDocumentId),
                attempts: typeof row.attempts === 'number' ? row.attempts : 0,
                nextAttemptAt: at(row.nextAttemptAt),
                failingSince: row.failingSince ? at(row.failingSince) : null,
                leasedElsewhereUntil: leasedElsewhere ? leaseUntil : 0,
                body,
              },
            ];
          });
        },
        async claim(ids) {
          if (ids.length === 0) return new Set();
          // One statement: of several instances claiming a row at once, the database lets one
          // win (the others' condition no longer holds once the winner's update is committed).
          await deliveries().updateMany({
            where: {
              id: { $in: ids },
              deliveredAt: null,
              deadAt: null,
              $or: [
                { leaseOwner: null },
                { leaseOwner: owner },
                { leaseUntil: null },
                { leaseUntil: { $lt: new Date() } },
              ],
            },
            data: { leaseOwner: owner, leaseUntil: new Date(Date.now() + leaseMs) },
          });
          const held: Row[] = await deliveries().findMany({
            where: { id: { $in: ids }, leaseOwner: owner, deliveredAt: null, deadAt: null },
            select: ['id'],
          });
          return new Set(held.map((row) => row.id));
        },
        async delivered(id, at) {
          await deliveries().update({
            where: { id },
            data: { deliveredAt: at, lastError: null, leaseOwner: null, leaseUntil: null },
          });
        },
        async failed(id, failure) {
          // Only while this instance still holds it: one that took it over keeps its own count.
          await deliveries().updateMany({
            where: { id, leaseOwner: owner, deliveredAt: null },
            data: {
              attempts: failure.attempts,
              failingSince: failure.failingSince,
              nextAttemptAt: failure.nextAttemptAt,
              lastError: failure.error.slice(0, 2000),
              leaseOwner: null,
              leaseUntil: null,
              ...(failure.nextAttemptAt === null ? { deadAt: new Date() } : {}),
            },
          });
        },
      };
    },

    /** What waits, in all and per endpoint (the first failing endpoint's error in all). */
    async backlog(endpoints: WebhookEndpoint[], instance: string): Promise<OutboxBacklog> {
      const perEndpoint = await Promise.all(endpoints.map(backlogOf));
      const oldest = perEndpoint
        .map((endpoint) => endpoint.oldestPendingAt)
        .filter((at): at is string => at !== null)
        .sort()[0];
      const letters: Row[] = await deliveries().findMany({
        where: {
          $or: [
            { deadAt: { $notNull: true }, deliveredAt: null },
            { retriedAt: { $notNull: true } },
          ],
        },
        orderBy: [{ eventRow: 'desc' }, { id: 'desc' }],
        limit: 100,
      });
      const sum = (count: (endpoint: EndpointBacklog) => number) =>
        perEndpoint.reduce((total, endpoint) => total + count(endpoint), 0);
      return {
        instance,
        pending: sum((endpoint) => endpoint.pending),
        retrying: sum((endpoint) => endpoint.retrying),
        dead: sum((endpoint) => endpoint.dead),
        oldestPendingAt: oldest ?? null,
        lastError: perEndpoint.find((endpoint) => endpoint.lastError)?.lastError ?? null,
        endpoints: perEndpoint,
        deadLetters: await Promise.all(letters.map(deadLetterView)),
      };
    },

    /**
     * An admin's decision on a dead letter: `retry` delivers it again from its first attempt
     * (its booking's later events, if still waiting, wait behind it again); `discard` keeps it,
     * never delivered. Each is recorded with who made it and when.
     */
    async decide(id: number, action: DeadLetterAction['action'], by: string): Promise<DeadLetter> {
      const row = await deliveries().findOne({ where: { id } });
      if (!row) throw notFound('id', 'no such delivery');
      if (!row.deadAt || row.discardedAt || row.deliveredAt) {
        throw new RequestError(409, [{ path: 'id', message: 'not a dead letter' }]);
      }
      const now = new Date();
      const data =
        action === 'retry'
          ? {
              deadAt: null,
              attempts: 0,
              failingSince: null,
              nextAttemptAt: null,
              leaseOwner: null,
              leaseUntil: null,
              retriedAt: now,
              retriedBy: by,
            }
          : { discardedAt: now, discardedBy: by };
      // Decided once: of two admins deciding at the same time, the first one's decision holds.
      const { count } = await deliveries().updateMany({
        where: { id, deadAt: { $notNull: true }, discardedAt: null, deliveredAt: null },
        data,
      });
      if (count === 0) throw new RequestError(409, [{ path: 'id', message: 'not a dead letter' }]);
      const updated = await deliveries().findOne({ where: { id } });
      return deadLetterView(updated ?? row);
    },
  };
};

export type Outbox = ReturnType<typeof createOutbox>;
