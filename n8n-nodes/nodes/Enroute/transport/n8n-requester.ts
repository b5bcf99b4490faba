import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { EnrouteResponse, SendEnrouteRequest } from './client.ts';

export function baseUrlOf(url: string): string {
  return `${url.replace(/\/+$/, '')}/api/enroute`;
}

/** Sends requests through n8n (its proxy settings, its credential handling). */
export function n8nRequester(context: IExecuteFunctions, url: string): SendEnrouteRequest {
  const base = baseUrlOf(url);
  return async (request) => {
    const options: IHttpRequestOptions = {
      method: request.method,
      url: `${base}${request.path}`,
      qs: request.qs,
      body: request.body as IHttpRequestOptions['body'],
      json: true,
      returnFullResponse: true,
      ignoreHttpStatusErrors: true,
    };
    const response = (await context.helpers.httpRequestWithAuthentication.call(
      context,
      'enrouteApi',
      options,
    )) as { statusCode: number; body: unknown };
    return { statusCode: response.statusCode, body: response.body } satisfies EnrouteResponse;
  };
}
