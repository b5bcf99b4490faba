// Enroute's own words per locale, as the content package ships them.
export { LOCALES, DEFAULT_LOCALE, defaultSnippets, snippetDefinitions } from '@enroute/content';
