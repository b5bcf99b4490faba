import { defineContentType, manyToOne } from './define.ts';

export const accessCodeSchema = defineContentType({
  singularName: 'access-code',
  pluralName: 'access-codes',
  displayName: 'Access code',
  attributes: {
    booking: manyToOne('booking'),
    tokenHash: { type: 'string', required: true, private: true, column: { unique: true } },
    expiresAt: { type: 'datetime', required: true },
    blockedAt: { type: 'datetime' },
    views: { type: 'integer', default: 0 },
    lastViewedAt: { type: 'datetime' },
    history: { type: 'json' },
  },
});
