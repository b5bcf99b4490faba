import type { Core } from '@strapi/strapi';
import {
  PrepareEventsRequest,
  PrepareRemindersRequest,
  RecordResultsRequest,
  type MessagingSettings,
  type PreparedBatch,
  type RecordResultsResponse,
} from '../../../shared/contracts/index.ts';
import { getService } from '../utils/get-service.ts';
import { parseInput } from '../validation/parse.ts';
import { respond, type Context } from './respond.ts';

/** The routes the n8n nodes call (contracts/prepare.ts): two requests per batch. */
export const createMessagingController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Read-only: what the flows' settings are, for a connection check. */
  find: (ctx: Context) =>
    respond(ctx, async () => {
      const settings = getService('settings', { strapi });
      return { body: settings.messaging(await settings.read()) satisfies MessagingSettings };
    }),

  prepareEvents: (ctx: Context) =>
    respond(ctx, async () => {
      const { type, events } = parseInput(PrepareEventsRequest, ctx.request.body);
      const batch = await getService('prepare', { strapi }).events(type, events);
      return { body: batch satisfies PreparedBatch };
    }),

  prepareReminders: (ctx: Context) =>
    respond(ctx, async () => {
      const { cursor, limit } = parseInput(PrepareRemindersRequest, ctx.request.body ?? {});
      const batch = await getService('prepare', { strapi }).reminders(cursor, limit);
      return { body: batch satisfies PreparedBatch };
    }),

  recordResults: (ctx: Context) =>
    respond(ctx, async () => {
      const { results } = parseInput(RecordResultsRequest, ctx.request.body);
      const answer = await getService('results', { strapi }).record(results);
      return { body: answer satisfies RecordResultsResponse };
    }),
});
