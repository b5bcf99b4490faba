import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { SnippetSet } from '../../../shared/contracts/messaging.ts';
import { DEFAULT_LOCALE, LOCALES, defaultSnippets, snippetDefinitions } from './defaults.ts';
import { isUniqueViolation } from '../utils/db-errors.ts';
import { query, text } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';

type LocalesService = {
  find(): Promise<{ code: string }[]>;
  create(locale: { code: string; name: string }): Promise<unknown>;
};

/** Strapi's document ids: 24 lowercase letters and digits. */
function newDocumentId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(24)]
    .map((byte, index) => alphabet[index === 0 ? byte % 26 : byte % 36])
    .join('');
}

export const createSnippetsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const snippets = () => query(strapi, UID.snippet);

  async function ensureLocales(): Promise<void> {
    const locales = strapi.plugin('i18n').service('locales') as LocalesService;
    const existing = new Set((await locales.find()).map((locale) => locale.code));
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    for (const code of LOCALES) {
      if (!existing.has(code))
        await locales.create({ code, name: `${names.of(code) ?? code} (${code})` });
    }
  }

  /** Inserts every default snippet that is missing, in every locale. */
  async function insertMissing(): Promise<{ created: number }> {
    const rows = await snippets().findMany({ select: ['documentId', 'key', 'locale'] });
    const documentIds = new Map<string, string>();
    const present = new Set<string>();
    for (const row of rows) {
      documentIds.set(String(row.key), row.documentId);
      present.add(`${String(row.key)}@${String(row.locale)}`);
    }
    const descriptions = new Map<string, string>(
      snippetDefinitions.map((definition) => [definition.key, definition.description]),
    );
    const now = new Date();
    const missing: Record<string, unknown>[] = [];
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(defaultSnippets[locale])) {
        if (present.has(`${key}@${locale}`)) continue;
        const documentId = documentIds.get(key) ?? newDocumentId();
        documentIds.set(key, documentId);
        missing.push({
          documentId,
          key,
          value,
          description: descriptions.get(key) ?? null,
          locale,
          publishedAt: now,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    for (let index = 0; index < missing.length; index += 200) {
      await snippets().createMany({ data: missing.slice(index, index + 200) });
    }
    return { created: missing.length };
  }

  return {
    /**
     * Adds every default snippet that is missing, in every locale. A snippet that exists is
     * never touched, so a marketer's edit survives every restart and upgrade.
     */
    async seed(): Promise<{ created: number }> {
      await ensureLocales();
      // Another instance may be seeding the same snippets right now: when its insert wins,
      // read again and add what is still missing.
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await insertMissing();
        } catch (error) {
          if (attempt >= 3 || !isUniqueViolation(error)) throw error;
        }
      }
    },

    /** The snippets of one locale over the default locale's; the version changes with any edit. */
    async forLocale(wanted: string | undefined, fallbackLocale: string): Promise<SnippetSet> {
      const supported = new Set<string>(LOCALES);
      const locale =
        wanted && supported.has(wanted)
          ? wanted
          : supported.has(fallbackLocale)
            ? fallbackLocale
            : DEFAULT_LOCALE;
      const rows = await snippets().findMany({
        where: { locale: { $in: [...new Set([DEFAULT_LOCALE, locale])] } },
        select: ['key', 'value', 'locale'],
      });
      const values: Record<string, string> = {};
      for (const pass of [DEFAULT_LOCALE, locale]) {
        for (const row of rows)
          if (row.locale === pass) values[String(row.key)] = text(row.value) ?? '';
      }
      const sorted = Object.keys(values)
        .sort()
        .map((key) => [key, values[key]]);
      const version = createHash('sha256')
        .update(JSON.stringify(sorted))
        .digest('hex')
        .slice(0, 16);
      return { locale, version, values };
    },
  };
};

export type SnippetsService = ReturnType<typeof createSnippetsService>;
