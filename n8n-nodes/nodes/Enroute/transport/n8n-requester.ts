import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { EnrouteResponse, SendEnrouteRequest } from './client.ts';

export function baseUrlOf(url: string): string {
  return `${url.replace(/\/+$/, '')}/api/enroute`;
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
    const response = (await context.helpers.httpRequest(options)) as {
      statusCode: number;
      body: unknown;
    };
    return { statusCode: response.statusCode, body: response.body } satisfies EnrouteResponse;
  };
}
