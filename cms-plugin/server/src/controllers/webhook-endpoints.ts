import type { Core } from '@strapi/strapi';
import { SIGNATURE_HEADER } from '../../../shared/contracts/signature.ts';
import {
  WebhookEndpointQuery,
  WebhookRegistration,
  type WebhookEndpointAnswer,
  type WebhookEndpointList,
} from '../../../shared/contracts/webhook-registration.ts';
import { getService } from '../utils/get-service.ts';
import { invalid } from '../validation/errors.ts';
import { parseInput } from '../validation/parse.ts';
import { respond, type Context } from './respond.ts';

type SignedContext = Context & {
  request: { headers: Record<string, string | string[] | undefined> };
};

/** Webhook endpoints that register themselves (contracts/webhook-registration.ts). */
export const createWebhookEndpointsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const registrations = () => getService('webhook-registrations', { strapi });
  return {
    list: (ctx: Context) =>
      respond(ctx, async () => {
        const { url } = parseInput(WebhookEndpointQuery, ctx.query);
        return { body: { data: await registrations().find(url) } satisfies WebhookEndpointList };
      }),

    register: (ctx: SignedContext) =>
      respond(ctx, async () => {
        const registration = parseInput(WebhookRegistration, ctx.request.body);
        const signature = ctx.request.headers[SIGNATURE_HEADER];
        const { created, endpoint } = await registrations().register(
          registration,
          typeof signature === 'string' ? signature : undefined,
        );
        return {
          status: created ? 201 : 200,
          body: { data: endpoint } satisfies WebhookEndpointAnswer,
        };
      }),

    remove: (ctx: Context) =>
      respond(ctx, async () => {
        const id = ctx.params.id?.trim();
        if (!id) throw invalid('id', 'is required');
        return {
          body: { data: await registrations().remove(id) } satisfies WebhookEndpointAnswer,
        };
      }),
  };
};
