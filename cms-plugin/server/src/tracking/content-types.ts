import { defineContentType, manyToOne } from '../content-types/define.ts';

/** A technician's app credential: only the SHA-256 of the token is stored. */
export const technicianTokenSchema = defineContentType({
  singularName: 'technician-token',
  pluralName: 'technician-tokens',
  displayName: 'Technician token',
  description: "Lets one technician's app post that technician's positions.",
  visible: false,
  attributes: {
    resource: { ...manyToOne('resource'), useJoinTable: false },
    tokenHash: { type: 'string', required: true, private: true, column: { unique: true } },
    label: { type: 'string' },
    revokedAt: { type: 'datetime' },
  },
});

/** The built-in 1–5 rating a customer leaves on the portal once the work is completed. */
export const portalRatingSchema = {
  ...defineContentType({
    singularName: 'portal-rating',
    pluralName: 'portal-ratings',
    displayName: 'Rating',
    attributes: {
      booking: { ...manyToOne('booking'), useJoinTable: false },
      score: { type: 'integer', required: true, min: 1, max: 5 },
      comment: { type: 'text' },
    },
  }),
  // One rating per booking, whatever races happen between two tabs.
  indexes: [{ name: 'enroute_portal_ratings_booking_uq', columns: ['booking_id'], type: 'unique' }],
};

export const trackingContentTypes = {
  'technician-token': { schema: technicianTokenSchema },
  'portal-rating': { schema: portalRatingSchema },
};
