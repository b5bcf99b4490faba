import { z } from 'zod';
import type { GeoPoint } from '../../../shared/contracts/index.ts';
import { EtaProviderError, parseEtaRequest } from './errors.ts';
import { toEstimate } from './estimate-result.ts';
import { formatCoordinate } from './geo.ts';
import { joinUrl, readAnswer, requestJson } from './http-json.ts';
import { systemClock } from './types.ts';
import type { Clock, EtaProvider } from './types.ts';

// OSRM HTTP API v5, route service:
// GET /route/v1/{profile}/{lng},{lat};{lng},{lat}?overview=false
// 200 { code: "Ok", routes: [{ duration: seconds, distance: meters, … }], waypoints }
// 400 { code: "NoRoute" | "NoSegment" | "InvalidQuery" | …, message? }
export const OsrmRouteAnswer = z.object({
  code: z.literal('Ok'),
  routes: z
    .array(z.object({ duration: z.number().nonnegative(), distance: z.number().nonnegative() }))
    .min(1, 'no route in the answer'),
});

export const OsrmErrorAnswer = z.object({ code: z.string(), message: z.string().optional() });

const NO_ROUTE_CODES = new Set(['NoRoute', 'NoSegment']);

export interface OsrmOptions {
  baseUrl: string;
  /** The profile segment of the URL; a stock osrm-routed serves whatever it was built with. */
  profile?: string;
  now?: Clock;
}

const lngLat = (point: GeoPoint): string =>
  `${formatCoordinate(point.lng)},${formatCoordinate(point.lat)}`;

export function createOsrmEtaProvider({
  baseUrl,
  profile = 'driving',
  now = systemClock,
}: OsrmOptions): EtaProvider {
  return {
    source: 'osrm',
    async estimate(input, options = {}) {
      const request = parseEtaRequest(input);
      const url = joinUrl(
        baseUrl,
        `/route/v1/${encodeURIComponent(profile)}/${lngLat(request.from)};${lngLat(request.to)}`,
      );
      url.searchParams.set('overview', 'false');
      const answer = await requestJson({ provider: 'osrm', url, signal: options.signal });
      if (answer.status !== 200) {
        const error = OsrmErrorAnswer.safeParse(answer.body);
        const code = error.success ? error.data.code : 'unknown';
        const detail = error.success && error.data.message ? `: ${error.data.message}` : '';
        throw new EtaProviderError(
          'osrm',
          NO_ROUTE_CODES.has(code) ? 'no-route' : 'http-error',
          `HTTP ${answer.status} ${code}${detail}`,
        );
      }
      const [route] = readAnswer('osrm', OsrmRouteAnswer, answer.body).routes;
      if (!route) throw new EtaProviderError('osrm', 'malformed', 'no route in the answer');
      return toEstimate(
        {
          source: 'osrm',
          departAt: request.departAt,
          durationSeconds: Math.round(route.duration),
          distanceMeters: Math.round(route.distance),
        },
        now,
      );
    },
  };
}
