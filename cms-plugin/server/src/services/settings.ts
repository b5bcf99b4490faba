import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { z } from 'zod';
import {
  SettingsFields,
  SettingsUpdate,
  type SettingsView,
  type WebhookEndpoint,
} from '../../../shared/contracts/settings.ts';
import { bookingEventTypes } from '../../../shared/contracts/vocabulary.ts';
import type { MessagingSettings } from '../../../shared/contracts/messaging.ts';
import { RequestError, fromZod, type FieldError } from '../validation/errors.ts';
import { E164Phone } from '../validation/phone.ts';
import { documents, query, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import { defaultSettings } from './settings-defaults.ts';

type Fields = z.infer<typeof SettingsFields>;
export type StoredSettings = Omit<Fields, 'webhooks'> & {
  webhooks: WebhookEndpoint[];
  webhookSecret: string | null;
  etaProviderKey: string | null;
};

const fieldNames = Object.keys(SettingsFields.shape) as (keyof Fields)[];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A message type added since the settings were saved takes its default, per message, and the
 * saved choices for the others stand (the schema asks for every type).
 */
function withNewMessageTypes(name: keyof Fields, value: unknown): unknown {
  if (name === 'messages' && isObject(value)) return { ...defaultSettings.messages, ...value };
  if (name === 'quietHours' && isObject(value) && isObject(value.wait))
    return { ...value, wait: { ...defaultSettings.quietHours.wait, ...value.wait } };
  return value;
}

/** Stored values over the defaults; a column the schema no longer accepts falls back too. */
function fromRow(row: Row | null): StoredSettings {
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const name of fieldNames) {
    const value = withNewMessageTypes(name, row?.[name]);
    if (value === null || value === undefined) continue;
    const parsed = SettingsFields.shape[name].safeParse(value);
    if (parsed.success) merged[name] = parsed.data;
  }
  const fields = merged as Fields;
  return {
    ...fields,
    webhooks: fields.webhooks.map((endpoint) => ({ ...endpoint, id: endpoint.id ?? randomUUID() })),
    webhookSecret: typeof row?.webhookSecret === 'string' ? row.webhookSecret : null,
    etaProviderKey: typeof row?.etaProviderKey === 'string' ? row.etaProviderKey : null,
  };
}

function allEventsEndpoint(url: string, id: string): WebhookEndpoint {
  return {
    id,
    name: 'Webhook',
    url,
    events: [...bookingEventTypes],
    statuses: [],
    enabled: true,
    maxEventsPerDelivery: 1,
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
    if (next.webhooks.length > 0 && !next.webhookSecret) {
      errors.push({
        path: 'webhookSecret',
        message: 'is required with a webhook URL: it signs every booking event',
      });
    }
    const ids = new Set<string>();
    for (const [index, endpoint] of next.webhooks.entries()) {
      if (ids.has(endpoint.id))
        errors.push({ path: `webhooks.${index}.id`, message: 'is used by another endpoint' });
      ids.add(endpoint.id);
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

    async update(given: SettingsUpdate): Promise<StoredSettings> {
      const parsed = SettingsUpdate.safeParse(given);
      if (!parsed.success) throw fromZod(parsed.error);
      const { webhookUrl, webhooks, ...input } = parsed.data;
      const current = await read();
      const next: StoredSettings = { ...current, ...input } as StoredSettings;
      if (webhooks !== undefined) {
        next.webhooks = webhooks.map((endpoint) => ({
          ...endpoint,
          id: endpoint.id ?? randomUUID(),
        }));
      } else if (webhookUrl !== undefined) {
        // A client that knows one URL: that URL gets every event, as it did before.
        next.webhooks = webhookUrl
          ? [allEventsEndpoint(webhookUrl, current.webhooks[0]?.id ?? randomUUID())]
          : [];
      }
      const errors = await check(next);
      if (errors.length > 0) throw new RequestError(400, errors);
      const existing = await settings().findFirst({});
      const data: Record<string, unknown> = { ...next, webhookUrl: null };
      if (existing) await settings().update({ documentId: existing.documentId, data });
      else await settings().create({ data });
      return read();
    },

    /**
     * Moves a URL stored before the list of endpoints into the list, as one endpoint for every
     * event type; answers that endpoint, or null when there was nothing to move.
     */
    async migrateWebhookUrl(): Promise<WebhookEndpoint | null> {
      const existing = await settings().findFirst({});
      const url = existing?.webhookUrl;
      if (!existing || typeof url !== 'string' || url === '') return null;
      const stored = fromRow(existing);
      const endpoint = allEventsEndpoint(url, randomUUID());
      const webhooks = stored.webhooks.length > 0 ? stored.webhooks : [endpoint];
      await settings().update({
        documentId: existing.documentId,
        data: { webhooks, webhookUrl: null },
      });
      return stored.webhooks.length > 0 ? null : endpoint;
    },

    view(stored: StoredSettings): SettingsView {
      const { webhookSecret, etaProviderKey, ...fields } = stored;
      return {
        ...fields,
        webhookUrl: stored.webhooks[0]?.url ?? null,
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
        quietHours: stored.quietHours,
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
