import { z } from 'zod';
import { BookingStatus, Instant } from './domain.ts';
import { BookingEventType } from './booking-event-types.ts';
import { MAX_EVENTS_PER_DELIVERY } from './vocabulary.ts';
import { RescheduleRequest } from './customer-actions.ts';

/**
 * Booking event: the plugin writes one to its outbox for every booking change, in the same
 * transaction, and a relay POSTs it as JSON to each webhook endpoint that wants its type, until
 * accepted there (alone, or with other bookings' events as a `BookingEventBatch` when the
 * endpoint takes several per request). One change of several fields gives one event per kind of change, in this
 * order: status, start, resource.
 */
export { BookingEventType } from './booking-event-types.ts';

/** The booking as it stood at one moment: enough for the rules to decide without a round trip. */
export const BookingSnapshot = z.object({
  documentId: z.string().min(1),
  externalId: z.string().nullable(),
  status: BookingStatus,
  start: Instant,
  end: Instant,
  resourceId: z.string().nullable(),
  completedAt: Instant.nullable(),
  /**
   * The customer's answers (the `customer.*` events): when they confirmed, canceled and left a
   * note (never the note itself), and their request to move it. Absent from older plugins.
   */
  customer: z
    .object({
      confirmedAt: Instant.nullable(),
      canceledAt: Instant.nullable(),
      noteAt: Instant.nullable(),
      request: RescheduleRequest.nullable(),
    })
    .optional(),
});
export type BookingSnapshot = z.infer<typeof BookingSnapshot>;

export const BookingEvent = z.object({
  /** Unique per event; receivers drop an id they have already accepted. */
  id: z.uuid(),
  type: BookingEventType,
  occurredAt: Instant,
  booking: BookingSnapshot,
  /** The booking before the change; null for booking.created. */
  previous: BookingSnapshot.nullable(),
});
export type BookingEvent = z.infer<typeof BookingEvent>;

/**
 * Several events in one delivery, for an endpoint that takes more than one per request: at most
 * one event per booking, oldest first. A receiver handles them as it would the same events one
 * by one, in the order given.
 */
export const BookingEventBatch = z.object({
  events: z.array(BookingEvent).min(1).max(MAX_EVENTS_PER_DELIVERY),
});
export type BookingEventBatch = z.infer<typeof BookingEventBatch>;

/** The body of a delivery of several events, from the events' stored JSON bodies. */
export function batchBody(eventBodies: readonly string[]): string {
  return `{"events":[${eventBodies.join(',')}]}`;
}

/**
 * The events of one delivery body (already JSON-parsed): a bare event or a batch. Null when the
 * body is neither.
 */
export function deliveredEvents(body: unknown): { events: BookingEvent[]; batch: boolean } | null {
  const single = BookingEvent.safeParse(body);
  if (single.success) return { events: [single.data], batch: false };
  const batch = BookingEventBatch.safeParse(body);
  return batch.success ? { events: batch.data.events, batch: true } : null;
}
