import { AvailablePortalView } from '@enroute/contracts';
import type { PortalLookup } from '../portal-view/portal-view.ts';

/** The plugin's signed preview token: a payload and its signature, URL-safe base64. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,11000}\.[A-Za-z0-9_-]{43}$/;

export function isPlausiblePreviewToken(token: string | undefined): token is string {
  return token !== undefined && TOKEN_PATTERN.test(token);
}

export function previewViewUrl(strapiUrl: string, token: string): URL {
  const base = strapiUrl.endsWith('/') ? strapiUrl : `${strapiUrl}/`;
  return new URL(`api/enroute/portal-preview/${encodeURIComponent(token)}`, base);
}

/** Strapi's answer: 200 a sample view; 404 an expired or unknown preview; else an error. */
export function interpretPreviewResponse(status: number, body: unknown): PortalLookup | null {
  if (status === 404) return null;
  if (status !== 200)
    return { kind: 'error', reason: 'rejected', detail: `Strapi answered ${status}` };
  const parsed = AvailablePortalView.safeParse(body);
  return parsed.success
    ? { kind: 'view', view: parsed.data }
    : { kind: 'error', reason: 'invalid-response', detail: parsed.error.message.slice(0, 300) };
}
