import { PLUGIN_ID } from '../pluginId.ts';

/** The admin-wide id of one of the plugin's strings. */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;

/** Prefixes a locale file's keys with the plugin id, as registerTrads hands them to the admin. */
export function prefixPluginTranslations(messages: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [getTranslation(key), value]),
  );
}
