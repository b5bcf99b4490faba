import { defineContentType, manyToOne } from '../content-types/define.ts';

/**
 * A technician's credential: only the SHA-256 of the token is stored. `app` tokens are given to
 * an integration's own app; a `sign-in-link` is exchanged by the portal's technician app for a
 * `session`. Links and sessions expire; a session names the link it came from (revoking the link
 * ends them too). A row without a kind predates kinds and is an `app` token.
 */
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
    kind: { type: 'enumeration', enum: ['app', 'sign-in-link', 'session'], default: 'app' },
    expiresAt: { type: 'datetime' },
    issuedFrom: { type: 'string', private: true },
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
