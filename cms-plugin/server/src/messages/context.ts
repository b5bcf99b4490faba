import type { Core } from '@strapi/strapi';
import type { ContactView, MessageContext } from '../../../shared/contracts/messaging.ts';
import type { BookingStatus } from '../../../shared/contracts/domain.ts';
import { notFound } from '../validation/errors.ts';
import { documents, instant, optionalInstant, relation, text, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import { joinColumnOf, tableOf } from '../utils/bulk.ts';

type History = MessageContext['history'];

/** What the message rules need about one booking, gathered in one answer. */
export const bookingPopulate = {
  resource: true,
  workOrder: {
    populate: {
      serviceAccount: { populate: { primaryContact: true } },
      serviceType: true,
      reportedBy: true,
    },
  },
} as const;

function contactView(row: Row | null): ContactView | null {
  if (!row) return null;
  return {
    documentId: row.documentId,
    name: text(row.name) ?? '',
    email: text(row.email),
    mobilePhone: text(row.mobilePhone),
    locale: text(row.locale),
    emailOptOut: row.emailOptOut === true,
    smsOptOut: row.smsOptOut === true,
  };
}

export const createMessageContextService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** What each booking's log holds of reminders and rescheduled messages, oldest first. */
  async function histories(bookingIds: number[]): Promise<Map<number, History>> {
    const found = new Map<number, History>();
    if (bookingIds.length === 0) return found;
    // Straight from the log's own booking column, through its (booking, type) index.
    const log = tableOf(strapi, UID.notification);
    const bookingColumn = joinColumnOf(strapi, UID.notification, 'booking');
    const rows = (await strapi.db
      .connection(log.name)
      .select({
        bookingId: bookingColumn,
        type: log.column('type'),
        channel: log.column('channel'),
        state: log.column('state'),
        bookingStart: log.column('bookingStart'),
        updatedAt: log.column('updatedAt'),
      })
      .whereIn(bookingColumn, bookingIds)
      .whereIn(log.column('type'), ['reminder', 'rescheduled'])
      .whereIn(log.column('state'), ['pending', 'sent'])
      .orderBy([log.column('updatedAt'), 'id'])) as Row[];
    for (const row of rows) {
      const bookingId = Number(row.bookingId);
      if (row.bookingStart === null || row.bookingStart === undefined) continue;
      const list = found.get(bookingId) ?? [];
      list.push({
        type: row.type as History[number]['type'],
        channel: row.channel as History[number]['channel'],
        state: row.state as History[number]['state'],
        start: instant(row.bookingStart),
        at: instant(row.updatedAt),
      });
      found.set(bookingId, list);
    }
    return found;
  }

  async function fallbackContact(fallbackContactId: string | null): Promise<ContactView | null> {
    if (!fallbackContactId) return null;
    return contactView(
      await documents(strapi, UID.contact).findOne({ documentId: fallbackContactId }),
    );
  }

  function build(row: Row, history: History, fallback: ContactView | null): MessageContext | null {
    const workOrder = relation(row.workOrder);
    const account = relation(workOrder?.serviceAccount);
    if (!workOrder || !account) return null;
    const serviceType = relation(workOrder.serviceType);
    const technician = relation(row.resource);
    const arrivesAt = optionalInstant(row.etaArrivesAt);
    return {
      booking: {
        documentId: row.documentId,
        externalId: text(row.externalId),
        status: row.bookingStatus as BookingStatus,
        start: instant(row.start),
        end: instant(row.end),
        completedAt: optionalInstant(row.completedAt),
        confirmedAt: optionalInstant(row.customerConfirmedAt),
        eta: arrivesAt ? { arrivesAt, source: text(row.etaSource) ?? 'builtin' } : null,
        trip: typeof row.trip === 'number' ? row.trip : Number(row.trip ?? 0),
      },
      workOrder: { documentId: workOrder.documentId, number: text(workOrder.number) ?? '' },
      serviceAccount: {
        documentId: account.documentId,
        name: text(account.name) ?? '',
        address: text(account.address) ?? '',
        timeZone: text(account.timeZone) ?? 'UTC',
        primaryContact: contactView(relation(account.primaryContact)),
      },
      serviceType: serviceType
        ? { documentId: serviceType.documentId, name: text(serviceType.name) ?? '' }
        : null,
      reportedBy: contactView(relation(workOrder.reportedBy)),
      fallbackContact: fallback,
      technician: technician
        ? {
            documentId: technician.documentId,
            name: text(technician.name) ?? '',
            phone: text(technician.phone),
          }
        : null,
      history,
    };
  }

  return {
    async forBooking(
      documentId: string,
      fallbackContactId: string | null,
    ): Promise<MessageContext> {
      const row = await documents(strapi, UID.booking).findOne({
        documentId,
        populate: bookingPopulate,
      });
      const context = row
        ? build(
            row,
            (await histories([row.id])).get(row.id) ?? [],
            await fallbackContact(fallbackContactId),
          )
        : null;
      if (!context) throw notFound('documentId', `no booking with documentId ${documentId}`);
      return context;
    },

    /** The contexts of the bookings that still exist among these, by documentId. */
    async forDocumentIds(
      documentIds: string[],
      fallbackContactId: string | null,
    ): Promise<Map<string, MessageContext>> {
      if (documentIds.length === 0) return new Map();
      const rows = await documents(strapi, UID.booking).findMany({
        filters: { documentId: { $in: documentIds } },
        populate: bookingPopulate,
      });
      const contexts = await this.forBookings(rows, fallbackContactId);
      return new Map(contexts.map((context) => [context.booking.documentId, context]));
    },

    async forBookings(rows: Row[], fallbackContactId: string | null): Promise<MessageContext[]> {
      const logged = await histories(rows.map((row) => row.id));
      const fallback = await fallbackContact(fallbackContactId);
      return rows.flatMap((row) => build(row, logged.get(row.id) ?? [], fallback) ?? []);
    },
  };
};

export type MessageContextService = ReturnType<typeof createMessageContextService>;
