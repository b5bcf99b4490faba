import type { Core } from '@strapi/strapi';
import type { BookingOption, ResourceOption } from '../../../shared/contracts/admin-pages.ts';
import { documents, instant, relation, text } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';

const LIMIT = 50;

const NAMED = {
  resources: UID.resource,
  accounts: UID.serviceAccount,
  'service-types': UID.serviceType,
  contacts: UID.contact,
} as const;
export type NamedKind = keyof typeof NAMED;
export const namedKinds = Object.keys(NAMED) as NamedKind[];

/** Choices for the pages' pickers: bookings by work order number or account, technicians. */
export const createAdminLookupsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async bookings(search: string): Promise<BookingOption[]> {
    const term = search.trim();
    const filters = term
      ? {
          $or: [
            { externalId: { $containsi: term } },
            { documentId: term },
            { workOrder: { number: { $containsi: term } } },
            { workOrder: { serviceAccount: { name: { $containsi: term } } } },
          ],
        }
      : {};
    const rows = await documents(strapi, UID.booking).findMany({
      filters,
      populate: {
        workOrder: { fields: ['number'], populate: { serviceAccount: { fields: ['name'] } } },
      },
      sort: ['start:desc', 'id:desc'],
      limit: LIMIT,
    });
    return rows.map((row) => {
      const workOrder = relation(row.workOrder);
      const account = relation(workOrder?.serviceAccount);
      const label = [text(workOrder?.number) ?? text(row.externalId), text(account?.name)]
        .filter(Boolean)
        .join(' · ');
      return {
        documentId: row.documentId,
        label: label || row.documentId,
        start: instant(row.start),
        status: String(row.bookingStatus),
      };
    });
  },

  /** Named records (technicians, accounts, service types, contacts), by name. */
  async named(kind: NamedKind, search = ''): Promise<ResourceOption[]> {
    const term = search.trim();
    const rows = await documents(strapi, NAMED[kind]).findMany({
      filters: term ? { name: { $containsi: term } } : {},
      sort: 'name:asc',
      limit: 500,
    });
    return rows.map((row) => ({ documentId: row.documentId, name: text(row.name) ?? '' }));
  },
});

export type AdminLookupsService = ReturnType<typeof createAdminLookupsService>;
