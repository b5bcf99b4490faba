import { defineMiddleware } from 'astro:middleware';
import type { APIContext, MiddlewareNext } from 'astro';
import { lookupCode } from './features/portal-view/lookup-code.server.ts';
import { requestedLocale } from './features/portal-view/portal-view.ts';
import { ratingNotice } from './features/rating/rating.ts';
import { answerNotice } from './features/customer-actions/customer-actions.ts';
import {
  CODE_PAGE_HEADERS,
  PAGE_HEADERS,
  SELF_ONLY,
  sourceHeaders,
} from './features/security/content-security-policy.ts';
import { createRenderedPages } from './features/tracking/rendered-pages.ts';
import { codeLookupLimiter, portalClient } from './server/services.ts';

const CODE_PATH = /^\/t\/[^/]+/;
/** The technician app's pages hold a technician's day: never cached either. */
const TECHNICIAN_PATH = /^\/tech(?:\/|$)/;
/** A customer's message preferences: never cached either. */
const PREFERENCES_PATH = /^\/u\//;

const renderedPages = createRenderedPages();

/**
 * Every response: the security headers (no referrer, no sniffing, a policy that allows only the
 * portal itself unless the page set its own, no framing). Code pages: a per-client limit on
 * lookups, and nothing kept in a cache.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const code = CODE_PATH.test(context.url.pathname);
  const response = code ? await limitedCodePage(context, next) : await next();

  const always =
    code ||
    TECHNICIAN_PATH.test(context.url.pathname) ||
    PREFERENCES_PATH.test(context.url.pathname)
      ? CODE_PAGE_HEADERS
      : PAGE_HEADERS;
  for (const [name, value] of Object.entries(always)) response.headers.set(name, value);
  if (!response.headers.has('content-security-policy')) {
    const headers = sourceHeaders({ ...SELF_ONLY, dev: import.meta.env.DEV });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  }
  return response;
});

async function limitedCodePage(context: APIContext, next: MiddlewareNext): Promise<Response> {
  const decision = codeLookupLimiter.take(clientKey(context));
  return decision.allowed
    ? await codePage(context, next)
    : new Response('Too many requests. Please wait a moment and try again.', {
        status: 429,
        headers: {
          'retry-after': String(decision.retryAfterSeconds),
          'content-type': 'text/plain; charset=utf-8',
        },
      });
}

/**
 * The page of a code: its view is looked up here (the page reads it from `locals`), and the page
 * rendered for that view before is answered again (see rendered-pages.ts).
 */
async function codePage(context: APIContext, next: MiddlewareNext): Promise<Response> {
  if (context.routePattern !== '/t/[code]' || context.request.method !== 'GET') return next();
  const code = context.params.code ?? '';
  const lookup = await lookupCode(portalClient, code, requestedLocale(context.url));
  context.locals.lookup = lookup;
  if (lookup.kind !== 'view') return next();
  const variant = `${code}\n${ratingNotice(context.url) ?? ''}\n${answerNotice(context.url) ?? ''}`;
  return renderedPages.page(lookup, variant, () => next());
}

function clientKey(context: { clientAddress: string }): string {
  try {
    return context.clientAddress;
  } catch {
    return 'unknown';
  }
}
