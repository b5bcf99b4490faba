import type { Core } from '@strapi/strapi';
import type { GeoPoint } from '../../../shared/contracts/domain.ts';
import type { MessageContext } from '../../../shared/contracts/messaging.ts';
import type { STATIC_MAP_PLACEHOLDERS } from '../../../shared/contracts/settings.ts';
import type { StoredSettings } from '../services/settings.ts';
import { createTrackingReads, destinationOf } from '../tracking/bookings.ts';
import { visiblePosition } from '../tracking/privacy.ts';
import { query, relation } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';

/** The image's size in the email (its column is 552 px wide; twice that for sharp screens). */
export const STATIC_MAP_SIZE = { width: 1104, height: 552 };

/**
 * A static map URL from the settings' template: the technician at {lat},{lng}, the visit at
 * {destLat},{destLng} (the technician's position when the account has none), and the size.
 */
export function staticMapUrl(template: string, technician: GeoPoint, visit: GeoPoint | null) {
  const values: Record<(typeof STATIC_MAP_PLACEHOLDERS)[number], string> = {
    lat: technician.lat.toFixed(5),
    lng: technician.lng.toFixed(5),
    destLat: (visit ?? technician).lat.toFixed(5),
    destLng: (visit ?? technician).lng.toFixed(5),
    width: String(STATIC_MAP_SIZE.width),
    height: String(STATIC_MAP_SIZE.height),
  };
  return template.replace(
    /\{([A-Za-z]+)\}/g,
    (whole, name: string) => values[name as keyof typeof values] ?? whole,
  );
}

/**
 * The map an "on the way" message carries: only with a provider in the settings, only for a
 * traveling booking, and only with a position the customer may see (recent, while traveling);
 * otherwise none, and the email says the address and arrival time alone.
 */
export function createStaticMaps(strapi: Core.Strapi, settings: StoredSettings, now: Date) {
  const reads = createTrackingReads(strapi);
  return async (context: MessageContext): Promise<{ url: string } | null> => {
    const template = settings.staticMapUrl;
    if (!template || context.booking.status !== 'traveling' || !context.technician) return null;
    const row = await query(strapi, UID.booking).findOne({
      where: { documentId: context.booking.documentId },
      select: ['id'],
      populate: {
        resource: { select: ['id', 'documentId'] },
        workOrder: {
          select: ['id', 'documentId'],
          populate: { serviceAccount: { select: ['documentId', 'latitude', 'longitude'] } },
        },
      },
    });
    const resource = relation(row?.resource);
    if (!row || !resource) return null;
    const stored = (await reads.latestPositions([resource.id])).get(resource.id) ?? null;
    const position = visiblePosition('traveling', stored, {
      now,
      staleSeconds: settings.positionStaleSeconds,
    });
    if (!position || position.stale) return null;
    const visit = destinationOf(relation(relation(row.workOrder)?.serviceAccount));
    return { url: staticMapUrl(template, position, visit) };
  };
}

export type StaticMaps = ReturnType<typeof createStaticMaps>;
