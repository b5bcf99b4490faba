import type { Core } from '@strapi/strapi';
import { PreferencesUpdate, type MessagePreferences } from '../../../shared/contracts/consent.ts';
import { respond, type Context } from '../controllers/respond.ts';
import { getService } from '../utils/get-service.ts';
import { invalid } from '../validation/errors.ts';
import { parseInput } from '../validation/parse.ts';

function token(ctx: Context): string {
  const value = ctx.params.token ?? '';
  if (!/^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{22}$/.test(value)) {
    throw invalid('token', 'is not a preferences link');
  }
  return value;
}

/** The portal's preferences page and the one-click unsubscribe, behind the signed link. */
export const createPreferencesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('preferences', { strapi });
  const defaultLocale = async () => (await getService('settings', { strapi }).read()).defaultLocale;
  const answer = (data: MessagePreferences) => ({ body: { data } });
  return {
    find: (ctx: Context) =>
      respond(ctx, async () => answer(await service().find(token(ctx), await defaultLocale()))),
    update: (ctx: Context) =>
      respond(ctx, async () => {
        const update = parseInput(PreferencesUpdate, ctx.request.body);
        return answer(await service().update(token(ctx), update, await defaultLocale()));
      }),
    oneClick: (ctx: Context) =>
      respond(ctx, async () => answer(await service().oneClick(token(ctx), await defaultLocale()))),
  };
};
