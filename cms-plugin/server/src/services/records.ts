import type { Core } from '@strapi/strapi';
import type {
  BookingChange,
  BookingInput,
  ContactInput,
  ResourceInput,
  ServiceAccountInput,
  ServiceTypeInput,
  WorkOrderInput,
} from '../../../shared/contracts/integration.ts';
import { RequestError, notFound, type FieldError } from '../validation/errors.ts';
import { E164Phone } from '../validation/phone.ts';
import { documents, instant, type Row } from '../utils/store.ts';
import { UID, type EnrouteUid } from '../utils/uids.ts';
import { isUniqueViolation } from '../utils/db-errors.ts';
import { withConsentOrigin } from '../consent/origin.ts';

export type Upsert = { documentId: string; externalId: string | null; created: boolean };

/**
 * Records fed by an integration, put by the caller's own id. Every reference and field is
 * checked before anything is written, so a refused request changes nothing.
 */
export const createRecordsService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function byExternalId(uid: EnrouteUid, externalId: string): Promise<Row | null> {
    return documents(strapi, uid).findFirst({ filters: { externalId } });
  }

  /** Resolves references (externalIds) to documentIds, collecting every missing one. */
  async function resolveRefs(
    refs: { path: string; uid: EnrouteUid; externalId: string | null | undefined }[],
  ): Promise<Record<string, string | null | undefined>> {
    const errors: FieldError[] = [];
    const resolved: Record<string, string | null | undefined> = {};
    for (const { path, uid, externalId } of refs) {
      if (externalId === undefined || externalId === null) {
        resolved[path] = externalId;
        continue;
      }
      const row = await byExternalId(uid, externalId);
      if (row) resolved[path] = row.documentId;
      else errors.push({ path, message: `no ${uid.split('.')[1]} with externalId ${externalId}` });
    }
    if (errors.length > 0) throw new RequestError(400, errors);
    return resolved;
  }

  function phone(value: string | null | undefined, path: string): string | null | undefined {
    if (value === undefined || value === null || value.trim() === '')
      return value === undefined ? undefined : null;
    const parsed = E164Phone.safeParse(value);
    if (!parsed.success) {
      throw new RequestError(400, [
        { path, message: parsed.error.issues[0]?.message ?? 'invalid' },
      ]);
    }
    return parsed.data;
  }

  function defined(data: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
  }

  async function put(
    uid: EnrouteUid,
    externalId: string,
    data: Record<string, unknown>,
  ): Promise<Upsert> {
    const api = documents(strapi, uid);
    const existing = await byExternalId(uid, externalId);
    if (existing) {
      await api.update({ documentId: existing.documentId, data });
      return { documentId: existing.documentId, externalId, created: false };
    }
    try {
      const created = await api.create({ data: { ...data, externalId } });
      return { documentId: created.documentId, externalId, created: true };
    } catch (error) {
      // Two puts of a new record raced: the other one created it, so this one updates.
      const winner = await byExternalId(uid, externalId);
      if (!winner || !isUniqueViolation(error)) throw error;
      await api.update({ documentId: winner.documentId, data });
      return { documentId: winner.documentId, externalId, created: false };
    }
  }

  async function bookingRow(documentId: string): Promise<Row> {
    const row = await documents(strapi, UID.booking).findOne({
      documentId,
      populate: ['resource'],
    });
    if (!row) throw notFound('documentId', `no booking with documentId ${documentId}`);
    return row;
  }

  return {
    async putServiceAccount(externalId: string, input: ServiceAccountInput): Promise<Upsert> {
      const refs = await resolveRefs([
        { path: 'primaryContact', uid: UID.contact, externalId: input.primaryContact },
      ]);
      return put(
        UID.serviceAccount,
        externalId,
        defined({ ...input, primaryContact: refs.primaryContact }),
      );
    },

    async putContact(externalId: string, input: ContactInput): Promise<Upsert> {
      const { resubscribe, ...fields } = input;
      const mobilePhone = phone(fields.mobilePhone, 'mobilePhone');
      const origin = {
        source: 'api' as const,
        text: resubscribe ? 'resubscribe: the customer asked to get messages again' : null,
        resubscribe: resubscribe === true,
      };
      return withConsentOrigin(origin, () =>
        put(UID.contact, externalId, defined({ ...fields, mobilePhone })),
      );
    },

    async putServiceType(externalId: string, input: ServiceTypeInput): Promise<Upsert> {
      return put(UID.serviceType, externalId, defined({ ...input }));
    },

    async putResource(externalId: string, input: ResourceInput): Promise<Upsert> {
      return put(
        UID.resource,
        externalId,
        defined({ ...input, phone: phone(input.phone, 'phone') }),
      );
    },

    async putWorkOrder(externalId: string, input: WorkOrderInput): Promise<Upsert> {
      const refs = await resolveRefs([
        { path: 'serviceAccount', uid: UID.serviceAccount, externalId: input.serviceAccount },
        { path: 'serviceType', uid: UID.serviceType, externalId: input.serviceType },
        { path: 'reportedBy', uid: UID.contact, externalId: input.reportedBy },
      ]);
      return put(UID.workOrder, externalId, defined({ number: input.number, ...refs }));
    },

    async putBooking(externalId: string, input: BookingInput): Promise<Upsert> {
      const refs = await resolveRefs([
        { path: 'workOrder', uid: UID.workOrder, externalId: input.workOrder },
        { path: 'resource', uid: UID.resource, externalId: input.resource },
      ]);
      const before = await byExternalId(UID.booking, externalId);
      const start = new Date(input.start).toISOString();
      const end = new Date(input.end).toISOString();
      const status = input.status ?? (before ? undefined : 'scheduled');
      return put(
        UID.booking,
        externalId,
        defined({
          ...refs,
          start,
          end,
          bookingStatus: status,
        }),
      );
    },

    async changeBooking(documentId: string, change: BookingChange): Promise<Upsert> {
      const before = await bookingRow(documentId);
      const refs = await resolveRefs([
        { path: 'resource', uid: UID.resource, externalId: change.resource },
      ]);
      const start = change.start ? new Date(change.start).toISOString() : undefined;
      const end = change.end ? new Date(change.end).toISOString() : undefined;
      const effectiveStart = Date.parse(start ?? instant(before.start));
      if (Date.parse(end ?? instant(before.end)) < effectiveStart) {
        throw new RequestError(400, [{ path: 'end', message: 'must not be before start' }]);
      }
      const data = defined({
        bookingStatus: change.status,
        start,
        end,
        resource: refs.resource,
      });
      await documents(strapi, UID.booking).update({ documentId, data });
      return {
        documentId,
        externalId: typeof before.externalId === 'string' ? before.externalId : null,
        created: false,
      };
    },

    async findBooking(documentId: string): Promise<Row> {
      return bookingRow(documentId);
    },
  };
};

export type RecordsService = ReturnType<typeof createRecordsService>;
