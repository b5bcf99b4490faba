import { sleep, type IExecuteFunctions, type IHttpRequestOptions } from 'n8n-workflow';
import type { EnrouteResponse, SendEnrouteRequest } from './client.ts';

export function baseUrlOf(url: string): string {
  return `${url.replace(/\/+$/, '')}/api/enroute`;
}

/**
 * How long a request is tried again while Strapi cannot be reached or answers that it is not
 * available (502, 503, 504): long enough for an instance to restart. A run that gave up in the
 * meantime would leave the messages it sent unrecorded, and they would go out again once their
 * claims are taken over.
 */
const UNAVAILABLE_FOR_MS = 90_000;
const UNAVAILABLE_STATUS = new Set([502, 503, 504]);
const UNREACHABLE = /\b(ECONNREFUSED|ECONNRESET|EPIPE|EHOSTUNREACH|ETIMEDOUT)\b|socket hang up/;

function unreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, cause } = error as Error & { code?: unknown; cause?: unknown };
  return (
    (typeof code === 'string' && UNREACHABLE.test(code)) ||
    UNREACHABLE.test(error.message) ||
    (cause !== error && unreachable(cause))
  );
}

/** The Enroute API credential's fields. */
export type EnrouteCredentials = { url: string; apiToken: string };

/**
 * Sends requests through n8n's HTTP helper (its proxy settings, its TLS options), with the token
 * of the credentials the node read once for its run: n8n's per-request authentication would
 * decrypt the credential and evaluate its header expression again for every request, and a
 * message takes several.
 */
export function n8nRequester(
  context: { helpers: Pick<IExecuteFunctions['helpers'], 'httpRequest'> },
  credentials: EnrouteCredentials,
): SendEnrouteRequest {
  const base = baseUrlOf(credentials.url);
  const authorization = `Bearer ${credentials.apiToken}`;
  return async (request) => {
    const options: IHttpRequestOptions = {
      method: request.method,
      url: `${base}${request.path}`,
      body: request.body as IHttpRequestOptions['body'],
      headers: { ...request.headers, Authorization: authorization },
      json: true,
      returnFullResponse: true,
      ignoreHttpStatusErrors: true,
    };
    const giveUpAt = Date.now() + UNAVAILABLE_FOR_MS;
    for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
      const attempt = await context.helpers.httpRequest(options).then(
        (response: { statusCode: number; body: unknown }) => ({ response, error: null }),
        (error: unknown) => ({ response: null, error }),
      );
      const late = Date.now() >= giveUpAt;
      if (attempt.response && (!UNAVAILABLE_STATUS.has(attempt.response.statusCode) || late)) {
        const { statusCode, body } = attempt.response;
        return { statusCode, body } satisfies EnrouteResponse;
      }
      if (attempt.error !== null && (!unreachable(attempt.error) || late)) {
        return await Promise.reject(attempt.error as Error);
      }
      await sleep(wait);
    }
  };
}
