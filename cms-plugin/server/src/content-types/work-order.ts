import { TEXT_LIMITS } from '../../../shared/contracts/vocabulary.ts';
import { defineContentType, externalId, manyToOne } from './define.ts';

export const workOrderSchema = defineContentType({
  singularName: 'work-order',
  pluralName: 'work-orders',
  displayName: 'Work order',
  attributes: {
    externalId: externalId,
    number: { type: 'string', required: true, maxLength: TEXT_LIMITS.workOrderNumber },
    serviceAccount: manyToOne('service-account'),
    serviceType: manyToOne('service-type'),
    reportedBy: manyToOne('contact'),
  },
});
