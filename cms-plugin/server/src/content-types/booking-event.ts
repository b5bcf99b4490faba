import { defineContentType } from './define.ts';

export const bookingEventSchema = defineContentType({
  singularName: 'booking-event',
  pluralName: 'booking-events',
  displayName: 'Booking event',
  description: 'Outbox of booking events; their delivery to each endpoint is a delivery row.',
  visible: false,
  attributes: {
    eventId: { type: 'string', required: true, column: { unique: true } },
    bookingDocumentId: { type: 'string', required: true },
    type: { type: 'string', required: true },
    payload: { type: 'json', required: true },
    deliveredAt: { type: 'datetime' },
    attempts: { type: 'integer', default: 0 },
    nextAttemptAt: { type: 'datetime' },
    lastError: { type: 'text' },
  },
});
