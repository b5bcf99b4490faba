import type { z } from 'zod';
import type { EtaSource } from '../../../shared/contracts/index.ts';
import { EtaProviderError } from './errors.ts';
import { describeIssues } from './zod-issues.ts';

export interface JsonRequest {
  provider: EtaSource;
  url: URL;
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
}

export interface JsonAnswer {
  status: number;
  body: unknown;
}

function failureOf(provider: EtaSource, error: unknown, signal?: AbortSignal): EtaProviderError {
  if (signal?.aborted) {
    return new EtaProviderError(provider, 'timeout', 'request aborted before the answer');
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new EtaProviderError(provider, 'unreachable', `request failed (${detail})`);
}

/**
 * Sends one request and reads a JSON answer, whatever its status. Error messages name the host
 * and path only: the query may carry a subscription key.
 */
export async function requestJson(request: JsonRequest): Promise<JsonAnswer> {
  const { provider, url, method = 'GET', body, signal } = request;
  let text: string;
  let status: number;
  try {
    const response = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throw failureOf(provider, error, signal);
  }
  try {
    return { status, body: JSON.parse(text) as unknown };
  } catch {
    throw new EtaProviderError(
      provider,
      status >= 200 && status < 300 ? 'malformed' : 'http-error',
      `${url.host}${url.pathname} answered HTTP ${status} with a body that is not JSON`,
    );
  }
}

/** Reads a provider's answer with its documented schema, or fails as `malformed`. */
export function readAnswer<Schema extends z.ZodType>(
  provider: EtaSource,
  schema: Schema,
  body: unknown,
): z.infer<Schema> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error, 3).join('; ');
    throw new EtaProviderError(provider, 'malformed', `unexpected answer (${issues})`);
  }
  return parsed.data;
}

/** Base URL plus a path, keeping any path prefix of the base (a reverse proxy's /osrm, say). */
export function joinUrl(baseUrl: string, path: string): URL {
  const base = new URL(baseUrl);
  base.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
  return base;
}
