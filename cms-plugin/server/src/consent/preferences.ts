import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { MessagePreferences, PreferencesUpdate } from '../../../shared/contracts/consent.ts';
import { serverKey } from '../services/access-codes.ts';
import { notFound } from '../validation/errors.ts';
import { documents, query, text, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import type { ConsentOrigin } from '../messages/rules/consent.ts';
import { withConsentOrigin } from './origin.ts';

/** Where the customer's preferences page is on the portal. */
export const PREFERENCES_PATH = '/u/';

/**
 * A customer's message preferences behind a signed link: the link names the contact and carries
 * 128 bits of HMAC under the server's key, so it cannot be made up, needs no sign-in and works as
 * long as the contact exists (an unsubscribe link must keep working).
 */
export const createPreferencesService = ({ strapi }: { strapi: Core.Strapi }) => {
  let key: Buffer | null = null;
  const mac = (contactId: string) =>
    createHmac('sha256', (key ??= serverKey(strapi, 'preferences-token')))
      .update(`preferences:${contactId}`)
      .digest()
      .subarray(0, 16);

  function tokenFor(contactId: string): string {
    return `${contactId}.${mac(contactId).toString('base64url')}`;
  }

  async function contactOf(token: string): Promise<Row> {
    const [contactId = '', signature = ''] = token.split('.');
    const given = Buffer.from(signature, 'base64url');
    const expected = contactId ? mac(contactId) : null;
    const row =
      expected && given.length === expected.length && timingSafeEqual(given, expected)
        ? await query(strapi, UID.contact).findOne({ where: { documentId: contactId } })
        : null;
    if (!row) throw notFound('token', 'no preferences behind this link');
    return row;
  }

  function view(row: Row, defaultLocale: string): MessagePreferences {
    return {
      locale: text(row['locale']) ?? defaultLocale,
      email: { available: Boolean(text(row['email'])), on: row['emailOptOut'] !== true },
      sms: { available: Boolean(text(row['mobilePhone'])), on: row['smsOptOut'] !== true },
    };
  }

  async function change(token: string, update: PreferencesUpdate, origin: ConsentOrigin) {
    const row = await contactOf(token);
    const data: Record<string, boolean> = {};
    if (update.email !== undefined) data['emailOptOut'] = !update.email;
    if (update.sms !== undefined) data['smsOptOut'] = !update.sms;
    const changed = Object.entries(data).some(([field, value]) => (row[field] === true) !== value);
    if (!changed) return row;
    await withConsentOrigin(origin, () =>
      documents(strapi, UID.contact).update({ documentId: row.documentId, data }),
    );
    return { ...row, ...data };
  }

  return {
    tokenFor,

    /**
     * The headers every email to this contact carries (RFC 2369 and RFC 8058): the one-click
     * https link, and a mailto to the office when the settings name one.
     */
    headers(
      contactId: string,
      portalBaseUrl: string,
      office: string | null,
    ): Record<string, string> {
      const url = `${portalBaseUrl.replace(/\/+$/, '')}${PREFERENCES_PATH}${tokenFor(contactId)}`;
      const mailto = office
        ? `, <mailto:${office}?subject=${encodeURIComponent(`unsubscribe ${tokenFor(contactId)}`)}>`
        : '';
      return {
        'List-Unsubscribe': `<${url}>${mailto}`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      };
    },

    async find(token: string, defaultLocale: string): Promise<MessagePreferences> {
      return view(await contactOf(token), defaultLocale);
    },

    async update(
      token: string,
      update: PreferencesUpdate,
      defaultLocale: string,
    ): Promise<MessagePreferences> {
      const origin = { source: 'portal' as const, text: null, resubscribe: false };
      return view(await change(token, update, origin), defaultLocale);
    },

    async oneClick(token: string, defaultLocale: string): Promise<MessagePreferences> {
      const origin = {
        source: 'one-click' as const,
        text: 'List-Unsubscribe=One-Click',
        resubscribe: false,
      };
      return view(await change(token, { email: false }, origin), defaultLocale);
    },
  };
};

export type PreferencesService = ReturnType<typeof createPreferencesService>;
