import type { Core } from '@strapi/strapi';
import {
  PortalPreviewRequest,
  type PortalPreviewLink,
} from '../../../shared/contracts/portal-preview.ts';
import type { AvailablePortalView } from '../../../shared/contracts/portal-view.ts';
import { respond, type Context } from '../controllers/respond.ts';
import { getService } from '../utils/get-service.ts';
import { notFound } from '../validation/errors.ts';
import { parseInput } from '../validation/parse.ts';

type HttpContext = Context & { set(headers: Record<string, string>): void };

/** The admin's signed link to a preview, and the portal's exchange of it for a sample view. */
export const createPortalPreviewController = ({ strapi }: { strapi: Core.Strapi }) => {
  const previews = () => getService('portal-preview', { strapi });
  return {
    /** `POST /enroute/portal-preview` (admin). */
    link: (ctx: Context) =>
      respond(ctx, async () => ({
        status: 201,
        body: {
          data: (await previews().link(
            parseInput(PortalPreviewRequest, ctx.request.body),
          )) satisfies PortalPreviewLink,
        },
      })),

    /** `GET /api/enroute/portal-preview/:token` (the portal's token): 404 once expired. */
    find: (ctx: HttpContext) =>
      respond(ctx, async () => {
        ctx.set({ 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' });
        const view = await previews().view(ctx.params.token ?? '');
        if (!view) throw notFound('token', 'no such preview, or it has expired');
        return { body: view satisfies AvailablePortalView };
      }),
  };
};
