import { defineContentType, externalId, manyToOne } from './define.ts';

export const serviceAccountSchema = defineContentType({
  singularName: 'service-account',
  pluralName: 'service-accounts',
  displayName: 'Service account',
  description: 'A customer site: where the work happens.',
  attributes: {
    externalId: externalId,
    name: { type: 'string', required: true },
    address: { type: 'text', required: true },
    latitude: { type: 'float' },
    longitude: { type: 'float' },
    timeZone: { type: 'string', required: true },
    primaryContact: manyToOne('contact'),
  },
});
