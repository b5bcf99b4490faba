import type { Core } from '@strapi/strapi';
import type { BookingEvent } from '../../../shared/contracts/booking-event.ts';
import type { OutboxBacklog } from '../../../shared/contracts/admin.ts';
import { instant, query, text, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';

export type PendingEvent = {
  id: number;
  bookingDocumentId: string;
  attempts: number;
  nextAttemptAt: number;
  body: string;
};

/** Booking events waiting for the webhook, in the order they happened. */
export const createOutbox = (strapi: Core.Strapi) => {
  const table = () => query(strapi, UID.bookingEvent);

  return {
    async append(events: BookingEvent[]): Promise<void> {
      for (const event of events) {
        await table().create({
          data: {
            eventId: event.id,
            bookingDocumentId: event.booking.documentId,
            type: event.type,
            payload: event,
            attempts: 0,
          },
        });
      }
    },

    /** The oldest undelivered events, leaving out bookings already held back. */
    async pending(limit: number, heldBookings: string[] = []): Promise<PendingEvent[]> {
      const where: Record<string, unknown> = { deliveredAt: null };
      if (heldBookings.length > 0) where.bookingDocumentId = { $notIn: heldBookings };
      const rows: Row[] = await table().findMany({
        where,
        orderBy: { id: 'asc' },
        limit,
      });
      return rows.map((row) => ({
        id: row.id,
        bookingDocumentId: String(row.bookingDocumentId),
        attempts: typeof row.attempts === 'number' ? row.attempts : 0,
        nextAttemptAt: row.nextAttemptAt ? Date.parse(instant(row.nextAttemptAt)) : 0,
        body: JSON.stringify(row.payload),
      }));
    },

    async delivered(id: number, at: Date): Promise<void> {
      await table().update({ where: { id }, data: { deliveredAt: at, lastError: null } });
    },

    async failed(id: number, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
      await table().update({
        where: { id },
        data: { attempts, nextAttemptAt, lastError: error.slice(0, 2000) },
      });
    },

    async backlog(): Promise<OutboxBacklog> {
      const pending = await table().count({ where: { deliveredAt: null } });
      const retrying = await table().count({ where: { deliveredAt: null, attempts: { $gt: 0 } } });
      const [oldest] = await table().findMany({
        where: { deliveredAt: null },
        orderBy: { id: 'asc' },
        limit: 1,
      });
      const [failing] = await table().findMany({
        where: { deliveredAt: null, attempts: { $gt: 0 } },
        orderBy: { id: 'asc' },
        limit: 1,
      });
      return {
        pending,
        retrying,
        oldestPendingAt: oldest ? instant(oldest.createdAt) : null,
        lastError: failing ? text(failing.lastError) : null,
      };
    },
  };
};

export type Outbox = ReturnType<typeof createOutbox>;
