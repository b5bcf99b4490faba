import {
  LocationIngestRequest,
  TechnicianSession,
  TechnicianVisit,
  TodaysVisits,
  type TechnicianStatus,
} from '@enroute/contracts';
import type { z } from 'zod';

export interface TechnicianClientConfig {
  strapiUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** What a call to Strapi gave: its data, a refusal with its status, or no answer at all. */
export type Outcome<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; reason: string }
  | { ok: false; status: 0; reason: string };

/**
 * The technician app's way to Strapi. Every call but the sign-in carries the technician's
 * session token (from the cookie) as the bearer; the portal's own API token is never used here.
 */
export function createTechnicianClient(config: TechnicianClientConfig) {
  const send = config.fetch ?? fetch;
  const base = `${config.strapiUrl.replace(/\/+$/, '')}/api/enroute`;

  async function call<T>(
    method: string,
    path: string,
    session: string | null,
    schema: z.ZodType<T> | null,
    body?: unknown,
  ): Promise<Outcome<T>> {
    let response: Response;
    try {
      response = await send(`${base}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(session ? { authorization: `Bearer ${session}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      return { ok: false, status: 0, reason: error instanceof Error ? error.message : 'failed' };
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const reason = refusalReason(text) ?? `HTTP ${response.status}`;
      return { ok: false, status: response.status, reason };
    }
    if (!schema) return { ok: true, data: undefined as T };
    try {
      const parsed = schema.safeParse((JSON.parse(text) as { data?: unknown }).data);
      if (parsed.success) return { ok: true, data: parsed.data };
      return { ok: false, status: 0, reason: `unexpected answer: ${parsed.error.message}` };
    } catch {
      return { ok: false, status: 0, reason: 'answer is not JSON' };
    }
  }

  return {
    signIn: (link: string) =>
      call('POST', '/technician/sessions', null, TechnicianSession, { link }),
    signOut: (session: string) => call('DELETE', '/technician/session', session, null),
    today: (session: string) => call('GET', '/technician/visits', session, TodaysVisits),
    changeStatus: (session: string, documentId: string, status: TechnicianStatus) =>
      call(
        'POST',
        `/technician/visits/${encodeURIComponent(documentId)}/status`,
        session,
        TechnicianVisit,
        { status },
      ),
    /** Positions, passed through as the phone sent them (Strapi checks each one). */
    async postPositions(session: string, body: unknown) {
      const parsed = LocationIngestRequest.safeParse(body);
      if (!parsed.success) return { ok: false as const, status: 400, reason: 'not positions' };
      return call('POST', '/locations', session, null, parsed.data);
    },
  };
}

export type TechnicianClient = ReturnType<typeof createTechnicianClient>;

/** The first field error's message of Strapi's error body (`link: expired`), if any. */
function refusalReason(text: string): string | null {
  try {
    const body = JSON.parse(text) as {
      error?: { message?: string; details?: { errors?: { message?: string }[] } };
    };
    return body.error?.details?.errors?.[0]?.message ?? body.error?.message ?? null;
  } catch {
    return null;
  }
}
