import { TEXT_LIMITS } from '../../../shared/contracts/vocabulary.ts';
import { defineContentType, externalId } from './define.ts';

export const contactSchema = defineContentType({
  singularName: 'contact',
  pluralName: 'contacts',
  displayName: 'Contact',
  readOnly: ['consentRecord'],
  attributes: {
    externalId: externalId,
    name: { type: 'string', required: true, maxLength: TEXT_LIMITS.contactName },
    email: { type: 'email' },
    mobilePhone: { type: 'string' },
    locale: { type: 'string' },
    emailOptOut: { type: 'boolean', default: false },
    smsOptOut: { type: 'boolean', default: false },
    /**
     * Every opt-out and opt-in, oldest first (`ConsentRecord` in the contracts): appended by the
     * consent middleware on every path, never edited.
     */
    consentRecord: { type: 'json' },
  },
});
