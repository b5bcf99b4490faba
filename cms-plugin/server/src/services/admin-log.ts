import type { Core } from '@strapi/strapi';
import type {
  NotificationDetail,
  NotificationLogEntry,
  NotificationLogPage,
  NotificationLogQuery,
} from '../../../shared/contracts/admin-pages.ts';
import { notFound } from '../validation/errors.ts';
import { documents, relation, text, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import { notificationView } from '../messages/notifications.ts';

const DAY = 86_400_000;
const populate = {
  booking: { fields: ['documentId'], populate: { workOrder: { fields: ['number'] } } },
};

/** A bare date means the whole day (UTC): `from` its start, `to` its end. */
function bound(value: string, edge: 'from' | 'to'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(value).toISOString();
  const start = Date.parse(`${value}T00:00:00.000Z`);
  return new Date(edge === 'from' ? start : start + DAY).toISOString();
}

function entry(row: Row): NotificationLogEntry {
  const workOrder = relation(relation(row.booking)?.workOrder);
  return { ...notificationView(row), bookingLabel: text(workOrder?.number) };
}

/** The notification log as the admin reads it: filtered, paged, recipients masked. */
export const createAdminLogService = ({ strapi }: { strapi: Core.Strapi }) => {
  const log = () => documents(strapi, UID.notification);

  return {
    async list(query: NotificationLogQuery): Promise<NotificationLogPage> {
      const filters: Record<string, unknown> = {};
      if (query.bookingId) filters.booking = { documentId: query.bookingId };
      if (query.type) filters.type = query.type;
      if (query.channel) filters.channel = query.channel;
      if (query.state) filters.state = query.state;
      const createdAt: Record<string, string> = {};
      if (query.from) createdAt.$gte = bound(query.from, 'from');
      if (query.to) createdAt.$lt = bound(query.to, 'to');
      if (Object.keys(createdAt).length > 0) filters.createdAt = createdAt;

      const [rows, total] = await Promise.all([
        log().findMany({
          filters,
          populate,
          sort: ['createdAt:desc', 'id:desc'],
          start: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }),
        log().count({ filters }),
      ]);
      return {
        data: rows.map(entry),
        meta: {
          page: query.page,
          pageSize: query.pageSize,
          pageCount: Math.ceil(total / query.pageSize),
          total,
        },
      };
    },

    async detail(documentId: string): Promise<NotificationDetail> {
      const row = await log().findOne({ documentId, populate });
      if (!row) throw notFound('documentId', `no notification with documentId ${documentId}`);
      const content =
        row.content && typeof row.content === 'object'
          ? (row.content as NotificationDetail['content'])
          : null;
      return { ...entry(row), content, providerResponse: row.providerResponse ?? null };
    },
  };
};

export type AdminLogService = ReturnType<typeof createAdminLogService>;
