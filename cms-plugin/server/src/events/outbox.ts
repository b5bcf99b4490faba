import type { Core } from '@strapi/strapi';
import type { BookingEvent } from '../../../shared/contracts/booking-event.ts';
import type { EndpointBacklog, OutboxBacklog } from '../../../shared/contracts/admin.ts';
import type { WebhookEndpoint } from '../../../shared/contracts/settings.ts';
import { instant, query, text, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';

export type PendingEvent = {
  /** The delivery row: this event on its way to one endpoint. */
  id: number;
  bookingDocumentId: string;
  attempts: number;
  nextAttemptAt: number;
  body: string;
};

/** What the relay of one endpoint reads and writes. */
export type EndpointQueue = {
  pending(limit: number, heldBookings?: string[]): Promise<PendingEvent[]>;
  delivered(id: number, at: Date): Promise<void>;
  failed(id: number, attempts: number, nextAttemptAt: Date, error: string): Promise<void>;
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
    const where = { endpointId: endpoint.id, deliveredAt: null };
    const pending = await deliveries().count({ where });
    const retrying = await deliveries().count({ where: { ...where, attempts: { $gt: 0 } } });
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
      oldestPendingAt: oldest ? instant(oldest.createdAt) : null,
      lastError: failing ? text(failing.lastError) : null,
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

    /** The deliveries of one endpoint, as its relay reads and writes them. */
    queue(endpointId: string): EndpointQueue {
      return {
        async pending(limit, heldBookings = []) {
          const where: Record<string, unknown> = { endpointId, deliveredAt: null };
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
          return rows.flatMap((row) => {
            const body = payloads.get(Number(row.eventRow));
            if (body === undefined) return [];
            return [
              {
                id: row.id,
                bookingDocumentId: String(row.bookingDocumentId),
                attempts: typeof row.attempts === 'number' ? row.attempts : 0,
                nextAttemptAt: row.nextAttemptAt ? Date.parse(instant(row.nextAttemptAt)) : 0,
                body,
              },
            ];
          });
        },
        async delivered(id, at) {
          await deliveries().update({ where: { id }, data: { deliveredAt: at, lastError: null } });
        },
        async failed(id, attempts, nextAttemptAt, error) {
          await deliveries().update({
            where: { id },
            data: { attempts, nextAttemptAt, lastError: error.slice(0, 2000) },
          });
        },
      };
    },

    /** What waits, in all and per endpoint (the first failing endpoint's error in all). */
    async backlog(endpoints: WebhookEndpoint[]): Promise<OutboxBacklog> {
      const perEndpoint = await Promise.all(endpoints.map(backlogOf));
      const oldest = perEndpoint
        .map((endpoint) => endpoint.oldestPendingAt)
        .filter((at): at is string => at !== null)
        .sort()[0];
      return {
        pending: perEndpoint.reduce((sum, endpoint) => sum + endpoint.pending, 0),
        retrying: perEndpoint.reduce((sum, endpoint) => sum + endpoint.retrying, 0),
        oldestPendingAt: oldest ?? null,
        lastError: perEndpoint.find((endpoint) => endpoint.lastError)?.lastError ?? null,
        endpoints: perEndpoint,
      };
    },
  };
};

export type Outbox = ReturnType<typeof createOutbox>;
