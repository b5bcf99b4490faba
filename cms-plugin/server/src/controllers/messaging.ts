import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import {
  ClaimRequest,
  DeliveryResult,
  type ClaimResponse,
  type DueReminders,
  type IssuedAccessCode,
  type MessageContext,
  type MessagingSettings,
  type Notification,
  type SnippetSet,
} from '../../../shared/contracts/messaging.ts';
import { getService } from '../utils/get-service.ts';
import { invalid } from '../validation/errors.ts';
import { parseInput } from '../validation/parse.ts';
import { respond, type Context } from './respond.ts';

const Paging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
const LocaleQuery = z.object({ locale: z.string().max(16).optional() });

function documentId(ctx: Context, name = 'documentId'): string {
  const value = ctx.params[name];
  if (!value) throw invalid(name, 'is required');
  return value;
}

/** The routes the n8n nodes call (contracts/messaging.ts). */
export const createMessagingController = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService('settings', { strapi });

  return {
    find: (ctx: Context) =>
      respond(ctx, async () => {
        const stored = await settings().read();
        return { body: settings().messaging(stored) satisfies MessagingSettings };
      }),

    snippets: (ctx: Context) =>
      respond(ctx, async () => {
        const { locale } = parseInput(LocaleQuery, ctx.query);
        const stored = await settings().read();
        const set = await getService('snippets', { strapi }).forLocale(
          locale,
          stored.defaultLocale,
        );
        return { body: set satisfies SnippetSet };
      }),

    findOne: (ctx: Context) =>
      respond(ctx, async () => {
        const stored = await settings().read();
        const context = await getService('message-context', { strapi }).forBooking(
          documentId(ctx),
          stored.fallbackContactId,
        );
        return { body: context satisfies MessageContext };
      }),

    dueReminders: (ctx: Context) =>
      respond(ctx, async () => {
        const { page, pageSize } = parseInput(Paging, ctx.query);
        const stored = await settings().read();
        const due = await getService('due-reminders', { strapi }).list(
          stored,
          getService('message-context', { strapi }),
          page,
          pageSize,
        );
        return { body: due satisfies DueReminders };
      }),

    claim: (ctx: Context) =>
      respond(ctx, async () => {
        const request = parseInput(ClaimRequest, ctx.request.body);
        const answer = await getService('notifications', { strapi }).claim(request);
        return { status: answer.claimed ? 201 : 409, body: answer satisfies ClaimResponse };
      }),

    recordResult: (ctx: Context) =>
      respond(ctx, async () => {
        const result = parseInput(DeliveryResult, ctx.request.body);
        const notification = await getService('notifications', { strapi }).record(
          documentId(ctx, 'id'),
          result,
        );
        return { body: notification satisfies Notification };
      }),

    issueAccessCode: (ctx: Context) =>
      respond(ctx, async () => {
        const stored = await settings().read();
        const code = await getService('access-codes', { strapi }).issue(documentId(ctx), stored);
        return { status: 201, body: code satisfies IssuedAccessCode };
      }),
  };
};
