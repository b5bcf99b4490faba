import {
  deliveredEvents,
  verifySignature,
  type BookingEvent,
  type BookingEventType,
  type BookingStatus,
} from 'strapi-plugin-enroute/contracts';

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
