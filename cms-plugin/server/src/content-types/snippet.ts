import { defineContentType } from './define.ts';

export const snippetSchema = {
  ...defineContentType({
    singularName: 'snippet',
    pluralName: 'snippets',
    displayName: 'Snippet',
    localized: true,
    attributes: {
      // Unique per locale: Strapi checks it when a marketer saves, the index below under races.
      key: {
        type: 'string',
        required: true,
        unique: true,
        pluginOptions: { i18n: { localized: true } },
      },
      value: { type: 'text', pluginOptions: { i18n: { localized: true } } },
      description: { type: 'text', pluginOptions: { i18n: { localized: true } } },
    },
  }),
  // Several instances starting at once seed the same missing snippet: one insert wins.
  indexes: [{ name: 'enroute_snippets_key_locale_uq', columns: ['key', 'locale'], type: 'unique' }],
};
