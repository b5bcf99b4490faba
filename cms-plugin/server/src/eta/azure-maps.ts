import { z } from 'zod';
import { EtaProviderError, parseEtaRequest } from './errors.ts';
import { toEstimate } from './estimate-result.ts';
import { formatCoordinate } from './geo.ts';
import { joinUrl, readAnswer, requestJson } from './http-json.ts';
import { systemClock } from './types.ts';
import type { Clock, EtaProvider, EtaRequest } from './types.ts';

// Azure Maps Route Directions, api-version 1.0, with live traffic:
// GET /route/directions/json?api-version=1.0&query={lat},{lng}:{lat},{lng}&traffic=true
//     &departAt={now | RFC 3339 date-time in the future}&subscription-key={key}
// 200 { formatVersion, routes: [{ summary: { lengthInMeters, travelTimeInSeconds,
//       trafficDelayInSeconds, departureTime, arrivalTime }, legs, sections }] }
// 4xx/5xx { error: { code, message } }
export const AzureRouteAnswer = z.object({
  routes: z
    .array(
      z.object({
        summary: z.object({
          lengthInMeters: z.number().nonnegative(),
          travelTimeInSeconds: z.number().nonnegative(),
          arrivalTime: z.iso.datetime({ offset: true }),
        }),
      }),
    )
    .min(1, 'no route in the answer'),
});

export const AzureErrorAnswer = z.object({
  error: z.object({ code: z.string().optional(), message: z.string().optional() }),
});

// Engine errors that mean "no road between these points" rather than "service broken".
const NO_ROUTE = /NO_ROUTE_FOUND|MAP_MATCHING_FAILURE|CANNOT_RESTORE_BASEROUTE/;

/** Azure refuses a departAt that is not in the future; a minute of margin absorbs clock skew. */
const FUTURE_MARGIN_MS = 60_000;

export function azureDepartAt(departAt: Date, now: Date): string {
  if (departAt.getTime() <= now.getTime() + FUTURE_MARGIN_MS) return 'now';
  // Whole seconds, as in Azure's own examples (2019-10-31T13:00:00Z).
  return departAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface AzureMapsOptions {
  /** https://atlas.microsoft.com, or a regional endpoint such as https://eu.atlas.microsoft.com. */
  baseUrl?: string;
  apiKey: string;
  now?: Clock;
}

export function azureRouteUrl(
  baseUrl: string,
  apiKey: string,
  request: EtaRequest,
  now: Date,
): URL {
  const point = ({ lat, lng }: { lat: number; lng: number }): string =>
    `${formatCoordinate(lat)},${formatCoordinate(lng)}`;
  const url = joinUrl(baseUrl, '/route/directions/json');
  url.searchParams.set('api-version', '1.0');
  url.searchParams.set('query', `${point(request.from)}:${point(request.to)}`);
  url.searchParams.set('traffic', 'true');
  url.searchParams.set('departAt', azureDepartAt(request.departAt, now));
  url.searchParams.set('subscription-key', apiKey);
  return url;
}

export function createAzureMapsEtaProvider({
  baseUrl = 'https://atlas.microsoft.com',
  apiKey,
  now = systemClock,
}: AzureMapsOptions): EtaProvider {
  return {
    source: 'azure-maps',
    async estimate(input, options = {}) {
      const request = parseEtaRequest(input);
      const answer = await requestJson({
        provider: 'azure-maps',
        url: azureRouteUrl(baseUrl, apiKey, request, now()),
        signal: options.signal,
      });
      if (answer.status !== 200) {
        const error = AzureErrorAnswer.safeParse(answer.body);
        const { code, message } = error.success ? error.data.error : {};
        const text = [code, message].filter(Boolean).join(' ').replaceAll(apiKey, '[key]');
        throw new EtaProviderError(
          'azure-maps',
          NO_ROUTE.test(text) ? 'no-route' : 'http-error',
          `HTTP ${answer.status}${text ? ` ${text}` : ''}`,
        );
      }
      const [route] = readAnswer('azure-maps', AzureRouteAnswer, answer.body).routes;
      if (!route) throw new EtaProviderError('azure-maps', 'malformed', 'no route in the answer');
      return toEstimate(
        {
          source: 'azure-maps',
          departAt: request.departAt,
          durationSeconds: Math.round(route.summary.travelTimeInSeconds),
          distanceMeters: Math.round(route.summary.lengthInMeters),
          arrivesAt: new Date(route.summary.arrivalTime),
        },
        now,
      );
    },
  };
}
