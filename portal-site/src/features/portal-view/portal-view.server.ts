import type { CustomerActionRequest, RatingRequest } from '@enroute/contracts';
import { boundedMemo } from '../../lib/bounded-memo.ts';
import {
  answerUrl,
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
  /**
   * How long a view Strapi gave may be shown again without asking it (0: never). Whatever
   * changes the booking's page (a live update, a rating) forgets the code's views at once.
   */
  freshMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

/** Views kept at most, all codes together. */
const KEPT_VIEWS = 10_000;

/** Share of its freshness after which a view still asked for is read again in the background. */
const REREAD_AT = 0.75;

export type RatingOutcome = { ok: true } | { ok: false; detail: string };

/** Strapi's answer to a customer's action: its status and the first field it names, if any. */
export type AnswerOutcome = { status: number; path: string | null; detail: string };

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
  const freshMs = config.freshMs ?? 0;
  const now = config.now ?? Date.now;
  /** By code, then locale: the views Strapi gave and when it was asked. */
  const kept = new Map<string, Map<string, { askedAt: number; lookup: PortalLookup }>>();
  /** When each code was last forgotten: a read asked before that is not kept. */
  const forgotten = new Map<string, number>();

  function keep(code: string, locale: string, askedAt: number, lookup: PortalLookup) {
    if (lookup.kind !== 'view' || freshMs <= 0) return;
    if ((forgotten.get(code) ?? -Infinity) >= askedAt) return;
    if (!kept.has(code) && kept.size >= KEPT_VIEWS) kept.delete(kept.keys().next().value!);
    const views = kept.get(code) ?? new Map();
    views.set(locale, { askedAt, lookup });
    kept.set(code, views);
  }

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

  function read(code: string, locale: string | null, wanted: string): Promise<PortalLookup> {
    const key = `${code}\n${wanted}`;
    const pending = inFlight.get(key);
    if (pending) return pending;
    const askedAt = now();
    const reading: Promise<PortalLookup> = requestView(code, locale)
      .then((lookup) => {
        keep(code, wanted, askedAt, lookup);
        return lookup;
      })
      .finally(() => {
        if (inFlight.get(key) === reading) inFlight.delete(key);
      });
    inFlight.set(key, reading);
    return reading;
  }

  return {
    /**
     * The view of a code in a locale: the one Strapi gave less than `freshMs` ago, else a new
     * read. Requests for the same view that arrive while a read is on its way share its answer:
     * a crowd on one page costs Strapi one read. A view still asked for in the last quarter of
     * its freshness is read again meanwhile, so that a crowd never waits for Strapi. `fresh`
     * asks Strapi whatever was kept.
     */
    fetchView(
      code: string,
      locale: string | null,
      options: { fresh?: boolean } = {},
    ): Promise<PortalLookup> {
      const wanted = locale ?? '';
      const hit = options.fresh ? undefined : kept.get(code)?.get(wanted);
      const age = hit ? now() - hit.askedAt : Infinity;
      if (hit && age < freshMs) {
        if (age >= freshMs * REREAD_AT) void read(code, locale, wanted);
        return Promise.resolve(hit.lookup);
      }
      return read(code, locale, wanted);
    },

    /** The booking behind the code changed: its next page is read from Strapi. */
    forget(code: string): void {
      kept.delete(code);
      forgotten.delete(code);
      if (forgotten.size >= KEPT_VIEWS) forgotten.delete(forgotten.keys().next().value!);
      forgotten.set(code, now());
      // A read on its way may predate the change: later requests start their own.
      for (const key of inFlight.keys()) if (key.startsWith(`${code}\n`)) inFlight.delete(key);
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

    async answer(code: string, request: CustomerActionRequest): Promise<AnswerOutcome> {
      try {
        const response = await send(answerUrl(config.strapiUrl, code), {
          method: 'POST',
          headers: headers({ 'content-type': 'application/json' }),
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(config.timeoutMs),
        });
        const body = (await response.json().catch(() => null)) as {
          error?: { message?: string; details?: { errors?: { path?: unknown }[] } };
        } | null;
        const path = body?.error?.details?.errors?.[0]?.path;
        return {
          status: response.status,
          path: typeof path === 'string' ? path : Array.isArray(path) ? path.join('.') : null,
          detail: `Strapi answered ${response.status}: ${body?.error?.message ?? ''}`,
        };
      } catch (error) {
        return { status: 0, path: null, detail: failure(error).detail };
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
