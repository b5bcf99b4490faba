import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { RatingRequest } from '../../../shared/contracts/portal-view.ts';
import {
  CustomerActionRequest,
  RequestDecision,
} from '../../../shared/contracts/customer-actions.ts';
import { IssueTechnicianToken } from '../../../shared/contracts/technician-tokens.ts';
import { respond, type Context } from '../controllers/respond.ts';
import { getService } from '../utils/get-service.ts';
import { RequestError, errorBody } from '../validation/errors.ts';
import { parseInput } from '../validation/parse.ts';
import { rateBooking } from './ratings.ts';
import { sseRetry } from './sse.ts';

/** The part of Koa's context these endpoints use beyond the plugin's own controllers. */
type HttpContext = Context & {
  get(header: string): string;
  set(headers: Record<string, string>): void;
  req: IncomingMessage;
  res: ServerResponse;
};

const tracking = (strapi: Core.Strapi) => getService('tracking', { strapi });
const technicianTokens = (strapi: Core.Strapi) => getService('technician-tokens', { strapi });

function bearer(ctx: HttpContext): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'));
  return match?.[1] ?? null;
}

const PRIVATE_PAGE = { 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' };

function locale(ctx: Context): string | null {
  return typeof ctx.query.locale === 'string' && ctx.query.locale.length <= 35
    ? ctx.query.locale
    : null;
}

export const createLocationsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `POST /locations` with a technician token: one position or a batch. */
  ingest: (ctx: HttpContext) =>
    respond(ctx, async () => {
      const technician = await technicianTokens(strapi).authenticate(bearer(ctx));
      if (!technician) {
        ctx.set({ 'www-authenticate': 'Bearer realm="enroute-locations"' });
        throw new RequestError(401, [], 'a valid technician token is required');
      }
      const { report } = await tracking(strapi).ingest(technician, ctx.request.body);
      if (report.accepted + report.duplicates > 0) return { body: { data: report } };
      throw new RequestError(
        422,
        report.rejected.flatMap((item) =>
          item.errors.map((error) => ({
            path: `${item.index}.${error.path}`,
            message: error.message,
          })),
        ),
        'no position could be stored',
      );
    }),

  issueToken: (ctx: HttpContext) =>
    respond(ctx, async () => ({
      status: 201,
      body: {
        data: await technicianTokens(strapi).issue(
          parseInput(IssueTechnicianToken, ctx.request.body),
        ),
      },
    })),

  revokeToken: (ctx: HttpContext) =>
    respond(ctx, async () => ({
      body: { data: await technicianTokens(strapi).revoke(ctx.params.documentId ?? '') },
    })),
});

export const createPortalController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /portal/:code`: the view of a code; 404 alike for unknown, expired and blocked. */
  find: async (ctx: HttpContext) => {
    const { status, body } = await tracking(strapi).view(ctx.params.code ?? '', locale(ctx));
    ctx.set(PRIVATE_PAGE);
    ctx.status = status;
    ctx.body = body;
  },

  /** `GET /portal/:code/live`: Server-Sent Events of the booking's live updates. */
  live: async (ctx: HttpContext) => {
    const code = ctx.params.code ?? '';
    const opened =
      code.length <= 256 ? await getService('access-codes', { strapi }).check(code) : null;
    if (!opened) {
      ctx.status = 404;
      ctx.body = errorBody(404, 'Not Found', [{ path: 'code', message: 'no such access code' }]);
      return;
    }
    const stream = new PassThrough();
    ctx.req.socket.setTimeout(0);
    ctx.req.socket.setNoDelay(true);
    ctx.req.socket.setKeepAlive(true);
    ctx.set({
      ...PRIVATE_PAGE,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    });
    ctx.status = 200;
    ctx.body = stream;
    stream.write(sseRetry(2_000));
    const leave = tracking(strapi).live.watch(
      opened.bookingId,
      code,
      (chunk) => void stream.write(chunk),
      () => stream.end(),
    );
    // The portal went away (or the connection dropped): stop writing to it.
    ctx.res.once('close', leave);
    stream.once('close', leave);
  },

  /** `POST /portal/:code/rating`: the built-in rating of a completed booking. */
  rate: (ctx: HttpContext) =>
    respond(ctx, async () => {
      const rating = parseInput(RatingRequest, ctx.request.body);
      const code = ctx.params.code ?? '';
      if (code.length > 256)
        throw new RequestError(404, [{ path: 'code', message: 'no such access code' }]);
      return { status: 201, body: { data: await rateBooking(strapi, code, rating) } };
    }),

  /** `POST /portal/:code/actions`: the customer confirms, asks to move, cancels or leaves a note. */
  act: (ctx: HttpContext) =>
    respond(ctx, async () => {
      const request = parseInput(CustomerActionRequest, ctx.request.body);
      const code = ctx.params.code ?? '';
      const opened =
        code.length <= 256 ? await getService('access-codes', { strapi }).check(code) : null;
      if (!opened) throw new RequestError(404, [{ path: 'code', message: 'no such access code' }]);
      const data = await getService('customer-actions', { strapi }).act(opened.bookingId, request);
      return { body: { data } };
    }),
});

/**
 * `POST /bookings/:documentId/customer-request` (content API, for a dispatch system) and its
 * admin twin: accept or decline a customer's pending request to move the booking.
 */
export const createCustomerRequestsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /bookings/:documentId/customer` (admin): what the customer answered. */
  find: (ctx: HttpContext) =>
    respond(ctx, async () => ({
      body: {
        data: await getService('customer-actions', { strapi }).view(
          ctx.params.documentId ?? '',
          new Date(),
        ),
      },
    })),

  decide: (ctx: HttpContext) =>
    respond(ctx, async () => {
      const decision = parseInput(RequestDecision, ctx.request.body);
      const user = ctx.state.user;
      const by = user ? (user.email ?? `admin:${String(user.id ?? 'unknown')}`) : 'integration';
      const data = await getService('customer-actions', { strapi }).decide(
        ctx.params.documentId ?? '',
        decision,
        by,
      );
      return { body: { data } };
    }),
});
