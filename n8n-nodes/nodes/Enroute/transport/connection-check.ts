import { baseUrlOf } from './n8n-requester.ts';

export type ConnectionProblem =
  'unreachable' | 'bad-token' | 'plugin-missing' | 'unexpected-answer';
export type ConnectionCheck =
  { ok: true } | { ok: false; problem: ConnectionProblem; message: string };

/** The plugin's messaging settings, recognised by the fields every version has. */
function isMessagingSettings(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { messages, channel } = body as { messages?: unknown; channel?: unknown };
  return typeof messages === 'object' && messages !== null && typeof channel === 'string';
}

/**
 * What a credential test tells the admin: the server cannot be reached, the token is refused,
 * the server is there but has no Enroute plugin, or it answers something else.
 */
export async function checkConnection(
  url: string,
  apiToken: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ConnectionCheck> {
  let response: Response;
  try {
    response = await fetchImpl(`${baseUrlOf(url)}/messaging/settings`, {
      headers: { Authorization: `Bearer ${apiToken}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { ok: false, problem: 'unreachable', message: `Cannot reach ${url}${cause}` };
  }
  if (response.status === 401 || response.status === 403) {
    return {
      ok: false,
      problem: 'bad-token',
      message: `Strapi refused the API token (HTTP ${response.status})`,
    };
  }
  if (response.status === 404 || response.status === 405) {
    return {
      ok: false,
      problem: 'plugin-missing',
      message: `${url} answers, but has no Enroute plugin (HTTP ${response.status} for its messaging routes)`,
    };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && isMessagingSettings(body)) return { ok: true };
  return {
    ok: false,
    problem: 'unexpected-answer',
    message: `${url} answered HTTP ${response.status}, not the Enroute plugin's settings`,
  };
}
