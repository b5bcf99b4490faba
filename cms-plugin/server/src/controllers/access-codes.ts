import type { Core } from '@strapi/strapi';
import { AccessCodeAction, type AccessCodeView } from '../../../shared/contracts/admin.ts';
import type { AccessCodeCheck } from '../../../shared/contracts/integration.ts';
import { getService } from '../utils/get-service.ts';
import { RequestError, invalid } from '../validation/errors.ts';
import { parseInput } from '../validation/parse.ts';
import { respond, type Context } from './respond.ts';

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export const createAccessCodesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const codes = () => getService('access-codes', { strapi });

  return {
    /** Content API, read scope: does this token open a booking now? Unknown, expired and
     * blocked codes get the same 404. */
    findOne: (ctx: Context) =>
      respond(ctx, async () => {
        const token = ctx.params.token ?? '';
        const found = TOKEN.test(token) ? await codes().check(token) : null;
        if (!found)
          throw new RequestError(
            404,
            [{ path: 'token', message: 'no such access code' }],
            'Not Found',
          );
        return { body: { data: found } satisfies AccessCodeCheck };
      }),

    /** Admin: the codes of one booking. */
    list: (ctx: Context) =>
      respond(ctx, async () => {
        const bookingId = typeof ctx.query.bookingId === 'string' ? ctx.query.bookingId : '';
        if (!bookingId) throw invalid('bookingId', 'is required');
        return {
          body: { data: (await codes().listForBooking(bookingId)) satisfies AccessCodeView[] },
        };
      }),

    /** Content API (full access): the codes of one booking, without their tokens. */
    listForBooking: (ctx: Context) =>
      respond(ctx, async () => {
        const bookingId = ctx.params.documentId ?? '';
        await getService('records', { strapi }).findBooking(bookingId);
        return {
          body: { data: (await codes().listForBooking(bookingId)) satisfies AccessCodeView[] },
        };
      }),

    /** Admin: extend, expire, block or unblock; recorded with who did it. */
    apply: (ctx: Context) =>
      respond(ctx, async () => {
        const change = parseInput(AccessCodeAction, ctx.request.body);
        const user = ctx.state.user;
        const by = user?.email ?? `admin:${String(user?.id ?? 'unknown')}`;
        const view = await codes().apply(ctx.params.documentId ?? '', change, by);
        return { body: { data: view satisfies AccessCodeView } };
      }),
  };
};
