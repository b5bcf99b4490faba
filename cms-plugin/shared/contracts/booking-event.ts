import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { BookingStatus, Instant } from './domain.ts';
import { BookingEventType, MAX_EVENTS_PER_DELIVERY } from './booking-event-types.ts';

/**
 * Booking event: the plugin writes one to its outbox for every booking change, in the same
 * transaction, and a relay POSTs it as JSON to each webhook endpoint that wants its type, until
 * accepted there (alone, or with other bookings' events as a `BookingEventBatch` when the
 * endpoint takes several per request). One change of several fields gives one event per kind of change, in this
 * order: status, start, resource.
 */
export {
  BookingEventType,
  bookingEventTypes,
  MAX_EVENTS_PER_DELIVERY,
} from './booking-event-types.ts';

/** The booking as it stood at one moment: enough for the rules to decide without a round trip. */
export const BookingSnapshot = z.object({
  documentId: z.string().min(1),
  externalId: z.string().nullable(),
  status: BookingStatus,
  start: Instant,
  end: Instant,
  resourceId: z.string().nullable(),
  completedAt: Instant.nullable(),
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

export const SIGNATURE_HEADER = 'x-enroute-signature';
/** A receiver rejects a signature whose timestamp is further than this from its clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * `X-Enroute-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * Signing the timestamp with the body lets a receiver refuse replays of old deliveries.
 */
export function signPayload(secret: string, body: string, timestampSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

export type SignatureCheck =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

export function verifySignature(
  secret: string,
  body: string,
  header: string | undefined | null,
  nowSeconds: number = Math.floor(Date.now() / 1000),
  toleranceSeconds: number = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = new Map(
    header.split(',').map((part) => {
      const [key = '', ...rest] = part.trim().split('=');
      return [key, rest.join('=')] as const;
    }),
  );
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isInteger(timestamp) || !given || !/^[0-9a-f]{64}$/.test(given)) {
    return { ok: false, reason: 'malformed' };
  }
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) {
    return { ok: false, reason: 'mismatch' };
  }
  return { ok: true, timestamp };
}
