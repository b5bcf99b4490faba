import { defineContentType, manyToOne } from './define.ts';

export const accessCodeSchema = {
  ...defineContentType({
    singularName: 'access-code',
    pluralName: 'access-codes',
    displayName: 'Access code',
    // Changed only through the plugin's own pages and routes, which check and record each change.
    visible: false,
    attributes: {
      // A column of this table (not a link table): a code is written per booking's link, and a
      // booking's codes are read through the index below.
      booking: { ...manyToOne('booking'), useJoinTable: false },
      tokenHash: { type: 'string', required: true, private: true, column: { unique: true } },
      /** 128 random bits the token is derived from with the server's key; alone it opens nothing. */
      tokenSeed: { type: 'string', private: true },
      /** The booking's nth code: simultaneous writers of a booking's next code keep one. */
      slot: { type: 'string', private: true, column: { unique: true } },
      expiresAt: { type: 'datetime', required: true },
      blockedAt: { type: 'datetime' },
      views: { type: 'integer', default: 0 },
      lastViewedAt: { type: 'datetime' },
      history: { type: 'json' },
    },
  }),
  indexes: [{ name: 'enroute_access_codes_booking_idx', columns: ['booking_id'] }],
};
