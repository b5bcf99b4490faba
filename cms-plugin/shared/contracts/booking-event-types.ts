import { z } from 'zod';

/** The kinds of booking event, in the order one change of several fields gives them. */
export const bookingEventTypes = [
  'booking.created',
  'booking.status_changed',
  'booking.rescheduled',
  'booking.resource_changed',
  'booking.deleted',
] as const;
export const BookingEventType = z.enum(bookingEventTypes);
export type BookingEventType = z.infer<typeof BookingEventType>;

/** The most events one delivery carries (an endpoint's `maxEventsPerDelivery` at most). */
export const MAX_EVENTS_PER_DELIVERY = 100;
