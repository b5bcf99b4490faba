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
  },
});
