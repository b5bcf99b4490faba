import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import {
  PrepareEventsRequest,
  PrepareRemindersRequest,
  RecordResultsRequest,
  type DeliveryProblems,
  type IssuedAccessCode,
  type MessageContext,
  type MessagingSettings,
  type PreparedBatch,
  type RecordResultsResponse,
  type SnippetSet,
} from '../../../shared/contracts/index.ts';
import { getService } from '../utils/get-service.ts';
import { invalid, notFound } from '../validation/errors.ts';
import { parseInput } from '../validation/parse.ts';
import { respond, type Context } from './respond.ts';

const LocaleQuery = z.object({ locale: z.string().max(16).optional() });
const TestNow = z.iso.datetime({ offset: true });

/** "Now" for message preparation: the real clock, or a test's (only when `testClock` is on). */
function clock(strapi: Core.Strapi, ctx: Context): Date {
  const header = ctx.get('x-enroute-now');
  if (!header) return new Date();
  if (strapi.config.get('plugin::enroute.testClock') !== true) {
    throw invalid('X-Enroute-Now', 'is for tests only: set enroute.config.testClock to use it');
  }
  const parsed = TestNow.safeParse(header);
  if (!parsed.success) throw invalid('X-Enroute-Now', 'must be an ISO 8601 instant');
  return new Date(parsed.data);
}

/** The routes the n8n nodes call (contracts/prepare.ts): two requests per batch. */
export const createMessagingController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Read-only: what the flows' settings are, for a connection check. */
  find: (ctx: Context) =>
    respond(ctx, async () => {
      const settings = getService('settings', { strapi });
      return { body: settings.messaging(await settings.read()) satisfies MessagingSettings };
    }),

  snippets: (ctx: Context) =>
    respond(ctx, async () => {
      const { locale } = parseInput(LocaleQuery, ctx.query);
      const { defaultLocale } = await getService('settings', { strapi }).read();
      const set = await getService('snippets', { strapi }).forLocale(locale, defaultLocale);
      return { body: set satisfies SnippetSet };
    }),

  findOne: (ctx: Context) =>
    respond(ctx, async () => {
      const documentId = ctx.params.documentId;
      if (!documentId) throw invalid('documentId', 'is required');
      const { fallbackContactId } = await getService('settings', { strapi }).read();
      const contexts = await getService('message-context', { strapi }).forDocumentIds(
        [documentId],
        fallbackContactId,
      );
      const context = contexts.get(documentId);
      if (!context) throw notFound('documentId', `no booking with documentId ${documentId}`);
      return { body: context satisfies MessageContext };
    }),

  /** What the "delivery problems" flow asks on its schedule: whether someone is to be told. */
  deliveryProblems: (ctx: Context) =>
    respond(ctx, async () => {
      const summary = await getService('delivery-problems', { strapi }).summary(clock(strapi, ctx));
      return { body: summary satisfies DeliveryProblems };
    }),

  prepareEvents: (ctx: Context) =>
    respond(ctx, async () => {
      const { type, events } = parseInput(PrepareEventsRequest, ctx.request.body);
      const batch = await getService('prepare', { strapi }).events(
        type,
        events,
        clock(strapi, ctx),
      );
      return { body: batch satisfies PreparedBatch };
    }),

  prepareReminders: (ctx: Context) =>
    respond(ctx, async () => {
      const { cursor, limit } = parseInput(PrepareRemindersRequest, ctx.request.body ?? {});
      const batch = await getService('prepare', { strapi }).reminders(
        cursor,
        limit,
        clock(strapi, ctx),
      );
      return { body: batch satisfies PreparedBatch };
    }),

  issueAccessCode: (ctx: Context) =>
    respond(ctx, async () => {
      const documentId = ctx.params.documentId;
      if (!documentId) throw invalid('documentId', 'is required');
      const settings = await getService('settings', { strapi }).read();
      const { created, ...code } = await getService('access-codes', { strapi }).issue(
        documentId,
        settings,
      );
      return { status: created ? 201 : 200, body: code satisfies IssuedAccessCode };
    }),

  recordResults: (ctx: Context) =>
    respond(ctx, async () => {
      const { results } = parseInput(RecordResultsRequest, ctx.request.body);
      const answer = await getService('results', { strapi }).record(results, clock(strapi, ctx));
      return { body: answer satisfies RecordResultsResponse };
    }),
});
