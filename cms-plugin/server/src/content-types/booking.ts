import { defineContentType, externalId, manyToOne } from './define.ts';

export const bookingSchema = defineContentType({
  singularName: 'booking',
  pluralName: 'bookings',
  displayName: 'Booking',
  readOnly: ['replies'],
  attributes: {
    externalId: externalId,
    workOrder: manyToOne('work-order'),
    /** Text messages the customer sent back about this booking (read-only: kept by Enroute). */
    replies: {
      type: 'relation',
      relation: 'oneToMany',
      target: 'plugin::enroute.reply',
      mappedBy: 'booking',
    },
    resource: manyToOne('resource'),
    start: { type: 'datetime', required: true },
    end: { type: 'datetime', required: true },
    // Not `status`: the Content Manager takes a `status` field for draft or published.
    bookingStatus: {
      type: 'enumeration',
      enum: ['scheduled', 'traveling', 'in-progress', 'completed', 'canceled'],
      default: 'scheduled',
      required: true,
    },
    completedAt: { type: 'datetime' },
    /** Journeys so far: each change to traveling from another status starts one. */
    trip: { type: 'integer', default: 0 },
    previousStart: { type: 'datetime' },
    etaArrivesAt: { type: 'datetime' },
    etaComputedAt: { type: 'datetime' },
    etaSource: { type: 'string' },
    etaFallback: { type: 'boolean', default: false },
    /** The customer's answers from the booking's page (see customer-actions.ts). */
    customerConfirmedAt: { type: 'datetime' },
    customerCanceledAt: { type: 'datetime' },
    /** A pending, accepted or declined request to move the booking. */
    customerRequest: { type: 'json' },
    /** For the technician (gate code, parking, pets): shown in the app and the admin only. */
    customerNote: { type: 'text', maxLength: 500 },
    customerNoteAt: { type: 'datetime' },
  },
});
