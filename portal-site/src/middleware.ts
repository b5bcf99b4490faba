import { defineMiddleware } from 'astro:middleware';
import {
  CODE_PAGE_HEADERS,
  SELF_ONLY,
  sourceHeaders,
} from './features/security/content-security-policy.ts';
import { codeLookupLimiter } from './server/services.ts';

const CODE_PATH = /^\/t\/[^/]+/;

/** Code pages: a per-client limit on lookups, and the headers that keep the code private. */
export const onRequest = defineMiddleware(async (context, next) => {
  if (!CODE_PATH.test(context.url.pathname)) return next();

  const decision = codeLookupLimiter.take(clientKey(context));
  const response = decision.allowed
    ? await next()
    : new Response('Too many requests. Please wait a moment and try again.', {
        status: 429,
        headers: {
          'retry-after': String(decision.retryAfterSeconds),
          'content-type': 'text/plain; charset=utf-8',
        },
      });

  for (const [name, value] of Object.entries(CODE_PAGE_HEADERS)) response.headers.set(name, value);
  if (!response.headers.has('content-security-policy')) {
    const headers = sourceHeaders({ ...SELF_ONLY, dev: import.meta.env.DEV });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  }
  return response;
});

function clientKey(context: { clientAddress: string }): string {
  try {
    return context.clientAddress;
  } catch {
    return 'unknown';
  }
}
