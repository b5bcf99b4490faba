import { z } from 'zod';
import { Latitude, Longitude, TimeZone } from '../../../shared/contracts/domain.ts';
import { errors } from '../utils/strapi-errors.ts';
import { UID } from '../utils/uids.ts';
import { E164Phone } from './phone.ts';
import { textProblem } from './text.ts';

type DocumentContext = { uid: string; action: string; params: { data?: unknown } };
type Next = () => Promise<unknown>;

/** Fields checked on every write, whichever way it comes (content API, Content Manager, code). */
const checkedFields: Record<string, Record<string, z.ZodType>> = {
  [UID.contact]: { mobilePhone: E164Phone, email: z.email() },
  [UID.resource]: { phone: E164Phone, photoUrl: z.url({ protocol: /^https?$/ }) },
  [UID.serviceAccount]: { timeZone: TimeZone, latitude: Latitude, longitude: Longitude },
};

/**
 * Records whose text comes from outside (an integration, an admin, a marketer) and ends up in
 * messages and pages: none of their text fields may hold control characters, nor their names
 * direction overrides.
 */
const textChecked = new Set<string>([
  UID.contact,
  UID.resource,
  UID.serviceAccount,
  UID.serviceType,
  UID.workOrder,
  UID.booking,
  UID.snippet,
]);

function textProblems(uid: string, record: Record<string, unknown>): Problem[] {
  if (!textChecked.has(uid)) return [];
  return Object.entries(record).flatMap(([field, value]) => {
    if (typeof value !== 'string') return [];
    const message = textProblem(value, field === 'name' ? 'name' : 'text');
    return message ? [problem(field, message)] : [];
  });
}

/** Relations a record cannot exist without. */
const requiredRelations: Record<string, string[]> = {
  [UID.booking]: ['workOrder'],
  [UID.workOrder]: ['serviceAccount'],
};

type Problem = { path: string[]; message: string; name: string };
const problem = (field: string, message: string): Problem => ({
  path: [field],
  message,
  name: 'ValidationError',
});

/** Whether a relation value, in any of the Document Service's shapes, names a record. */
function namesRecord(value: unknown): boolean {
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'number') return true;
  if (!value || typeof value !== 'object') return false;
  if ('documentId' in value || 'id' in value) return true;
  const list = (key: string) =>
    key in value ? (value as Record<string, unknown>)[key] : undefined;
  const connect = list('connect') ?? list('set');
  return Array.isArray(connect) && connect.length > 0;
}

/** Whether an update's relation value takes the related record away. */
function removesRecord(value: unknown): boolean {
  if (value === null) return true;
  if (!value || typeof value !== 'object' || namesRecord(value)) return false;
  const { set, disconnect } = value as { set?: unknown; disconnect?: unknown };
  return (
    (Array.isArray(set) && set.length === 0) || (Array.isArray(disconnect) && disconnect.length > 0)
  );
}

function missingRelations(uid: string, action: string, record: Record<string, unknown>): Problem[] {
  return (requiredRelations[uid] ?? []).flatMap((field) => {
    const missing =
      action === 'create'
        ? !namesRecord(record[field])
        : field in record && removesRecord(record[field]);
    return missing ? [problem(field, 'is required')] : [];
  });
}

/**
 * A Document Service middleware that validates and normalises the plugin's records before they
 * are stored: phone numbers become E.164, and a bad email, phone, time zone or coordinate is
 * refused with Strapi's ValidationError, which the admin shows beside the field; so is a booking
 * without a work order, or a work order without a service account, and text with control
 * characters (or a name with direction overrides).
 */
export function recordValidationMiddleware() {
  return async (context: DocumentContext, next: Next): Promise<unknown> => {
    const data = context.params.data;
    if (!context.uid.startsWith('plugin::enroute.')) return next();
    if (context.action !== 'create' && context.action !== 'update') return next();
    if (!data || typeof data !== 'object') return next();
    const record = data as Record<string, unknown>;
    const problems = [
      ...missingRelations(context.uid, context.action, record),
      ...textProblems(context.uid, record),
    ];
    for (const [field, schema] of Object.entries(checkedFields[context.uid] ?? {})) {
      const value = record[field];
      if (value === undefined || value === null) continue;
      if (value === '') {
        record[field] = null;
        continue;
      }
      const parsed = schema.safeParse(value);
      if (parsed.success) record[field] = parsed.data;
      else problems.push(problem(field, parsed.error.issues[0]?.message ?? 'is not valid'));
    }
    if (problems.length > 0) {
      const message = problems.map((problem) => `${problem.path[0]} ${problem.message}`).join('; ');
      throw new errors.ValidationError(message, { errors: problems });
    }
    return next();
  };
}
