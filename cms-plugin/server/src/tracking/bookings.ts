import type { Core } from '@strapi/strapi';
import type { BookingStatus, GeoPoint } from '../../../shared/contracts/domain.ts';
import { instant, optionalInstant, query, relation, text, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import type { StoredEta, StoredPosition } from './privacy.ts';

/** A traveling booking as the ETA needs it: where the technician is going, in which zone. */
export type TravelingBooking = {
  id: number;
  documentId: string;
  destination: GeoPoint | null;
  timeZone: string | null;
};

/** What the live channel and the privacy rules need of a booking. */
export type TrackedBooking = {
  id: number;
  documentId: string;
  state: BookingStatus;
  resourceId: number | null;
  eta: StoredEta;
};

/** How long the traveling bookings of a technician are trusted without asking again. */
const TRAVELING_TRUSTED_MS = 5_000;

function number(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function destinationOf(account: Row | null): GeoPoint | null {
  const lat = number(account?.latitude);
  const lng = number(account?.longitude);
  return lat === null || lng === null ? null : { lat, lng };
}

export function storedEta(row: Row): StoredEta {
  const arrivesAt = optionalInstant(row.etaArrivesAt);
  const computedAt = optionalInstant(row.etaComputedAt);
  return {
    arrivesAt: arrivesAt ? new Date(arrivesAt) : null,
    computedAt: computedAt ? new Date(computedAt) : null,
    source: text(row.etaSource),
    fallback: row.etaFallback === true || row.etaFallback === 1,
  };
}

function positionOf(row: Record<string, unknown>): StoredPosition {
  return {
    lat: Number(row.latitude),
    lng: Number(row.longitude),
    accuracy: number(row.accuracy),
    recordedAt: new Date(instant(row.recorded_at)),
  };
}

/** Reads bookings and positions for tracking, keeping the hot path (each position post) cheap. */
export function createTrackingReads(strapi: Core.Strapi) {
  const locations = strapi.db.metadata.get(UID.location).tableName;
  const traveling = new Map<number, { bookings: TravelingBooking[]; until: number }>();

  return {
    /**
     * The traveling bookings of a technician (usually one), briefly cached; `fresh` reads them
     * again (a change made through another instance is not in this one's cache).
     */
    async travelingFor(
      resourceId: number,
      now = Date.now(),
      fresh = false,
    ): Promise<TravelingBooking[]> {
      const cached = traveling.get(resourceId);
      if (!fresh && cached && cached.until > now) return cached.bookings;
      const rows = await query(strapi, UID.booking).findMany({
        where: { bookingStatus: 'traveling', resource: { id: resourceId } },
        select: ['id', 'documentId'],
        populate: {
          workOrder: {
            select: ['id', 'documentId'],
            populate: {
              serviceAccount: { select: ['id', 'documentId', 'latitude', 'longitude', 'timeZone'] },
            },
          },
        },
      });
      const bookings = rows.map((row) => {
        const account = relation(relation(row.workOrder)?.serviceAccount);
        return {
          id: row.id,
          documentId: row.documentId,
          destination: destinationOf(account),
          timeZone: text(account?.timeZone),
        };
      });
      if (traveling.size > 100_000) traveling.clear();
      traveling.set(resourceId, { bookings, until: now + TRAVELING_TRUSTED_MS });
      return bookings;
    },

    /** A booking changed: its technician's traveling bookings are read again. */
    forgetTraveling(): void {
      traveling.clear();
    },

    async tracked(documentIds: string[]): Promise<TrackedBooking[]> {
      if (documentIds.length === 0) return [];
      const rows = await query(strapi, UID.booking).findMany({
        where: { documentId: { $in: documentIds } },
        select: [
          'id',
          'documentId',
          'bookingStatus',
          'etaArrivesAt',
          'etaComputedAt',
          'etaSource',
          'etaFallback',
        ],
        populate: { resource: { select: ['id', 'documentId'] } },
      });
      return rows.map((row) => ({
        id: row.id,
        documentId: row.documentId,
        state: row.bookingStatus as BookingStatus,
        resourceId: relation(row.resource)?.id ?? null,
        eta: storedEta(row),
      }));
    },

    /** Each technician's latest position, by resource id. */
    async latestPositions(resourceIds: number[]): Promise<Map<number, StoredPosition>> {
      const found = new Map<number, StoredPosition>();
      const ids = [...new Set(resourceIds)];
      if (ids.length === 0) return found;
      const knex = strapi.db.connection;
      const latest = knex(locations)
        .select('resource_id')
        .max({ latest: 'recorded_at' })
        .whereIn('resource_id', ids)
        .groupBy('resource_id')
        .as('latest');
      const rows = (await knex(`${locations} as l`)
        .join(latest, function on() {
          this.on('l.resource_id', '=', 'latest.resource_id').andOn(
            'l.recorded_at',
            '=',
            'latest.latest',
          );
        })
        .select(
          'l.resource_id',
          'l.latitude',
          'l.longitude',
          'l.accuracy',
          'l.recorded_at',
        )) as Record<string, unknown>[];
      for (const row of rows) found.set(Number(row.resource_id), positionOf(row));
      return found;
    },
  };
}

export type TrackingReads = ReturnType<typeof createTrackingReads>;
