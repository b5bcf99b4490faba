import { z } from 'zod';
import { EtaProviderError, parseEtaRequest } from './errors.ts';
import { toEstimate } from './estimate-result.ts';
import { joinUrl, readAnswer, requestJson } from './http-json.ts';
import { systemClock } from './types.ts';
import type { Clock, EtaProvider, EtaRequest } from './types.ts';

// Valhalla turn-by-turn route API: POST /route with a JSON body
// { locations: [{ lat, lon }, { lat, lon }], costing: "auto", units, directions_type, date_time? }
// 200 { trip: { status: 0, units: "kilometers" | "miles", summary: { time: seconds, length }, … } }
// 4xx/5xx { error_code, error, status_code, status }
export const ValhallaRouteBody = z.object({
  locations: z.array(z.object({ lat: z.number(), lon: z.number() })).length(2),
  costing: z.literal('auto'),
  units: z.literal('kilometers'),
  directions_type: z.literal('none'),
  date_time: z.object({ type: z.literal(1), value: z.string() }).optional(),
});
export type ValhallaRouteBody = z.infer<typeof ValhallaRouteBody>;

export const ValhallaRouteAnswer = z.object({
  trip: z.object({
    units: z.enum(['kilometers', 'km', 'miles', 'mi']).default('kilometers'),
    summary: z.object({ time: z.number().nonnegative(), length: z.number().nonnegative() }),
  }),
});

export const ValhallaErrorAnswer = z.object({
  error_code: z.number().optional(),
  error: z.string().optional(),
});

// Unconnected regions, no edge near a location, unreachable location, no path found.
const NO_ROUTE_CODES = new Set([170, 171, 441, 442]);
const METERS_PER_UNIT = { kilometers: 1000, km: 1000, miles: 1609.344, mi: 1609.344 } as const;

/** Valhalla reads departure times as local wall-clock time, YYYY-MM-DDThh:mm. */
function localDateTime(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

export function valhallaRouteBody(request: EtaRequest): ValhallaRouteBody {
  return {
    locations: [
      { lat: request.from.lat, lon: request.from.lng },
      { lat: request.to.lat, lon: request.to.lng },
    ],
    costing: 'auto',
    units: 'kilometers',
    directions_type: 'none',
    ...(request.timeZone
      ? { date_time: { type: 1, value: localDateTime(request.departAt, request.timeZone) } }
      : {}),
  };
}

export interface ValhallaOptions {
  baseUrl: string;
  now?: Clock;
}

export function createValhallaEtaProvider({
  baseUrl,
  now = systemClock,
}: ValhallaOptions): EtaProvider {
  return {
    source: 'valhalla',
    async estimate(input, options = {}) {
      const request = parseEtaRequest(input);
      const answer = await requestJson({
        provider: 'valhalla',
        url: joinUrl(baseUrl, '/route'),
        method: 'POST',
        body: valhallaRouteBody(request),
        signal: options.signal,
      });
      if (answer.status !== 200) {
        const error = ValhallaErrorAnswer.safeParse(answer.body);
        const { error_code: code, error: text } = error.success ? error.data : {};
        throw new EtaProviderError(
          'valhalla',
          code !== undefined && NO_ROUTE_CODES.has(code) ? 'no-route' : 'http-error',
          [`HTTP ${answer.status}`, code, text].filter((part) => part !== undefined).join(' '),
        );
      }
      const { trip } = readAnswer('valhalla', ValhallaRouteAnswer, answer.body);
      return toEstimate(
        {
          source: 'valhalla',
          departAt: request.departAt,
          durationSeconds: Math.round(trip.summary.time),
          distanceMeters: Math.round(trip.summary.length * METERS_PER_UNIT[trip.units]),
        },
        now,
      );
    },
  };
}
