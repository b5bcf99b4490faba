import type { Core } from '@strapi/strapi';
import { LOCALES, snippetDefinition, validateTemplate } from '@enroute/content';
import type {
  AdminFieldError,
  SnippetEdits,
  SnippetList,
} from '../../../shared/contracts/admin-pages.ts';
import { documents, query, text } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';

const supported = new Set<string>(LOCALES);

/**
 * Snippets as the Display tab edits them. Every value is checked with the renderer's own
 * validator before anything is written; an unknown placeholder is answered with its line and
 * column.
 */
export const createAdminSnippetsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = (locale: string) =>
    query(strapi, UID.snippet).findMany({
      where: { locale },
      select: ['documentId', 'key', 'value', 'description'],
      orderBy: { key: 'asc' },
    });

  return {
    async list(locale: string): Promise<SnippetList> {
      const found = await rows(locale);
      return {
        locale,
        locales: [...LOCALES],
        snippets: found.map((row) => ({
          key: String(row.key),
          value: text(row.value) ?? '',
          description: text(row.description),
        })),
      };
    },

    /** What is wrong with these edits, each under `snippets.<key>`; empty when they can be saved. */
    check(edits: SnippetEdits): AdminFieldError[] {
      if (!supported.has(edits.locale)) {
        return [
          {
            path: 'snippets.locale',
            message: `must be one of ${LOCALES.join(', ')}`,
          },
        ];
      }
      const errors: AdminFieldError[] = [];
      for (const [key, value] of Object.entries(edits.values)) {
        const path = `snippets.${key}`;
        if (!snippetDefinition(key)) {
          errors.push({ path, message: 'is not a snippet key' });
          continue;
        }
        const result = validateTemplate(value, { kind: 'snippet' });
        if (result.ok) continue;
        for (const problem of result.errors) {
          errors.push({
            path,
            message: `${problem.message} at line ${problem.line}, column ${problem.column}`,
            line: problem.line,
            column: problem.column,
          });
        }
      }
      return errors;
    },

    /** Writes checked edits; a value equal to the stored one is left alone. */
    async save(edits: SnippetEdits): Promise<number> {
      const stored = new Map((await rows(edits.locale)).map((row) => [String(row.key), row]));
      let changed = 0;
      for (const [key, value] of Object.entries(edits.values)) {
        const row = stored.get(key);
        if (row && text(row.value) === value) continue;
        // A key missing in this locale joins the document the other locales share.
        const documentId =
          row?.documentId ??
          (await query(strapi, UID.snippet).findOne({ where: { key }, select: ['documentId'] }))
            ?.documentId;
        const data = row
          ? { value }
          : { key, value, description: snippetDefinition(key)?.description ?? null };
        if (documentId) {
          await documents(strapi, UID.snippet).update({ documentId, locale: edits.locale, data });
        } else {
          await documents(strapi, UID.snippet).create({ locale: edits.locale, data });
        }
        changed++;
      }
      return changed;
    },
  };
};

export type AdminSnippetsService = ReturnType<typeof createAdminSnippetsService>;
