import { z } from 'zod';
import { parseEtaRequest } from './errors.ts';
import { toEstimate } from './estimate-result.ts';
import { greatCircleMeters } from './geo.ts';
import { readLocalClock } from './local-time.ts';
import { SpeedProfile, defaultSpeedProfile, speedKmh } from './speed-profile.ts';
import { systemClock } from './types.ts';
import type { Clock, EtaEstimate, EtaProvider, EtaRequest } from './types.ts';

export const BuiltinEtaOptions = z.object({
  /** Road distance over great-circle distance; about 1.3 in towns and on regional roads. */
  detourFactor: z.number().min(1).max(3).default(1.3),
  speedProfile: SpeedProfile.default(defaultSpeedProfile),
});
export type BuiltinEtaOptions = z.input<typeof BuiltinEtaOptions>;

/**
 * Seconds to drive `meters` leaving at `departAt`, hour by hour: a trip that runs into the rush
 * hour slows down when it does.
 */
function drivingSeconds(
  meters: number,
  departAt: Date,
  timeZone: string,
  profile: SpeedProfile,
): number {
  let remaining = meters;
  let elapsed = 0;
  while (remaining > 0) {
    const clock = readLocalClock(new Date(departAt.getTime() + elapsed * 1000), timeZone);
    const metersPerSecond = speedKmh(profile, clock.weekday, clock.hour) / 3.6;
    const reachable = metersPerSecond * clock.secondsToNextHour;
    if (reachable >= remaining) {
      return elapsed + remaining / metersPerSecond;
    }
    remaining -= reachable;
    elapsed += clock.secondsToNextHour;
  }
  return elapsed;
}

/** The default provider: no network, road distance from great-circle distance, speed by hour. */
export function createBuiltinEtaProvider(
  options: BuiltinEtaOptions = {},
  now: Clock = systemClock,
): EtaProvider {
  const { detourFactor, speedProfile } = BuiltinEtaOptions.parse(options);

  const estimateNow = (input: EtaRequest): EtaEstimate => {
    const request = parseEtaRequest(input);
    const distanceMeters = Math.round(greatCircleMeters(request.from, request.to) * detourFactor);
    const seconds = drivingSeconds(
      distanceMeters,
      request.departAt,
      request.timeZone ?? 'UTC',
      speedProfile,
    );
    return toEstimate(
      {
        source: 'builtin',
        departAt: request.departAt,
        durationSeconds: Math.round(seconds),
        distanceMeters,
      },
      now,
    );
  };

  return {
    source: 'builtin',
    estimate: async (request) => estimateNow(request),
  };
}
