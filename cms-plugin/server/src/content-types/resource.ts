import { defineContentType, externalId } from './define.ts';

export const resourceSchema = defineContentType({
  singularName: 'resource',
  pluralName: 'resources',
  displayName: 'Resource',
  description: 'A technician.',
  attributes: {
    externalId: externalId,
    name: { type: 'string', required: true },
    phone: { type: 'string' },
    photoUrl: { type: 'string' },
  },
});
