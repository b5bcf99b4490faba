/**
 * The names of the domain as plain values (no schema library): what the n8n nodes and the portal
 * may take without taking zod. The schemas in domain.ts are built from these.
 */

export const bookingStatuses = [
  'scheduled',
  'traveling',
  'in-progress',
  'completed',
  'canceled',
] as const;

/** A status as people read it in a setting (`in-progress` → `In progress`). */
export const bookingStatusNames = Object.fromEntries(
  bookingStatuses.map((status) => [
    status,
    status.charAt(0).toUpperCase() + status.slice(1).replaceAll('-', ' '),
  ]),
) as Record<(typeof bookingStatuses)[number], string>;

export const messageTypes = [
  'reminder',
  'traveling',
  'completed',
  'rescheduled',
  'canceled',
  /** "We could not move your appointment": a dispatcher declined the customer's request. */
  'request-declined',
] as const;

export const channels = ['email', 'sms'] as const;

/** `expired`: its moment passed before it could go (the booking changed, or it came too late). */
export const notificationStates = ['pending', 'sent', 'failed', 'skipped', 'expired'] as const;

/** Why a message was not sent. Every message not sent is logged with one of these. */
export const skipReasons = [
  'disabled',
  'excluded-account',
  'excluded-service-type',
  'no-contact',
  'no-address',
  'opted-out',
  'invalid-address',
  'invalid-number',
  /** A landline, a service number or one of no known type: not sent to the SMS provider. */
  'not-a-mobile-number',
  'no-reminder-before',
  'below-threshold',
  'provider-error',
  /** The booking's page was blocked or expired by an admin: no message carries a new link. */
  'link-closed',
  /** It would have waited for the end of quiet hours past the booking's start. */
  'quiet-hours',
] as const;

/** The kinds of booking event, in the order one change of several fields gives them. */
export const bookingEventTypes = [
  'booking.created',
  'booking.status_changed',
  'booking.rescheduled',
  'booking.resource_changed',
  'booking.deleted',
  'customer.confirmed',
  'customer.reschedule_requested',
  /** A dispatcher declined the customer's request for another time; the booking stays. */
  'customer.reschedule_declined',
  'customer.cancel_requested',
  'customer.note',
] as const;

/** The most events one delivery carries (an endpoint's `maxEventsPerDelivery` at most). */
export const MAX_EVENTS_PER_DELIVERY = 100;

/**
 * The longest text a message can carry, as the renderer takes it: the same limits where the
 * text enters (the content API's inputs, the content types that the Content Manager checks), so
 * that a record accepted is a record its messages can say.
 */
export const TEXT_LIMITS = { workOrderNumber: 100, contactName: 200 } as const;
