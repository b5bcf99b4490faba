import type { Core } from '@strapi/strapi';
import type { DueReminders } from '../../../shared/contracts/messaging.ts';
import { documents, instant, query, relation, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import type { StoredSettings } from './settings.ts';
import { bookingPopulate, type MessageContextService } from './message-context.ts';

/**
 * Scheduled bookings that start inside the reminder window, minus excluded accounts and
 * service types, minus those whose reminder for the current start is already logged
 * (claimed or sent).
 */
export const createDueRemindersService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** `<booking id>@<start>` for every reminder claimed or sent for these bookings. */
  async function loggedReminders(rows: Row[]): Promise<Set<string>> {
    const keys = new Set<string>();
    if (rows.length === 0) return keys;
    const logged = await query(strapi, UID.notification).findMany({
      where: {
        type: 'reminder',
        state: { $in: ['pending', 'sent'] },
        booking: { id: { $in: rows.map((row) => row.id) } },
      },
      populate: { booking: { select: ['id', 'documentId'] } },
    });
    for (const row of logged) {
      const booking = relation(row.booking);
      if (booking && row.bookingStart) keys.add(`${booking.id}@${instant(row.bookingStart)}`);
    }
    return keys;
  }

  function excluded(settings: StoredSettings, row: Row): boolean {
    const workOrder = relation(row.workOrder);
    const account = relation(workOrder?.serviceAccount);
    const serviceType = relation(workOrder?.serviceType);
    if (!account || settings.excludedAccountIds.includes(account.documentId)) return true;
    return Boolean(serviceType && settings.excludedServiceTypeIds.includes(serviceType.documentId));
  }

  return {
    async list(
      settings: StoredSettings,
      contexts: MessageContextService,
      page: number,
      pageSize: number,
      now = new Date(),
    ): Promise<DueReminders> {
      const windowEnd = new Date(now.getTime() + settings.reminderWindowDays * 86_400_000);
      const rows = await documents(strapi, UID.booking).findMany({
        filters: {
          bookingStatus: 'scheduled',
          start: { $gt: now.toISOString(), $lte: windowEnd.toISOString() },
        },
        populate: bookingPopulate,
        sort: 'documentId:asc',
      });
      const candidates = rows.filter((row) => !excluded(settings, row));
      const logged = await loggedReminders(candidates);
      const due = candidates.filter((row) => !logged.has(`${row.id}@${instant(row.start)}`));
      const slice = due.slice((page - 1) * pageSize, page * pageSize);
      return {
        data: await contexts.forBookings(slice, settings.fallbackContactId),
        meta: { page, pageSize, pageCount: Math.ceil(due.length / pageSize), total: due.length },
      };
    },
  };
};

export type DueRemindersService = ReturnType<typeof createDueRemindersService>;
