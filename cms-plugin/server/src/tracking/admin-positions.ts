import type { Core } from '@strapi/strapi';
import type {
  ManualPosition,
  PositionPage,
  PositionQuery,
  PositionView,
} from '../../../shared/contracts/admin-pages.ts';
import { invalid, notFound } from '../validation/errors.ts';
import { documents, instant, relation, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';

/** A device clock a little ahead is tolerated; a position further in the future is not. */
const CLOCK_SKEW_MS = 60_000;

function view(row: Row, resourceId: string): PositionView {
  return {
    documentId: row.documentId,
    resourceId: relation(row.resource)?.documentId ?? resourceId,
    lat: Number(row.latitude),
    lng: Number(row.longitude),
    accuracy: typeof row.accuracy === 'number' ? row.accuracy : null,
    recordedAt: instant(row.recordedAt),
    source: row.source === 'manual' ? 'manual' : 'app',
  };
}

/** Geolocation tracking as the admin sees it: positions per technician, and placing one by hand. */
export const createAdminPositionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const locations = () => documents(strapi, UID.location);

  async function requireResource(resourceId: string): Promise<void> {
    const found = await documents(strapi, UID.resource).findOne({ documentId: resourceId });
    if (!found) throw notFound('resourceId', `no technician with documentId ${resourceId}`);
  }

  return {
    async list(query: PositionQuery): Promise<PositionPage> {
      await requireResource(query.resourceId);
      const filters = { resource: { documentId: query.resourceId } };
      const [rows, total] = await Promise.all([
        locations().findMany({
          filters,
          sort: ['recordedAt:desc', 'id:desc'],
          start: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }),
        locations().count({ filters }),
      ]);
      return {
        data: rows.map((row) => view(row, query.resourceId)),
        meta: {
          page: query.page,
          pageSize: query.pageSize,
          pageCount: Math.ceil(total / query.pageSize),
          total,
        },
      };
    },

    async place(position: ManualPosition, now = new Date()): Promise<PositionView> {
      await requireResource(position.resourceId);
      const recordedAt = position.recordedAt ?? now.toISOString();
      if (Date.parse(recordedAt) > now.getTime() + CLOCK_SKEW_MS) {
        throw invalid('recordedAt', 'must not be in the future');
      }
      const created = await locations().create({
        data: {
          resource: position.resourceId,
          latitude: position.lat,
          longitude: position.lng,
          accuracy: position.accuracy ?? null,
          recordedAt: new Date(recordedAt).toISOString(),
          source: 'manual',
        },
      });
      return view(created, position.resourceId);
    },
  };
};

export type AdminPositionsService = ReturnType<typeof createAdminPositionsService>;
