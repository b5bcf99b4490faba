import type {
  BookingEvent,
  BookingEventType,
  BookingStatus,
} from 'strapi-plugin-enroute/contracts';
// The plugin's own signature check and names (no schema library), bundled at build time.
import { verifySignature } from '../../../cms-plugin/shared/contracts/signature.ts';
import {
  bookingEventTypes,
  bookingStatuses,
  MAX_EVENTS_PER_DELIVERY,
} from '../../../cms-plugin/shared/contracts/vocabulary.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a value has what the trigger decides on (id, type, the booking's id and status). The
 * body is signed by the plugin, and the plugin checks every field again when the flow prepares
 * the event's messages; the trigger only refuses what it cannot route.
 */
function isBookingEvent(value: unknown): value is BookingEvent {
  if (!isRecord(value) || !isRecord(value.booking)) return false;
  const { id, type, booking } = value;
  return (
    typeof id === 'string' &&
    id.length > 0 &&
    (bookingEventTypes as readonly unknown[]).includes(type) &&
    typeof booking.documentId === 'string' &&
    (bookingStatuses as readonly unknown[]).includes(booking.status)
  );
}

/** The events of one delivery body: a bare event or a batch (`{ "events": [...] }`). */
export function deliveredEvents(body: unknown): { events: BookingEvent[]; batch: boolean } | null {
  if (isBookingEvent(body)) return { events: [body], batch: false };
  if (!isRecord(body) || !Array.isArray(body.events)) return null;
  const { events } = body;
  if (events.length === 0 || events.length > MAX_EVENTS_PER_DELIVERY) return null;
  return events.every(isBookingEvent) ? { events, batch: true } : null;
}

/** How many accepted event ids are remembered to refuse replays (oldest forgotten first). */
export const SEEN_EVENT_IDS_LIMIT = 1000;

export type DeliveryVerdict =
  | {
      outcome: 'received';
      /** Whether the body was a batch (`{ "events": [...] }`) rather than one bare event. */
      batch: boolean;
      /** The events that start the workflow, in the order delivered. */
      accepted: BookingEvent[];
      /** Events of a type or status the workflow does not listen to. */
      ignored: BookingEvent[];
      /** Events accepted before (or twice in this body). */
      duplicates: BookingEvent[];
    }
  | { outcome: 'rejected'; status: 400 | 401; reason: string };

export type Delivery = {
  rawBody: string;
  signature: string | undefined;
  secret: string;
  eventTypes: readonly BookingEventType[];
  /** For status changes: the new statuses that start the workflow; empty means any. */
  statuses?: readonly BookingStatus[];
  seenEventIds: readonly string[];
  nowSeconds?: number;
};

/**
 * Decides what to do with one delivery from the plugin, a bare event or a batch of them: a bad
 * or stale signature and a body that is neither are refused as a whole; of the events, those
 * accepted before (a replay, or the plugin retrying a delivery whose answer it did not get),
 * those of a type the workflow does not listen to and status changes to a status it does not
 * listen to are acknowledged without running the workflow. Acknowledging a duplicate, rather
 * than refusing it, stops the plugin's outbox from retrying it forever.
 */
export function judgeDelivery(delivery: Delivery): DeliveryVerdict {
  if (!delivery.secret)
    return { outcome: 'rejected', status: 401, reason: 'no signing secret is set' };
  const check = verifySignature(
    delivery.secret,
    delivery.rawBody,
    delivery.signature,
    delivery.nowSeconds,
  );
  if (!check.ok) return { outcome: 'rejected', status: 401, reason: `signature ${check.reason}` };
  let body: unknown;
  try {
    body = JSON.parse(delivery.rawBody);
  } catch {
    return { outcome: 'rejected', status: 400, reason: 'body is not JSON' };
  }
  const delivered = deliveredEvents(body);
  if (!delivered) {
    return { outcome: 'rejected', status: 400, reason: 'body is not a booking event' };
  }
  const seen = new Set(delivery.seenEventIds);
  const statuses = delivery.statuses ?? [];
  const verdict = {
    outcome: 'received' as const,
    batch: delivered.batch,
    accepted: [] as BookingEvent[],
    ignored: [] as BookingEvent[],
    duplicates: [] as BookingEvent[],
  };
  for (const event of delivered.events) {
    if (seen.has(event.id)) {
      verdict.duplicates.push(event);
      continue;
    }
    seen.add(event.id);
    const listened =
      delivery.eventTypes.includes(event.type) &&
      (event.type !== 'booking.status_changed' ||
        statuses.length === 0 ||
        statuses.includes(event.booking.status));
    (listened ? verdict.accepted : verdict.ignored).push(event);
  }
  return verdict;
}

/** The seen ids after accepting some more, bounded (oldest forgotten first). */
export function rememberEventIds(seen: readonly string[], ids: readonly string[]): string[] {
  return [...seen, ...ids].slice(-SEEN_EVENT_IDS_LIMIT);
}
