import { defineContentType } from './define.ts';

/** One booking event on its way to one webhook endpoint: each endpoint's state is its own. */
export const bookingEventDeliverySchema = defineContentType({
  singularName: 'booking-event-delivery',
  pluralName: 'booking-event-deliveries',
  displayName: 'Booking event delivery',
  description: 'Delivery of one booking event to one webhook endpoint.',
  visible: false,
  attributes: {
    /** The outbox row (`booking-event` id): deliveries are made in its order. */
    eventRow: { type: 'integer', required: true },
    endpointId: { type: 'string', required: true },
    bookingDocumentId: { type: 'string', required: true },
    deliveredAt: { type: 'datetime' },
    attempts: { type: 'integer', default: 0 },
    nextAttemptAt: { type: 'datetime' },
    lastError: { type: 'text' },
    /** When its attempts began to fail (reset by a retry): the age limit counts from here. */
    failingSince: { type: 'datetime' },
    /** The instance delivering it now, until `leaseUntil`; another takes it over after that. */
    leaseOwner: { type: 'string' },
    leaseUntil: { type: 'datetime' },
    /** A dead letter: no longer retried (too many attempts, or failing for too long). */
    deadAt: { type: 'datetime' },
    /** An admin's decision on a dead letter: delivered again, or kept and never delivered. */
    retriedAt: { type: 'datetime' },
    retriedBy: { type: 'string' },
    discardedAt: { type: 'datetime' },
    discardedBy: { type: 'string' },
  },
});
