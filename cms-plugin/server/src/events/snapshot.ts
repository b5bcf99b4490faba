import type { Core } from '@strapi/strapi';
import type { BookingSnapshot } from '../../../shared/contracts/booking-event.ts';
import type { BookingStatus } from '../../../shared/contracts/domain.ts';
import { instant, optionalInstant, query, relation, text } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import { storedRequest } from '../tracking/customer-request.ts';

/** The booking as stored right now (inside the caller's transaction), or null. */
export async function readSnapshot(
  strapi: Core.Strapi,
  documentId: string,
): Promise<BookingSnapshot | null> {
  const row = await query(strapi, UID.booking).findOne({
    where: { documentId },
    populate: { resource: { select: ['documentId'] } },
  });
  if (!row) return null;
  return {
    documentId: row.documentId,
    externalId: text(row.externalId),
    status: row.bookingStatus as BookingStatus,
    start: instant(row.start),
    end: instant(row.end),
    resourceId: relation(row.resource)?.documentId ?? null,
    completedAt: optionalInstant(row.completedAt),
    customer: {
      confirmedAt: optionalInstant(row.customerConfirmedAt),
      canceledAt: optionalInstant(row.customerCanceledAt),
      noteAt: optionalInstant(row.customerNoteAt),
      request: storedRequest(row.customerRequest),
    },
  };
}
