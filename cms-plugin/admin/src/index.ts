import type { StrapiApp } from '@strapi/strapi/admin';
import { PinMap } from '@strapi/icons';
import { PERMISSIONS } from './permissions.ts';
import { PLUGIN_ID } from './pluginId.ts';
import { getTranslation, prefixPluginTranslations } from './utils/translations.ts';

type Messages = Record<string, string>;

/** The locales the plugin's admin strings exist in; others fall back to English. */
const translations: Record<string, () => Promise<{ default: Messages }>> = {
  en: () => import('./translations/en.json'),
  fr: () => import('./translations/fr.json'),
};

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PinMap,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Enroute' },
      permissions: PERMISSIONS.any,
      Component: () => import('./pages/App.tsx').then((module) => ({ default: module.App })),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = translations[locale];
        if (!load) return { data: {}, locale };
        const { default: messages } = await load();
        return { data: prefixPluginTranslations(messages), locale };
      }),
    );
  },
};
