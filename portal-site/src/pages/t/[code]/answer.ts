import type { APIRoute } from 'astro';
import {
  afterAnswerPath,
  isValidFormToken,
  noticeFor,
  parseActionForm,
  type AnswerNotice,
} from '../../../features/customer-actions/customer-actions.ts';
import { isPlausibleCode, localeTag } from '../../../features/portal-view/portal-view.ts';
import { ownFormPost } from '../../../features/security/same-origin.ts';
import { answerLimiter, customerFormSecret, portalClient } from '../../../server/services.ts';

/**
 * The customer's answers from the booking's page (confirm, another time, cancel, note): same
 * origin, the page's form token, a few per code a minute; passed on to Strapi, then back to the
 * page, which says what happened.
 */
export const POST: APIRoute = async ({ params, request, redirect, url }) => {
  const code = params.code;
  if (!isPlausibleCode(code)) return new Response(null, { status: 404 });
  const form = await ownFormPost(request, url.origin);
  if (form instanceof Response) return form;
  if (!isValidFormToken(customerFormSecret, code, form.get('revision'), form.get('token'))) {
    return new Response('This form is not one of this page: open the page again.', {
      status: 403,
    });
  }
  const decision = answerLimiter.take(code);
  if (!decision.allowed) {
    return new Response('Too many answers. Please wait a moment and try again.', {
      status: 429,
      headers: { 'retry-after': String(decision.retryAfterSeconds) },
    });
  }
  const back = (notice: AnswerNotice) =>
    redirect(afterAnswerPath(code, notice, localeTag(form.get('locale'))), 303);
  const parsed = parseActionForm(form);
  if (!parsed.ok) return back('invalid');
  const outcome = await portalClient.answer(code, parsed.request);
  portalClient.forget(code);
  const notice = noticeFor(parsed.request.action, outcome.status, outcome.path);
  if (notice === 'failed') console.error(`customer answer not stored: ${outcome.detail}`);
  return back(notice);
};
