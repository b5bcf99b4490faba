import type { Core } from '@strapi/strapi';
import type { MessageContext } from '../../../shared/contracts/messaging.ts';
import { documents } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import type { StoredSettings } from '../services/settings.ts';
import { getService } from '../utils/get-service.ts';
import { bookingPopulate } from './context.ts';

/**
 * The bookings a reminder run looks at, a page at a time in documentId order: scheduled and
 * starting inside the reminder window. Whether each is due (not yet reminded for its current
 * start), and whether a rule holds it back (logged with its reason), is the rules' decision.
 */
export const createDueRemindersService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async page(
    settings: StoredSettings,
    cursor: string | null,
    limit: number,
    now = new Date(),
  ): Promise<{ contexts: MessageContext[]; next: string | null }> {
    const windowEnd = new Date(now.getTime() + settings.reminderWindowDays * 86_400_000);
    const rows = await documents(strapi, UID.booking).findMany({
      filters: {
        bookingStatus: 'scheduled',
        start: { $gt: now.toISOString(), $lte: windowEnd.toISOString() },
        ...(cursor ? { documentId: { $gt: cursor } } : {}),
      },
      populate: bookingPopulate,
      sort: 'documentId:asc',
      limit: limit + 1,
    });
    const more = rows.length > limit;
    const pageRows = more ? rows.slice(0, limit) : rows;
    const contexts = await getService('message-context', { strapi }).forBookings(
      pageRows,
      settings.fallbackContactId,
    );
    return { contexts, next: more ? (pageRows.at(-1)?.documentId ?? null) : null };
  },
});

export type DueRemindersService = ReturnType<typeof createDueRemindersService>;
