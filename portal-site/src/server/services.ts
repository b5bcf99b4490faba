import {
  CODE_LOOKUPS_PER_MINUTE,
  LIVE_POLL_INTERVAL_MS,
  LIVE_UPSTREAM,
  STRAPI_PORTAL_TOKEN,
  STRAPI_TIMEOUT_MS,
  STRAPI_URL,
  VIEW_FRESH_MS,
} from 'astro:env/server';
import { createLiveHub } from '../features/live/live-hub.ts';
import { createPollingUpstream } from '../features/live/polling-upstream.ts';
import { createStreamUpstream } from '../features/live/stream-upstream.ts';
import { liveUrl } from '../features/portal-view/portal-view.ts';
import { createPortalClient } from '../features/portal-view/portal-view.server.ts';
import { createRateLimiter } from '../features/security/rate-limit.ts';
import { createTechnicianClient } from '../features/technician/technician-client.server.ts';
import { createPreferencesClient } from '../features/preferences/preferences.server.ts';

/** The portal server's long-lived parts, one per process. */
export const portalClient = createPortalClient({
  strapiUrl: STRAPI_URL,
  token: STRAPI_PORTAL_TOKEN,
  timeoutMs: STRAPI_TIMEOUT_MS,
  freshMs: VIEW_FRESH_MS,
});

export const liveHub = createLiveHub({
  upstream:
    LIVE_UPSTREAM === 'stream'
      ? createStreamUpstream({
          liveUrl: (code) => liveUrl(STRAPI_URL, code),
          token: STRAPI_PORTAL_TOKEN,
          connectTimeoutMs: STRAPI_TIMEOUT_MS,
          onInvalidUpdate: (_code, detail) => console.warn(`live update skipped: ${detail}`),
        })
      : createPollingUpstream({
          fetchView: (code) => portalClient.fetchView(code, null, { fresh: true }),
          intervalMs: LIVE_POLL_INTERVAL_MS,
        }),
  onUpstreamError: (_code, reason) => console.warn(`live upstream dropped: ${reason}`),
  // The page a visitor opens next (after a change of state, say) shows what changed.
  onUpdate: (code) => portalClient.forget(code),
});

export const codeLookupLimiter = createRateLimiter({
  limit: CODE_LOOKUPS_PER_MINUTE,
  windowMs: 60_000,
});

/** Customers' answers per code (confirm, another time, cancel, note): a handful a minute. */
export const answerLimiter = createRateLimiter({ limit: 6, windowMs: 60_000 });

/** What the customer's form tokens are derived from: the portal's own secret. */
export const customerFormSecret = STRAPI_PORTAL_TOKEN;

/** The technician app's calls to Strapi, each with the technician's own session. */
export const technicianClient = createTechnicianClient({
  strapiUrl: STRAPI_URL,
  timeoutMs: STRAPI_TIMEOUT_MS,
});

/** The message preferences page's calls to Strapi, with the portal's token. */
export const preferencesClient = createPreferencesClient({
  strapiUrl: STRAPI_URL,
  token: STRAPI_PORTAL_TOKEN,
  timeoutMs: STRAPI_TIMEOUT_MS,
});
