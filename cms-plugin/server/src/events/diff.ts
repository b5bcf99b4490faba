import { randomUUID } from 'node:crypto';
import type {
  BookingEvent,
  BookingEventType,
  BookingSnapshot,
} from '../../../shared/contracts/booking-event.ts';

/** The customer's answers a change records: each a `customer.*` event. */
function customerEventTypes(before: BookingSnapshot, after: BookingSnapshot): BookingEventType[] {
  const was = before.customer;
  const now = after.customer;
  if (!now) return [];
  const types: BookingEventType[] = [];
  if (now.confirmedAt && now.confirmedAt !== was?.confirmedAt) types.push('customer.confirmed');
  const request = now.request;
  if (request?.state === 'pending' && request.requestedAt !== was?.request?.requestedAt)
    types.push('customer.reschedule_requested');
  // Declined by a dispatcher (the admin, the content API): the same request, now declined.
  if (
    request?.state === 'declined' &&
    (was?.request?.state !== 'declined' || request.requestedAt !== was.request.requestedAt)
  )
    types.push('customer.reschedule_declined');
  if (now.canceledAt && now.canceledAt !== was?.canceledAt) types.push('customer.cancel_requested');
  if (now.noteAt && now.noteAt !== was?.noteAt) types.push('customer.note');
  return types;
}

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
  for (const type of customerEventTypes(before, after)) events.push(event(type, after, before));
  return events;
}
