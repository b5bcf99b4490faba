import {
  BookingEvent,
  verifySignature,
  type BookingEventType,
  type BookingStatus,
} from 'strapi-plugin-enroute/contracts';

/** How many accepted event ids are remembered to refuse replays (oldest forgotten first). */
export const SEEN_EVENT_IDS_LIMIT = 1000;

export type DeliveryVerdict =
  | { outcome: 'accepted'; event: BookingEvent }
  | { outcome: 'ignored'; event: BookingEvent }
  | { outcome: 'duplicate'; event: BookingEvent }
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
 * Decides what to do with one delivery from the plugin: a bad or stale signature and a body
 * that is no booking event are refused; an event id accepted before (a replay, or the plugin
 * retrying a delivery whose answer it did not get), an event of a type the workflow does not
 * listen to and a status change to a status it does not listen to are acknowledged without
 * running the workflow. Acknowledging a duplicate,
 * rather than refusing it, stops the plugin's outbox from retrying it forever.
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
  const parsed = BookingEvent.safeParse(body);
  if (!parsed.success)
    return { outcome: 'rejected', status: 400, reason: 'body is not a booking event' };
  const event = parsed.data;
  if (delivery.seenEventIds.includes(event.id)) {
    return { outcome: 'duplicate', event };
  }
  if (!delivery.eventTypes.includes(event.type)) return { outcome: 'ignored', event };
  const statuses = delivery.statuses ?? [];
  if (
    event.type === 'booking.status_changed' &&
    statuses.length > 0 &&
    !statuses.includes(event.booking.status)
  ) {
    return { outcome: 'ignored', event };
  }
  return { outcome: 'accepted', event };
}

/** The seen ids after accepting one more, bounded. */
export function rememberEventId(seen: readonly string[], id: string): string[] {
  return [...seen, id].slice(-SEEN_EVENT_IDS_LIMIT);
}
