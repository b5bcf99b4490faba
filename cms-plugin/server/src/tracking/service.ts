import type { Core } from '@strapi/strapi';
import type { LocationIngestResponse } from '../../../shared/contracts/locations.ts';
import type { StoredSettings } from '../services/settings.ts';
import { getService } from '../utils/get-service.ts';
import { instant, query, relation } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import { destinationOf, createTrackingReads, type TravelingBooking } from './bookings.ts';
import { createEtaKeeper, etaFields } from './eta.ts';
import { checkPositions, itemsOf } from './ingest-check.ts';
import { createLiveFeed } from './live-feed.ts';
import { createPortalViews } from './portal-view.ts';
import { createPositionStore, type PositionStore } from './position-store.ts';
import type { StoredPosition } from './privacy.ts';
import type { Technician } from './technician-tokens.ts';
import { invalid, RequestError } from '../validation/errors.ts';

/** How long settings read for tracking are trusted; a change made here applies at once. */
const SETTINGS_TRUSTED_MS = 2_000;
const HOUR = 3_600_000;

export type IngestOutcome = { report: LocationIngestResponse; stored: number };

/**
 * Live tracking: positions in, the ETA of traveling bookings, the portal's view and its live
 * updates, and the retention of positions.
 */
export const createTrackingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const reads = createTrackingReads(strapi);
  const eta = createEtaKeeper(strapi);
  const views = createPortalViews(strapi, reads);
  let cachedSettings: { value: Promise<StoredSettings>; until: number } | null = null;
  let positionStore: PositionStore | null = null;
  let purgeTimer: ReturnType<typeof setInterval> | null = null;

  function settings(): Promise<StoredSettings> {
    const now = Date.now();
    if (!cachedSettings || cachedSettings.until <= now) {
      const value = getService('settings', { strapi }).read();
      cachedSettings = { value, until: now + SETTINGS_TRUSTED_MS };
      value.catch(() => (cachedSettings = null));
    }
    return cachedSettings.value;
  }

  const live = createLiveFeed(strapi, {
    reads,
    staleSeconds: async () => (await settings()).positionStaleSeconds,
  });

  function background(what: string, work: Promise<unknown>): void {
    work.catch((error: unknown) =>
      strapi.log.error(
        `tracking: ${what} failed: ${error instanceof Error ? error.stack : String(error)}`,
      ),
    );
  }

  /**
   * Whether one of the technician's visits is on its way. A "no" from the cache is checked in
   * the database before a position is refused: "On my way" may have been tapped through another
   * instance a moment ago.
   */
  async function onItsWay(resourceId: number): Promise<boolean> {
    if ((await reads.travelingFor(resourceId)).length > 0) return true;
    return (await reads.travelingFor(resourceId, Date.now(), true)).length > 0;
  }

  /** A technician's latest position is in: the ETA of their traveling bookings, live updates. */
  async function positionArrived(resourceId: number, position: StoredPosition): Promise<void> {
    const bookings = await reads.travelingFor(resourceId);
    if (bookings.length === 0) return;
    const current = await settings();
    for (const booking of bookings) await eta.onPosition(booking, position, current);
    live.changed(bookings.map((booking) => booking.documentId));
  }

  async function purge(now = new Date()): Promise<number> {
    const { locationRetentionDays } = await settings();
    const cutoff = new Date(now.getTime() - locationRetentionDays * 86_400_000);
    const table = strapi.db.metadata.get(UID.location).tableName;
    return strapi.db.connection(table).where('recorded_at', '<', cutoff).delete();
  }

  return {
    settings,
    live,

    async ingest(technician: Technician, body: unknown, now = new Date()): Promise<IngestOutcome> {
      const items = itemsOf(body);
      if (!Array.isArray(items)) throw invalid('(body)', items.problem);
      // The phone app shares a position only while one of the technician's visits is on its
      // way: once arrived (or completed, or stopped), the phone's positions are refused.
      if (technician.phoneApp && !(await onItsWay(technician.resourceId))) {
        throw new RequestError(
          409,
          [],
          'positions from the technician app are taken only while a visit is on its way',
        );
      }
      const checked = checkPositions(items, {
        now,
        retentionDays: (await settings()).locationRetentionDays,
      });
      positionStore ??= createPositionStore(strapi);
      const { stored } = await positionStore.store(technician.resourceId, checked.positions);
      let latest: StoredPosition | null = null;
      let accepted = 0;
      checked.positions.forEach((position, index) => {
        if (!stored[index]) return;
        accepted += 1;
        if (!latest || position.recordedAt > latest.recordedAt) latest = position;
      });
      if (latest) background('ETA update', positionArrived(technician.resourceId, latest));
      return {
        stored: accepted,
        report: {
          accepted,
          duplicates: checked.duplicates + (checked.positions.length - accepted),
          rejected: checked.rejected,
        },
      };
    },

    /** A position placed through the Document Service (the admin's manual entry). */
    positionPlaced(locationDocumentId: string): void {
      background(
        'manual position',
        (async () => {
          const row = await query(strapi, UID.location).findOne({
            where: { documentId: locationDocumentId },
            populate: { resource: { select: ['id', 'documentId'] } },
          });
          const resource = relation(row?.resource);
          if (!row || !resource) return;
          await positionArrived(resource.id, {
            lat: Number(row.latitude),
            lng: Number(row.longitude),
            accuracy: typeof row.accuracy === 'number' ? row.accuracy : null,
            recordedAt: new Date(instant(row.recordedAt)),
          });
        })(),
      );
    },

    /**
     * A booking is about to become traveling: its ETA from the technician's latest position (when
     * it is not stale) is stored with the change itself, so that the "on the way" message
     * carries it. Without a current position the old estimate is cleared.
     */
    async etaForDeparture(
      documentId: string | null,
      resourceDocumentId: string | null | undefined,
      created = false,
    ): Promise<Record<string, unknown> | null> {
      const before = documentId
        ? await query(strapi, UID.booking).findOne({
            where: { documentId },
            select: ['id', 'documentId', 'bookingStatus'],
            populate: {
              resource: { select: ['id', 'documentId'] },
              workOrder: {
                select: ['id', 'documentId'],
                populate: {
                  serviceAccount: {
                    select: ['id', 'documentId', 'latitude', 'longitude', 'timeZone'],
                  },
                },
              },
            },
          })
        : null;
      if (before?.bookingStatus === 'traveling' && resourceDocumentId === undefined && !created) {
        return null;
      }
      const resourceId =
        resourceDocumentId === undefined
          ? (relation(before?.resource)?.id ?? null)
          : resourceDocumentId === null
            ? null
            : ((
                await query(strapi, UID.resource).findOne({
                  where: { documentId: resourceDocumentId },
                  select: ['id', 'documentId'],
                })
              )?.id ?? null);
      const current = await settings();
      const position =
        resourceId === null
          ? null
          : ((await reads.latestPositions([resourceId])).get(resourceId) ?? null);
      const fresh =
        position &&
        Date.now() - position.recordedAt.getTime() <= current.positionStaleSeconds * 1000;
      const account = relation(relation(before?.workOrder)?.serviceAccount);
      if (!fresh || !before) return etaFields(null);
      const booking: TravelingBooking = {
        id: before.id,
        documentId: before.documentId,
        destination: destinationOf(account),
        timeZone: typeof account?.timeZone === 'string' ? account.timeZone : null,
      };
      return etaFields(await eta.estimateNow(booking, position, current));
    },

    /** A booking created already traveling: its ETA, once the booking is stored. */
    departed(documentId: string): void {
      background(
        'ETA at departure',
        (async () => {
          const fields = await this.etaForDeparture(documentId, undefined, true);
          if (!fields) return;
          await query(strapi, UID.booking).update({ where: { documentId }, data: fields });
          live.changed([documentId]);
        })(),
      );
    },

    /** A booking changed (after commit): tracking reads it again, open streams hear of it. */
    bookingChanged(documentId: string | null): void {
      reads.forgetTraveling();
      if (documentId) {
        eta.forget(documentId);
        live.changed([documentId]);
      }
    },

    settingsChanged(): void {
      cachedSettings = null;
      background('retention purge', purge());
    },

    purge,

    /** The portal's view of a code; null stands for "not available" (unknown, expired, blocked). */
    async view(code: string, locale: string | null) {
      const current = await settings();
      const opened =
        code.length <= 256 ? await getService('access-codes', { strapi }).open(code) : null;
      const view = opened ? await views.available(opened.bookingId, locale, current) : null;
      return view
        ? { status: 200, body: view }
        : { status: 404, body: await views.unavailable(locale, current) };
    },

    start(): void {
      live.start();
      background('retention purge', purge());
      purgeTimer = setInterval(() => background('retention purge', purge()), HOUR);
      purgeTimer.unref();
    },

    stop(): void {
      if (purgeTimer) clearInterval(purgeTimer);
      purgeTimer = null;
      live.stop();
    },
  };
};

export type TrackingService = ReturnType<typeof createTrackingService>;
