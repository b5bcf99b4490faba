import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, type TemplateOverrides } from '@enroute/content';
import type { MessageType } from '../../../shared/contracts/domain.ts';
import {
  TemplatePart,
  type TemplateParts,
  type TemplateSource,
  type TemplateVersion,
} from '../../../shared/contracts/message-templates.ts';
import { isUniqueViolation } from '../utils/db-errors.ts';
import { documents, instant, query, text, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';

const PARTS = TemplatePart.options;
const FIELDS = ['version', 'type', 'language', 'savedBy', 'restoredFrom', 'createdAt', ...PARTS];

/** The templates of one locale as the renderer takes them; the version changes with any save. */
export type TemplateSet = {
  version: string;
  templates: TemplateOverrides;
  /** Where each message's parts come from (a part absent here is Enroute's own). */
  sources: Partial<Record<MessageType, Partial<Record<TemplatePart, TemplateSource>>>>;
};

function versionOf(row: Row): TemplateVersion {
  const part = (name: TemplatePart) => {
    const value = text(row[name]);
    return value && value.trim() !== '' ? value : null;
  };
  return {
    version: Number(row.version),
    savedBy: text(row.savedBy) ?? 'unknown',
    savedAt: instant(row.createdAt),
    restoredFrom: row.restoredFrom === null ? null : Number(row.restoredFrom),
    subject: part('subject'),
    email: part('email'),
    text: part('text'),
    sms: part('sms'),
  };
}

/**
 * Message templates as marketers save them: every save is a new version (who and when), a
 * restore is a new version with an earlier one's parts, and the newest version is in use. A
 * message's part comes from its locale's template, else from the default locale's, else it is
 * Enroute's own.
 */
export const createTemplatesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => query(strapi, UID.messageTemplate);

  /** The newest version of each (type, locale) among these locales. */
  async function latest(locales: string[]): Promise<Map<string, Row>> {
    const found = await rows().findMany({
      where: { language: { $in: locales } },
      select: FIELDS,
      orderBy: [{ version: 'desc' }],
    });
    const newest = new Map<string, Row>();
    for (const row of found) {
      const key = `${String(row.type)}|${String(row.language)}`;
      if (!newest.has(key)) newest.set(key, row);
    }
    return newest;
  }

  async function append(
    type: MessageType,
    locale: string,
    parts: TemplateParts,
    savedBy: string,
    restoredFrom: number | null,
  ): Promise<TemplateVersion> {
    for (let attempt = 1; ; attempt += 1) {
      const [last] = await rows().findMany({
        where: { type, language: locale },
        select: ['version'],
        orderBy: [{ version: 'desc' }],
        limit: 1,
      });
      const version = (last ? Number(last.version) : 0) + 1;
      try {
        const row = await documents(strapi, UID.messageTemplate).create({
          data: { type, language: locale, version, savedBy, restoredFrom, ...parts },
        });
        return versionOf({ ...row, createdAt: row.createdAt ?? new Date() });
      } catch (error) {
        // Another save took this version number: take the next one.
        if (attempt >= 5 || !isUniqueViolation(error)) throw error;
      }
    }
  }

  return {
    /** The templates of a locale over the default locale's, for the renderer. */
    async forLocale(locale: string, defaultLocale: string): Promise<TemplateSet> {
      const fallback = defaultLocale || DEFAULT_LOCALE;
      const newest = await latest([...new Set([fallback, locale])]);
      const templates: TemplateOverrides = {};
      const sources: TemplateSet['sources'] = {};
      const versions: string[] = [];
      for (const [pass, source] of [
        [fallback, 'default-locale'],
        [locale, 'locale'],
      ] as const) {
        for (const row of newest.values()) {
          if (row.language !== pass) continue;
          const type = row.type as MessageType;
          versions.push(`${type}|${pass}|${String(row.version)}`);
          const parts = versionOf(row);
          for (const part of PARTS) {
            const value = parts[part];
            if (value === null) continue;
            (templates[type] ??= {})[part] = value;
            (sources[type] ??= {})[part] = pass === locale ? 'locale' : source;
          }
        }
      }
      const version = createHash('sha256')
        .update(versions.sort().join(','))
        .digest('hex')
        .slice(0, 16);
      return { version, templates, sources };
    },

    /** This locale's versions of a message's template, newest first. */
    async history(type: MessageType, locale: string): Promise<TemplateVersion[]> {
      const found = await rows().findMany({
        where: { type, language: locale },
        select: FIELDS,
        orderBy: [{ version: 'desc' }],
      });
      return found.map(versionOf);
    },

    /** Saves checked parts as the next version. */
    save(type: MessageType, locale: string, parts: TemplateParts, savedBy: string) {
      return append(type, locale, parts, savedBy, null);
    },

    /** The parts of an earlier version, or null when there is no such version. */
    async version(type: MessageType, locale: string, version: number) {
      const row = await rows().findOne({
        where: { type, language: locale, version },
        select: FIELDS,
      });
      return row ? versionOf(row) : null;
    },

    /** An earlier version's parts saved again as the newest version. */
    restore(type: MessageType, locale: string, from: TemplateVersion, savedBy: string) {
      const { subject, email, text: plain, sms } = from;
      return append(type, locale, { subject, email, text: plain, sms }, savedBy, from.version);
    },
  };
};

export type TemplatesService = ReturnType<typeof createTemplatesService>;
