import type { Core } from '@strapi/strapi';
import type { BookingStatus } from '../../../shared/contracts/domain.ts';
import type {
  SignInLink,
  TechnicianStatus,
  TechnicianVisit,
  TodaysVisits,
} from '../../../shared/contracts/technician-app.ts';
import { getService } from '../utils/get-service.ts';
import { instant, query, relation, text, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import { RequestError } from '../validation/errors.ts';
import { destinationOf } from './bookings.ts';
import type { Technician } from './technician-tokens.ts';
import { startsToday, technicianMayMove } from './todays-visits.ts';

/** A sign-in link works for a week; a session for a working day, never past its link. */
export const SIGN_IN_LINK_LIFETIME_MS = 7 * 24 * 3600_000;
export const SESSION_LIFETIME_MS = 12 * 3600_000;

/** Bookings this far either side of now may start today somewhere on Earth. */
const DAY_SPAN_MS = 30 * 3600_000;

const BOOKING_POPULATE = {
  resource: { select: ['id', 'documentId', 'name'] },
  workOrder: {
    select: ['id', 'documentId', 'number'],
    populate: {
      serviceAccount: {
        select: ['id', 'documentId', 'name', 'address', 'latitude', 'longitude', 'timeZone'],
      },
      serviceType: { select: ['id', 'documentId', 'name'] },
    },
  },
};

function visitOf(row: Row): TechnicianVisit {
  const workOrder = relation(row.workOrder);
  const account = relation(workOrder?.serviceAccount);
  return {
    documentId: row.documentId,
    start: instant(row.start),
    end: instant(row.end),
    timeZone: text(account?.timeZone) ?? 'UTC',
    status: row.bookingStatus as BookingStatus,
    customer: text(account?.name),
    address: text(account?.address),
    destination: destinationOf(account),
    workOrder: text(workOrder?.number),
    serviceType: text(relation(workOrder?.serviceType)?.name),
    note: text(row.customerNote),
  };
}

/**
 * What the technician's phone app reads and does: today's visits of the signed-in technician,
 * and their status, changed through the records service (the Document Service, so that tracking,
 * the outbox and the messages follow as for any other change).
 */
export const createTechnicianAppService = ({ strapi }: { strapi: Core.Strapi }) => {
  const bookings = () => query(strapi, UID.booking);

  async function technicianName(technician: Technician): Promise<string> {
    const row = await query(strapi, UID.resource).findOne({
      where: { id: technician.resourceId },
      select: ['id', 'documentId', 'name'],
    });
    return text(row?.name) ?? '';
  }

  return {
    technicianName,

    async today(technician: Technician, now = new Date()): Promise<TodaysVisits> {
      const rows = await bookings().findMany({
        where: {
          resource: { id: technician.resourceId },
          start: {
            $gte: new Date(now.getTime() - DAY_SPAN_MS),
            $lte: new Date(now.getTime() + DAY_SPAN_MS),
          },
        },
        populate: BOOKING_POPULATE,
        orderBy: [{ start: 'asc' }, { id: 'asc' }],
      });
      const visits = rows
        .map(visitOf)
        .filter((visit) => startsToday(new Date(visit.start), visit.timeZone, now));
      return { technician: { name: await technicianName(technician) }, visits };
    },

    async changeStatus(
      technician: Technician,
      documentId: string,
      status: TechnicianStatus,
    ): Promise<TechnicianVisit> {
      const row = await bookings().findOne({ where: { documentId }, populate: BOOKING_POPULATE });
      if (!row || relation(row.resource)?.id !== technician.resourceId) {
        // The same answer for another technician's booking and for none at all.
        throw new RequestError(403, [{ path: 'documentId', message: 'not one of your visits' }]);
      }
      const from = row.bookingStatus as BookingStatus;
      if (!technicianMayMove(from, status)) {
        throw new RequestError(409, [
          { path: 'status', message: `a ${from} visit cannot become ${status}` },
        ]);
      }
      if (from !== status)
        await getService('records', { strapi }).changeBooking(documentId, { status });
      const after = await bookings().findOne({ where: { documentId }, populate: BOOKING_POPULATE });
      return visitOf(after ?? row);
    },

    /** A sign-in link for a technician, on the portal address of the settings. */
    async signInLink(resourceDocumentId: string, now = new Date()): Promise<SignInLink> {
      const issued = await getService('technician-tokens', { strapi }).issueLink(
        resourceDocumentId,
        SIGN_IN_LINK_LIFETIME_MS,
        now,
      );
      const settings = await getService('settings', { strapi }).read();
      const base = settings.portalBaseUrl.replace(/\/+$/, '');
      return {
        documentId: issued.documentId,
        url: `${base}/tech/sign-in/${issued.token}`,
        expiresAt: issued.expiresAt.toISOString(),
      };
    },
  };
};

export type TechnicianAppService = ReturnType<typeof createTechnicianAppService>;
