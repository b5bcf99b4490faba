import type { APIRoute } from 'astro';
import { isPlausibleCode, localeTag } from '../../../features/portal-view/portal-view.ts';
import {
  afterRatingPath,
  parseRatingForm,
  type RatingNotice,
} from '../../../features/rating/rating.ts';
import { ownFormPost } from '../../../features/security/same-origin.ts';
import { portalClient } from '../../../server/services.ts';

/** The built-in rating form posts here; the portal server passes it on to Strapi. */
export const POST: APIRoute = async ({ params, request, redirect, url }) => {
  const code = params.code;
  if (!isPlausibleCode(code)) return new Response(null, { status: 404 });
  const form = await ownFormPost(request, url.origin);
  if (form instanceof Response) return form;
  const back = (notice: RatingNotice) =>
    redirect(afterRatingPath(code, notice, localeTag(form.get('locale'))), 303);
  const parsed = parseRatingForm(form);
  if (!parsed.ok) return back('invalid');
  const outcome = await portalClient.submitRating(code, parsed.rating);
  portalClient.forget(code);
  if (!outcome.ok) console.error(`rating not stored: ${outcome.detail}`);
  return back(outcome.ok ? 'thanks' : 'failed');
};
