import type { RatingRequest } from 'strapi-plugin-enroute/contracts';
import { boundedMemo } from '../../lib/bounded-memo.ts';
import {
  interpretPortalResponse,
  portalViewUrl,
  ratingUrl,
  type PortalLookup,
} from './portal-view.ts';

export interface StrapiPortalConfig {
  strapiUrl: string;
  /** Read-only API token of the portal; it never leaves the server. */
  token: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export type RatingOutcome = { ok: true } | { ok: false; detail: string };

/** The portal's only way to Strapi: the view of one code, and the rating of one booking. */
export function createPortalClient(config: StrapiPortalConfig) {
  const send = config.fetch ?? fetch;
  const headers = (extra: Record<string, string> = {}) => ({
    accept: 'application/json',
    ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
    ...extra,
  });

  const validated = boundedMemo<PortalLookup>(500);
  const inFlight = new Map<string, Promise<PortalLookup>>();

  async function requestView(code: string, locale: string | null): Promise<PortalLookup> {
    let response: Response;
    try {
      response = await send(portalViewUrl(config.strapiUrl, code, locale), {
        headers: headers(),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      return failure(error);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return failure(error);
    }
    // The same answer validates the same way: a page viewed again is not checked again.
    return validated(`${response.status}\n${text}`, () => {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return {
          kind: 'error',
          reason: 'invalid-response',
          detail: `Strapi answered ${response.status} without JSON`,
        };
      }
      return interpretPortalResponse(response.status, body);
    });
  }

  return {
    /**
     * The view of a code in a locale. Requests for the same view that arrive while one is on
     * its way to Strapi share its answer: a crowd on one page costs Strapi one read per round
     * trip, and no answer is older than that round trip. Nothing is kept after it.
     */
    fetchView(code: string, locale: string | null): Promise<PortalLookup> {
      const key = `${code}\n${locale ?? ''}`;
      let pending = inFlight.get(key);
      if (!pending) {
        pending = requestView(code, locale).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },

    async submitRating(code: string, rating: RatingRequest): Promise<RatingOutcome> {
      try {
        const response = await send(ratingUrl(config.strapiUrl, code), {
          method: 'POST',
          headers: headers({ 'content-type': 'application/json' }),
          body: JSON.stringify(rating),
          signal: AbortSignal.timeout(config.timeoutMs),
        });
        await response.body?.cancel();
        return response.ok
          ? { ok: true }
          : { ok: false, detail: `Strapi answered ${response.status}` };
      } catch (error) {
        return { ok: false, detail: failure(error).detail };
      }
    },
  };
}

export type PortalClient = ReturnType<typeof createPortalClient>;

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'TimeoutError';
}

function failure(error: unknown): Extract<PortalLookup, { kind: 'error' }> {
  if (isTimeout(error)) {
    return { kind: 'error', reason: 'timeout', detail: 'Strapi did not answer in time' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'error', reason: 'unreachable', detail: `Strapi unreachable: ${message}` };
}
