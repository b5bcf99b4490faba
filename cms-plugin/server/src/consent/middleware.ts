import type { Core } from '@strapi/strapi';
import { ConsentRecord } from '../../../shared/contracts/consent.ts';
import { consentChanges, type OptOuts } from '../messages/rules/consent.ts';
import { errors } from '../utils/strapi-errors.ts';
import { query } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import { currentConsentOrigin } from './origin.ts';

type DocumentContext = {
  uid: string;
  action: string;
  params: { data?: unknown; documentId?: string };
};
type Next = () => Promise<unknown>;

function storedRecord(value: unknown): ConsentRecord {
  const parsed = ConsentRecord.safeParse(typeof value === 'string' ? JSON.parse(value) : value);
  return parsed.success ? parsed.data : [];
}

function refuse(problems: { path: string; message: string }[]): never {
  throw new errors.ValidationError(
    problems.map(({ path, message }) => `${path} ${message}`).join('; '),
    {
      errors: problems.map(({ path, message }) => ({
        path: [path],
        message,
        name: 'ValidationError',
      })),
    },
  );
}

/**
 * Keeps each contact's consent record, whichever way the contact is written (the content API,
 * the Content Manager, a STOP, the portal, code): every change of an opt-out appends an entry
 * with its time, channel, source and text, and an opt-in nobody asked for is refused (see
 * `consentChanges`). The record itself is written by nothing else.
 */
export function consentMiddleware(strapi: Core.Strapi) {
  return async (context: DocumentContext, next: Next): Promise<unknown> => {
    if (context.uid !== UID.contact) return next();
    if (context.action !== 'create' && context.action !== 'update') return next();
    const data = context.params.data as Record<string, unknown> | undefined;
    if (!data || typeof data !== 'object') return next();
    const stored =
      context.action === 'update' && context.params.documentId
        ? await query(strapi, UID.contact).findOne({
            where: { documentId: context.params.documentId },
            select: ['emailOptOut', 'smsOptOut', 'consentRecord'],
          })
        : null;
    const record = storedRecord(stored?.['consentRecord']);
    if ('consentRecord' in data) {
      const given = data['consentRecord'];
      const unchanged =
        given === null || given === undefined
          ? record.length === 0
          : JSON.stringify(storedRecord(given)) === JSON.stringify(record);
      if (!unchanged) {
        refuse([
          { path: 'consentRecord', message: 'is kept by Enroute from each opt-out and opt-in' },
        ]);
      }
      delete data['consentRecord'];
    }
    const before: OptOuts | null = stored
      ? { emailOptOut: stored['emailOptOut'] === true, smsOptOut: stored['smsOptOut'] === true }
      : null;
    const change = consentChanges(before, data, record, currentConsentOrigin(strapi), new Date());
    if ('refused' in change) refuse(change.refused);
    if (change.entries.length > 0) data['consentRecord'] = [...record, ...change.entries];
    return next();
  };
}
