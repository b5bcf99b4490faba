import type { Core } from '@strapi/strapi';
import { UID } from '../utils/uids.ts';
import { resolveJoinColumns } from './join-columns.ts';
import { getService } from '../utils/get-service.ts';
import { TRACKING_UID } from './uids.ts';

/** The content types whose relations are columns of their own table. */
const JOIN_COLUMN_TYPES = new Set<string>([
  UID.location,
  TRACKING_UID.technicianToken,
  TRACKING_UID.portalRating,
]);

type DocumentContext = {
  uid: string;
  action: string;
  params: { documentId?: unknown; data?: unknown };
};
type Next = () => Promise<unknown>;

function documentIdOf(value: unknown): string | null {
  if (value && typeof value === 'object' && 'documentId' in value) {
    return typeof value.documentId === 'string' ? value.documentId : null;
  }
  return null;
}

/**
 * Keeps tracking in step with changes made through the Document Service (content API, admin,
 * other plugins). Registered before the booking events' middleware (../document-middlewares.ts),
 * so it runs outside their transaction: what it does after `next()` sees the committed change.
 *
 * - A booking becoming traveling gets its ETA in the same write.
 * - Any booking change reaches open live streams at once.
 * - A position placed by hand (admin) counts like one from the app.
 * - Changed settings apply at once (and a shorter retention purges at once).
 */
export function trackingMiddleware(strapi: Core.Strapi) {
  const tracking = () => getService('tracking', { strapi });
  return async (context: DocumentContext, next: Next): Promise<unknown> => {
    const { uid, action, params } = context;
    const writes = action === 'create' || action === 'update';
    if (uid === UID.booking && (writes || action === 'delete')) {
      const data = params.data as Record<string, unknown> | undefined;
      const givenId = typeof params.documentId === 'string' ? params.documentId : null;
      const departs = writes && data !== undefined && data.bookingStatus === 'traveling';
      if (departs && action === 'update') {
        const resource =
          data.resource === undefined || data.resource === null || typeof data.resource === 'string'
            ? (data.resource as string | null | undefined)
            : undefined;
        const eta = await tracking().etaForDeparture(givenId, resource);
        if (eta) Object.assign(data, eta);
      }
      const result = await next();
      const documentId = givenId ?? documentIdOf(result);
      tracking().bookingChanged(documentId);
      if (departs && action === 'create' && documentId) tracking().departed(documentId);
      return result;
    }
    if (writes && JOIN_COLUMN_TYPES.has(uid) && params.data && typeof params.data === 'object') {
      await resolveJoinColumns(strapi, uid, params.data as Record<string, unknown>);
    }
    if (uid === UID.location && action === 'create') {
      const result = await next();
      const documentId = documentIdOf(result);
      if (documentId) tracking().positionPlaced(documentId);
      return result;
    }
    if (uid === UID.settings && writes) {
      const result = await next();
      tracking().settingsChanged();
      return result;
    }
    return next();
  };
}
