import type { Core } from '@strapi/strapi';
import type { MessageContext } from '../../../shared/contracts/messaging.ts';
import { joinColumnOf, tableOf } from '../utils/bulk.ts';
import { query } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import type { StoredSettings } from '../services/settings.ts';
import { getService } from '../utils/get-service.ts';
import { bookingPopulate } from './context.ts';
import { channelsFor } from './rules/channels.ts';

const DAY_MS = 86_400_000;

/**
 * The bookings a reminder run looks at, a page at a time in row order (keyset: the cursor is the
 * last row id of the page before): scheduled, starting inside the reminder window, and not yet
 * reminded for their current start on every channel the settings allow, all decided in the
 * database, so each page costs the same whatever the window holds. Whether each is due now (its
 * send time has come, quiet hours) and whether a rule holds it back is the rules' decision.
 */
export const createDueRemindersService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async page(
    settings: StoredSettings,
    cursor: string | null,
    limit: number,
    now = new Date(),
  ): Promise<{ contexts: MessageContext[]; next: string | null }> {
    const windowEnd = new Date(now.getTime() + settings.reminderWindowDays * DAY_MS);
    const after = cursor && /^\d+$/.test(cursor) ? Number(cursor) : 0;
    const bookings = tableOf(strapi, UID.booking);
    const log = tableOf(strapi, UID.notification);
    const bookingColumn = joinColumnOf(strapi, UID.notification, 'booking');
    const knex = strapi.db.connection;
    // Through the log's index on (booking, type): a few rows per booking, whatever the log holds.
    const reminded = knex(log.name)
      .countDistinct(`${log.name}.${log.column('channel')}`)
      .whereRaw('?? = ??', [`${log.name}.${bookingColumn}`, `${bookings.name}.id`])
      .where(`${log.name}.${log.column('type')}`, 'reminder')
      .whereIn(`${log.name}.${log.column('state')}`, ['pending', 'sent'])
      .whereRaw('?? = ??', [
        `${log.name}.${log.column('bookingStart')}`,
        `${bookings.name}.${bookings.column('start')}`,
      ]);
    const rows = (await knex(bookings.name)
      .select(`${bookings.name}.id`)
      .where(`${bookings.name}.${bookings.column('bookingStatus')}`, 'scheduled')
      .where(`${bookings.name}.${bookings.column('start')}`, '>', now)
      .where(`${bookings.name}.${bookings.column('start')}`, '<=', windowEnd)
      .where(`${bookings.name}.id`, '>', after)
      .whereRaw('(?) < ?', [reminded, channelsFor(settings.channel).length])
      .orderBy(`${bookings.name}.id`)
      .limit(limit + 1)) as { id: number }[];
    const more = rows.length > limit;
    const ids = rows.slice(0, limit).map((row) => Number(row.id));
    // The query engine reads the page with its relations in a few statements, without the
    // Document Service's per-document work (the plugin's types have no drafts or locales).
    const found =
      ids.length > 0
        ? await query(strapi, UID.booking).findMany({
            where: { id: { $in: ids } },
            populate: bookingPopulate,
          })
        : [];
    found.sort((a, b) => a.id - b.id);
    const contexts = await getService('message-context', { strapi }).forBookings(
      found,
      settings.fallbackContactId,
    );
    return { contexts, next: more ? String(ids.at(-1)) : null };
  },
});

export type DueRemindersService = ReturnType<typeof createDueRemindersService>;
