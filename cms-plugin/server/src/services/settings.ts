import type { Core } from '@strapi/strapi';
import type { z } from 'zod';
import {
  SettingsFields,
  type SettingsUpdate,
  type SettingsView,
} from '../../../shared/contracts/settings.ts';
import type { MessagingSettings } from '../../../shared/contracts/messaging.ts';
import { RequestError, type FieldError } from '../validation/errors.ts';
import { E164Phone } from '../validation/phone.ts';
import { documents, query, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import { defaultSettings } from './settings-defaults.ts';

type Fields = z.infer<typeof SettingsFields>;
export type StoredSettings = Fields & {
  webhookSecret: string | null;
  etaProviderKey: string | null;
};

const fieldNames = Object.keys(SettingsFields.shape) as (keyof Fields)[];

/** Stored values over the defaults; a column the schema no longer accepts falls back too. */
function fromRow(row: Row | null): StoredSettings {
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const name of fieldNames) {
    const value = row?.[name];
    if (value === null || value === undefined) continue;
    const parsed = SettingsFields.shape[name].safeParse(value);
    if (parsed.success) merged[name] = parsed.data;
  }
  return {
    ...(merged as Fields),
    webhookSecret: typeof row?.webhookSecret === 'string' ? row.webhookSecret : null,
    etaProviderKey: typeof row?.etaProviderKey === 'string' ? row.etaProviderKey : null,
  };
}

export const createSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => documents(strapi, UID.settings);

  async function read(): Promise<StoredSettings> {
    return fromRow(await settings().findFirst({}));
  }

  /** Checks what a schema cannot: referenced records exist, the survey host is allowed. */
  async function check(next: StoredSettings): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const missing = async (
      uid: typeof UID.contact | typeof UID.serviceAccount | typeof UID.serviceType,
      ids: string[],
      path: string,
    ) => {
      for (const [index, documentId] of ids.entries()) {
        if (!(await query(strapi, uid).findOne({ where: { documentId }, select: ['id'] }))) {
          errors.push({
            path: `${path}.${index}`,
            message: `no record with documentId ${documentId}`,
          });
        }
      }
    };
    if (next.fallbackContactId) {
      await missing(UID.contact, [next.fallbackContactId], 'fallbackContactId');
      const last = errors.at(-1);
      if (last) last.path = 'fallbackContactId';
    }
    await missing(UID.serviceAccount, next.excludedAccountIds, 'excludedAccountIds');
    await missing(UID.serviceType, next.excludedServiceTypeIds, 'excludedServiceTypeIds');
    if (next.surveyUrl) {
      const host = new URL(next.surveyUrl).hostname;
      if (!next.surveyAllowedHosts.includes(host)) {
        errors.push({
          path: 'surveyUrl',
          message: `host ${host} is not in surveyAllowedHosts`,
        });
      }
    }
    if (next.webhookUrl && !next.webhookSecret) {
      errors.push({
        path: 'webhookSecret',
        message: 'is required with a webhook URL: it signs every booking event',
      });
    }
    if (next.sandboxPhone) {
      const phone = E164Phone.safeParse(next.sandboxPhone);
      if (phone.success) next.sandboxPhone = phone.data;
      else
        errors.push({ path: 'sandboxPhone', message: phone.error.issues[0]?.message ?? 'invalid' });
    }
    return errors;
  }

  return {
    read,

    async update(input: SettingsUpdate): Promise<StoredSettings> {
      const next: StoredSettings = { ...(await read()), ...input } as StoredSettings;
      const errors = await check(next);
      if (errors.length > 0) throw new RequestError(400, errors);
      const existing = await settings().findFirst({});
      const data: Record<string, unknown> = { ...next };
      if (existing) await settings().update({ documentId: existing.documentId, data });
      else await settings().create({ data });
      return read();
    },

    view(stored: StoredSettings): SettingsView {
      const { webhookSecret, etaProviderKey, ...fields } = stored;
      return {
        ...fields,
        webhookSecretSet: Boolean(webhookSecret),
        etaProviderKeySet: Boolean(etaProviderKey),
      };
    },

    messaging(stored: StoredSettings): MessagingSettings {
      return {
        messages: stored.messages,
        channel: stored.channel,
        fallbackContactId: stored.fallbackContactId,
        excludedAccountIds: stored.excludedAccountIds,
        excludedServiceTypeIds: stored.excludedServiceTypeIds,
        reminder: {
          windowDays: stored.reminderWindowDays,
          sendTime: stored.reminderSendTime,
          sendTimeZone: stored.reminderSendTimeZone,
        },
        rescheduleThresholdMinutes: stored.rescheduleThresholdMinutes,
        sandbox: {
          enabled: stored.sandboxEnabled,
          email: stored.sandboxEmail,
          phone: stored.sandboxPhone,
        },
        portalBaseUrl: stored.portalBaseUrl,
        defaultLocale: stored.defaultLocale,
        branding: stored.branding,
        showTechnicianName: stored.showTechnicianName,
      };
    },
  };
};

export type SettingsService = ReturnType<typeof createSettingsService>;
