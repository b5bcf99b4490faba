import type { Core } from '@strapi/strapi';
import {
  RecordReplyRequest,
  type RecordReplyResponse,
  type ReplyView,
} from '../../../shared/contracts/consent.ts';
import { respond, type Context } from '../controllers/respond.ts';
import { getService } from '../utils/get-service.ts';
import { parseInput } from '../validation/parse.ts';

/** `POST /messaging/replies`: the inbound SMS flow's *Record reply* (integration token). */
export const createRepliesController = ({ strapi }: { strapi: Core.Strapi }) => ({
  record: (ctx: Context) =>
    respond(ctx, async () => {
      const incoming = parseInput(RecordReplyRequest, ctx.request.body);
      const data = await getService('replies', { strapi }).record(incoming);
      return { body: { data } satisfies RecordReplyResponse };
    }),

  /** Admin: a booking's replies, for the notification log. */
  listForBooking: (ctx: Context) =>
    respond(ctx, async () => {
      const documentId = ctx.params.documentId ?? '';
      const data = await getService('replies', { strapi }).forBooking(documentId);
      return { body: { data } satisfies { data: ReplyView[] } };
    }),
});
