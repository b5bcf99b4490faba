import type { Core } from '@strapi/strapi';
import {
  TemplateQuery,
  TemplateRestore,
  TemplateSave,
  type TemplatePage,
  type TemplateSaved,
} from '../../../shared/contracts/message-templates.ts';
import { respond, type Context } from '../controllers/respond.ts';
import { getService } from '../utils/get-service.ts';
import { parseInput } from '../validation/parse.ts';

/** Who saved a version, as the admin panel knows them. */
function author(ctx: Context): string {
  const user = ctx.state.user;
  return user?.email ?? `admin:${String(user?.id ?? 'unknown')}`;
}

/** The template page: read a message's template, save a version, restore an earlier one. */
export const createTemplatesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const templates = () => getService('admin-templates', { strapi });
  return {
    find: (ctx: Context) =>
      respond(ctx, async () => ({
        body: {
          data: (await templates().page(
            parseInput(TemplateQuery, ctx.query),
          )) satisfies TemplatePage,
        },
      })),

    save: (ctx: Context) =>
      respond(ctx, async () => ({
        body: {
          data: (await templates().save(
            parseInput(TemplateSave, ctx.request.body),
            author(ctx),
          )) satisfies TemplateSaved,
        },
      })),

    restore: (ctx: Context) =>
      respond(ctx, async () => ({
        status: 201,
        body: {
          data: (await templates().restore(
            parseInput(TemplateRestore, ctx.request.body),
            author(ctx),
          )) satisfies TemplateSaved,
        },
      })),
  };
};
