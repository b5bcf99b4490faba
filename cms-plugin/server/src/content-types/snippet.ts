import { defineContentType } from './define.ts';

export const snippetSchema = defineContentType({
  singularName: 'snippet',
  pluralName: 'snippets',
  displayName: 'Snippet',
  localized: true,
  attributes: {
    key: { type: 'string', required: true, pluginOptions: { i18n: { localized: true } } },
    value: { type: 'text', pluginOptions: { i18n: { localized: true } } },
    description: { type: 'text', pluginOptions: { i18n: { localized: true } } },
  },
});
