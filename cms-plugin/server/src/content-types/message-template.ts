import { messageTypes } from '../../../shared/contracts/vocabulary.ts';
import { defineContentType } from './define.ts';

/**
 * One saved version of a message's template in one locale: every save adds a row (never
 * updated), the highest version is the one in use. Written only through the plugin's template
 * page, which checks each part before it is saved.
 */
export const messageTemplateSchema = {
  ...defineContentType({
    singularName: 'message-template',
    pluralName: 'message-templates',
    displayName: 'Message template',
    visible: false,
    attributes: {
      type: { type: 'enumeration', enum: [...messageTypes], required: true },
      // The message's locale (`fr`); not Strapi's i18n, whose documents share one id.
      language: { type: 'string', required: true },
      version: { type: 'integer', required: true },
      subject: { type: 'text' },
      email: { type: 'text' },
      text: { type: 'text' },
      sms: { type: 'text' },
      savedBy: { type: 'string' },
      restoredFrom: { type: 'integer' },
    },
  }),
  // Two saves at once: one gets the next version, the other tries the one after.
  indexes: [
    {
      name: 'enroute_message_templates_version_uq',
      columns: ['type', 'language', 'version'],
      type: 'unique',
    },
  ],
};
