import { defineContentType, externalId } from './define.ts';

export const serviceTypeSchema = defineContentType({
  singularName: 'service-type',
  pluralName: 'service-types',
  displayName: 'Service type',
  attributes: {
    externalId: externalId,
    name: { type: 'string', required: true },
  },
});
