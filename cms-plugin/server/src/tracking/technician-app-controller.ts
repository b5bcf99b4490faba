import type { Core } from '@strapi/strapi';
import {
  SignInRequest,
  StatusChangeRequest,
  type SignInLink,
  type TechnicianSession,
  type TechnicianVisit,
  type TodaysVisits,
} from '../../../shared/contracts/technician-app.ts';
import { respond, type Context } from '../controllers/respond.ts';
import { getService } from '../utils/get-service.ts';
import { RequestError } from '../validation/errors.ts';
import { parseInput } from '../validation/parse.ts';
import { SESSION_LIFETIME_MS } from './technician-app.ts';
import type { Technician } from './technician-tokens.ts';

type HttpContext = Context & { set(headers: Record<string, string>): void };

const tokens = (strapi: Core.Strapi) => getService('technician-tokens', { strapi });
const app = (strapi: Core.Strapi) => getService('technician-app', { strapi });

async function signedIn(strapi: Core.Strapi, ctx: HttpContext): Promise<Technician> {
  const match = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'));
  const technician = await tokens(strapi).authenticate(match?.[1] ?? null);
  if (!technician) {
    ctx.set({ 'www-authenticate': 'Bearer realm="enroute-technician"' });
    throw new RequestError(401, [], 'a valid technician session is required');
  }
  return technician;
}

/** The technician app's routes: sessions from sign-in links, today's visits, status changes. */
export const createTechnicianAppController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `POST /technician/sessions`: a sign-in link's token for a session token. */
  signIn: (ctx: HttpContext) =>
    respond(ctx, async () => {
      const { link } = parseInput(SignInRequest, ctx.request.body);
      const started = await tokens(strapi).startSession(link, SESSION_LIFETIME_MS);
      if (!started.ok) {
        throw new RequestError(401, [{ path: 'link', message: started.reason }], 'link refused');
      }
      const name = await app(strapi).technicianName(started.technician);
      return {
        status: 201,
        body: {
          data: {
            token: started.token,
            expiresAt: started.expiresAt.toISOString(),
            technician: { name },
          } satisfies TechnicianSession,
        },
      };
    }),

  /** `DELETE /technician/session`: signs out. */
  signOut: (ctx: HttpContext) =>
    respond(ctx, async () => {
      await tokens(strapi).endSession(await signedIn(strapi, ctx));
      return { status: 204, body: null };
    }),

  /** `GET /technician/visits`: today's visits, in order. */
  today: (ctx: HttpContext) =>
    respond(ctx, async () => {
      const technician = await signedIn(strapi, ctx);
      return { body: { data: (await app(strapi).today(technician)) satisfies TodaysVisits } };
    }),

  /** `POST /technician/visits/:documentId/status`: 403 unless the visit is the technician's. */
  changeStatus: (ctx: HttpContext) =>
    respond(ctx, async () => {
      const technician = await signedIn(strapi, ctx);
      const { status } = parseInput(StatusChangeRequest, ctx.request.body);
      const visit = await app(strapi).changeStatus(technician, ctx.params.documentId ?? '', status);
      return { body: { data: visit satisfies TechnicianVisit } };
    }),

  /** Admin `POST /resources/:documentId/sign-in-links`: a link to send the technician. */
  issueLink: (ctx: HttpContext) =>
    respond(ctx, async () => ({
      status: 201,
      body: {
        data: (await app(strapi).signInLink(ctx.params.documentId ?? '')) satisfies SignInLink,
      },
    })),
});
