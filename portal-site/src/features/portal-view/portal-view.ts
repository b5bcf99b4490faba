import { AvailablePortalView, UnavailablePortalView, type PortalView } from '@enroute/contracts';
import type { z } from 'zod';

/** What the portal got when it asked Strapi for a code's view. */
export type PortalLookup =
  | { kind: 'view'; view: PortalView }
  | { kind: 'error'; reason: PortalLookupFailure; detail: string };

export type PortalLookupFailure = 'timeout' | 'unreachable' | 'rejected' | 'invalid-response';

/** Access codes are URL-safe base64; anything else cannot be a code and never reaches Strapi. */
const CODE_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

export function isPlausibleCode(code: string | undefined): code is string {
  return code !== undefined && CODE_PATTERN.test(code);
}

/** A locale tag as the visitor may ask for one (`ar`, `pt-BR`, `zh-CN`); other values are ignored. */
const LOCALE_PATTERN = /^[A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?$/;

export function localeTag(value: unknown): string | null {
  return typeof value === 'string' && LOCALE_PATTERN.test(value) ? value : null;
}

export function requestedLocale(url: URL): string | null {
  return localeTag(url.searchParams.get('locale'));
}

export function portalViewUrl(strapiUrl: string, code: string, locale: string | null): URL {
  const url = new URL(`api/enroute/portal/${encodeURIComponent(code)}`, withSlash(strapiUrl));
  if (locale) url.searchParams.set('locale', locale);
  return url;
}

/** Strapi's live stream of one booking (Server-Sent Events of LiveUpdate). */
export function liveUrl(strapiUrl: string, code: string): URL {
  return new URL(`api/enroute/portal/${encodeURIComponent(code)}/live`, withSlash(strapiUrl));
}

export function ratingUrl(strapiUrl: string, code: string): URL {
  return new URL(`api/enroute/portal/${encodeURIComponent(code)}/rating`, withSlash(strapiUrl));
}

export function answerUrl(strapiUrl: string, code: string): URL {
  return new URL(`api/enroute/portal/${encodeURIComponent(code)}/actions`, withSlash(strapiUrl));
}

function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** Turns Strapi's answer into a view: 200 is an available view, 404 the not-available one. */
export function interpretPortalResponse(status: number, body: unknown): PortalLookup {
  if (status === 200) return parsed(AvailablePortalView.safeParse(body), status);
  if (status === 404) return parsed(UnavailablePortalView.safeParse(body), status);
  return { kind: 'error', reason: 'rejected', detail: `Strapi answered ${status}` };
}

function parsed(result: z.ZodSafeParseResult<PortalView>, status: number): PortalLookup {
  if (result.success) return { kind: 'view', view: result.data };
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    .join('; ');
  return { kind: 'error', reason: 'invalid-response', detail: `${status} view invalid: ${issues}` };
}
