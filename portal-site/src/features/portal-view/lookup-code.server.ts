import { isPlausibleCode, type PortalLookup } from './portal-view.ts';
import type { PortalClient } from './portal-view.server.ts';

/**
 * Something that cannot be a code is still answered with Strapi's not-available view (the
 * company's contacts), asked for with a code no token can be.
 */
const NEVER_A_CODE = 'unknown';

export function lookupCode(
  client: PortalClient,
  code: string,
  locale: string | null,
): Promise<PortalLookup> {
  return client.fetchView(isPlausibleCode(code) ? code : NEVER_A_CODE, locale);
}
