import { randomUUID } from 'node:crypto';
import type {
  BookingEvent,
  BookingEventType,
  BookingSnapshot,
} from '../../../shared/contracts/booking-event.ts';

/**
 * The events one booking change gives, one per kind of change, in the contract's order:
 * status, start, resource. A change of nothing the events speak of gives none.
 */
export function bookingEvents(
  before: BookingSnapshot | null,
  after: BookingSnapshot | null,
  occurredAt: Date,
): BookingEvent[] {
  const event = (
    type: BookingEventType,
    booking: BookingSnapshot,
    previous: BookingSnapshot | null,
  ): BookingEvent => ({
    id: randomUUID(),
    type,
    occurredAt: occurredAt.toISOString(),
    booking,
    previous,
  });
  if (!before && after) return [event('booking.created', after, null)];
  if (before && !after) return [event('booking.deleted', before, before)];
  if (!before || !after) return [];
  const events: BookingEvent[] = [];
  if (before.status !== after.status) events.push(event('booking.status_changed', after, before));
  if (before.start !== after.start) events.push(event('booking.rescheduled', after, before));
  if (before.resourceId !== after.resourceId)
    events.push(event('booking.resource_changed', after, before));
  return events;
}
