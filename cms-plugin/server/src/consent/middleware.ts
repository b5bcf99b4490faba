import type { Core } from '@strapi/strapi';
import { ConsentRecord, type ConsentEntry } from '../../../shared/contracts/consent.ts';
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
 * The STOP a number's holder texted, when another contact with that number is opted out by it:
 * a STOP is about the number, so a contact given that number later gets no texts either.
 */
async function stopOfNumber(
  strapi: Core.Strapi,
  phone: string,
  documentId: string | undefined,
): Promise<ConsentEntry | null> {
  const others = await query(strapi, UID.contact).findMany({
    where: {
      mobilePhone: phone,
      smsOptOut: true,
      ...(documentId ? { documentId: { $ne: documentId } } : {}),
    },
    select: ['consentRecord'],
  });
  for (const other of others) {
    const last = storedRecord(other['consentRecord']).findLast((entry) => entry.channel === 'sms');
    if (last?.choice === 'out' && last.source === 'keyword') return last;
  }
  return null;
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
            select: ['emailOptOut', 'smsOptOut', 'mobilePhone', 'consentRecord'],
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
    const origin = currentConsentOrigin(strapi);
    const now = new Date();
    const change = consentChanges(before, data, record, origin, now);
    if ('refused' in change) refuse(change.refused);
    const entries = [...change.entries];
    // A number that texted STOP stays stopped on a contact it is given to, unless the
    // integration says the customer asked for texts again.
    const phone = data['mobilePhone'];
    const textsOn =
      data['smsOptOut'] === false || (data['smsOptOut'] !== true && !before?.smsOptOut);
    if (
      typeof phone === 'string' &&
      phone !== stored?.['mobilePhone'] &&
      textsOn &&
      !origin.resubscribe
    ) {
      const stop = await stopOfNumber(strapi, phone, context.params.documentId);
      if (stop) {
        data['smsOptOut'] = true;
        entries.push({ ...stop, at: now.toISOString() });
      }
    }
    if (entries.length > 0) data['consentRecord'] = [...record, ...entries];
    return next();
  };
}
