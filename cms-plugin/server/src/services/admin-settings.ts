import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { SnippetEdits, type AdminFieldError } from '../../../shared/contracts/admin-pages.ts';
import { SettingsUpdate, type SettingsView } from '../../../shared/contracts/settings.ts';
import { getService } from '../utils/get-service.ts';
import { RequestError, fromZod } from '../validation/errors.ts';

/** `PUT /settings`: the settings fields, and optionally the snippet edits of one locale. */
const SettingsSave = z.looseObject({ snippets: z.unknown().optional() });

/**
 * Saves the settings page in one go. Everything is checked before anything is written, and the
 * answer names every wrong field at once: schema errors, snippet template problems with their
 * line and column, then what only the stored data can tell (survey host allowlist, records).
 */
export const createAdminSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const snippets = () => getService('admin-snippets', { strapi });

  return {
    async save(body: unknown): Promise<SettingsView> {
      const envelope = SettingsSave.safeParse(body);
      if (!envelope.success) throw fromZod(envelope.error);
      const { snippets: rawEdits, ...fields } = envelope.data;

      const errors: AdminFieldError[] = [];
      const update = SettingsUpdate.safeParse(fields);
      if (!update.success) errors.push(...fromZod(update.error).errors);
      const edits = rawEdits === undefined ? null : SnippetEdits.safeParse(rawEdits);
      if (edits && !edits.success) errors.push(...fromZod(edits.error, 'snippets').errors);
      if (edits?.success) errors.push(...snippets().check(edits.data));
      if (errors.length > 0 || !update.success) throw new RequestError(400, errors);

      const settings = getService('settings', { strapi });
      const stored = await settings.update(update.data);
      if (edits?.success) await snippets().save(edits.data);
      await getService('booking-events', { strapi }).kick();
      return settings.view(stored);
    },
  };
};

export type AdminSettingsService = ReturnType<typeof createAdminSettingsService>;
