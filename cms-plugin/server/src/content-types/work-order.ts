import { defineContentType, externalId, manyToOne } from './define.ts';

export const workOrderSchema = defineContentType({
  singularName: 'work-order',
  pluralName: 'work-orders',
  displayName: 'Work order',
  attributes: {
    externalId: externalId,
    number: { type: 'string', required: true },
    serviceAccount: manyToOne('service-account'),
    serviceType: manyToOne('service-type'),
    reportedBy: manyToOne('contact'),
  },
});
