import type { Core } from '@strapi/strapi';
import { LOCALES } from '@enroute/content';
import {
  DeadLetterAction,
  type DeadLetter,
  type OutboxBacklog,
} from '../../../shared/contracts/admin.ts';
import type { DeliveryProblems } from '../../../shared/contracts/delivery-problems.ts';
import {
  ManualPosition,
  NotificationLogQuery,
  PositionQuery,
  PreviewRequest,
  type BookingOption,
  type NotificationDetail,
  type NotificationLogPage,
  type PositionPage,
  type PositionView,
  type PreviewResponse,
  type ResourceOption,
  type SnippetList,
} from '../../../shared/contracts/admin-pages.ts';
import {
  ReminderScheduleQuery,
  type ReminderSchedule,
  type SettingsView,
} from '../../../shared/contracts/settings.ts';
import { nextReminderSend } from '../messages/rules/index.ts';
import { tableOf } from '../utils/bulk.ts';
import { UID } from '../utils/uids.ts';
import { namedKinds } from '../services/admin-lookups.ts';
import { getService } from '../utils/get-service.ts';
import { invalid, notFound } from '../validation/errors.ts';
import { parseInput } from '../validation/parse.ts';
import { respond, type Context } from './respond.ts';

type Lifecycle = { strapi: Core.Strapi };

export const createSettingsController = ({ strapi }: Lifecycle) => {
  const settings = () => getService('settings', { strapi });
  const save = () => getService('admin-settings', { strapi });
  return {
    find: (ctx: Context) =>
      respond(ctx, async () => ({
        body: { data: settings().view(await settings().read()) satisfies SettingsView },
      })),

    /** When the next reminders go out in each time zone the accounts use. */
    reminderSchedule: (ctx: Context) =>
      respond(ctx, async () => {
        const draft = parseInput(ReminderScheduleQuery, ctx.query);
        const stored = await settings().read();
        const rules = settings().messaging(stored);
        const reminder = {
          ...rules.reminder,
          sendTime: draft.sendTime ?? rules.reminder.sendTime,
          sendTimeZone: draft.sendTimeZone ?? rules.reminder.sendTimeZone,
        };
        const accounts = tableOf(strapi, UID.serviceAccount);
        const column = accounts.column('timeZone');
        const zones = (await strapi.db
          .connection(accounts.name)
          .select(`${column} as zone`)
          .count('id as accounts')
          .groupBy(column)
          .orderBy(column)) as { zone: string | null; accounts: number | string }[];
        const now = new Date();
        const data: ReminderSchedule = {
          zones: zones.map((row) => {
            const timeZone = row.zone || 'UTC';
            const next = nextReminderSend(
              now,
              { reminder, quietHours: rules.quietHours },
              timeZone,
            );
            return {
              timeZone,
              accounts: Number(row.accounts),
              nextAt: next.at.toISOString(),
              heldByQuietHours: next.heldByQuietHours,
            };
          }),
        };
        return { body: { data } };
      }),

    /** Settings and, optionally, one locale's snippet edits; all checked before any write. */
    update: (ctx: Context) =>
      respond(ctx, async () => ({
        body: { data: (await save().save(ctx.request.body)) satisfies SettingsView },
      })),
  };
};

export const createBookingEventsController = ({ strapi }: Lifecycle) => ({
  backlog: (ctx: Context) =>
    respond(ctx, async () => ({
      body: {
        data: (await getService('booking-events', { strapi }).backlog()) satisfies OutboxBacklog,
      },
    })),

  /** Failures, expiries and dead letters of the settings' window: the admin pages' banner. */
  problems: (ctx: Context) =>
    respond(ctx, async () => ({
      body: {
        data: (await getService('delivery-problems', {
          strapi,
        }).summary()) satisfies DeliveryProblems,
      },
    })),

  /** Retries or discards a dead letter, recorded with who did it. */
  decide: (ctx: Context) =>
    respond(ctx, async () => {
      const id = Number(ctx.params.id);
      if (!Number.isSafeInteger(id) || id < 1) throw notFound('id', 'no such delivery');
      const { action } = parseInput(DeadLetterAction, ctx.request.body);
      const user = ctx.state.user;
      const by = user?.email ?? `admin:${String(user?.id ?? 'unknown')}`;
      const letter = await getService('booking-events', { strapi }).decide(id, action, by);
      return { body: { data: letter satisfies DeadLetter } };
    }),
});

/** The admin pages' reads and actions: log, snippets, preview, positions, pickers. */
export const createAdminPagesController = ({ strapi }: Lifecycle) => {
  const log = () => getService('admin-log', { strapi });
  const snippets = () => getService('admin-snippets', { strapi });
  const preview = () => getService('admin-preview', { strapi });
  const positions = () => getService('admin-positions', { strapi });
  const lookups = () => getService('admin-lookups', { strapi });
  const search = (ctx: Context) => (typeof ctx.query.search === 'string' ? ctx.query.search : '');

  return {
    notifications: (ctx: Context) =>
      respond(ctx, async () => ({
        body: (await log().list(
          parseInput(NotificationLogQuery, ctx.query),
        )) satisfies NotificationLogPage,
      })),

    notification: (ctx: Context) =>
      respond(ctx, async () => ({
        body: {
          data: (await log().detail(ctx.params.documentId ?? '')) satisfies NotificationDetail,
        },
      })),

    snippets: (ctx: Context) =>
      respond(ctx, async () => {
        const locale = typeof ctx.query.locale === 'string' ? ctx.query.locale : 'en';
        if (!(LOCALES as readonly string[]).includes(locale)) {
          throw invalid('locale', `must be one of ${LOCALES.join(', ')}`);
        }
        return { body: { data: (await snippets().list(locale)) satisfies SnippetList } };
      }),

    preview: (ctx: Context) =>
      respond(ctx, async () => ({
        body: {
          data: (await preview().render(
            parseInput(PreviewRequest, ctx.request.body),
          )) satisfies PreviewResponse,
        },
      })),

    positions: (ctx: Context) =>
      respond(ctx, async () => ({
        body: (await positions().list(parseInput(PositionQuery, ctx.query))) satisfies PositionPage,
      })),

    placePosition: (ctx: Context) =>
      respond(ctx, async () => ({
        status: 201,
        body: {
          data: (await positions().place(
            parseInput(ManualPosition, ctx.request.body),
          )) satisfies PositionView,
        },
      })),

    bookings: (ctx: Context) =>
      respond(ctx, async () => ({
        body: { data: (await lookups().bookings(search(ctx))) satisfies BookingOption[] },
      })),

    /** Technicians, accounts, service types or contacts: `/lookups/:kind?search=`. */
    named: (ctx: Context) =>
      respond(ctx, async () => {
        const kind = namedKinds.find((name) => name === ctx.params.kind);
        if (!kind) throw notFound('kind', `must be one of ${namedKinds.join(', ')}`);
        return {
          body: { data: (await lookups().named(kind, search(ctx))) satisfies ResourceOption[] },
        };
      }),
  };
};
