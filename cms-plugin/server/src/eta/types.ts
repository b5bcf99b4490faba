import { z } from 'zod';
// The domain's schemas only: the contracts' barrel also loads the rendering package.
import { GeoPoint, TimeZone } from '../../../shared/contracts/domain.ts';
import type { EtaSource } from '../../../shared/contracts/index.ts';

// The contract's zone check builds an Intl formatter each time; a position stream asks about the
// same few zones over and over. Only valid names are kept, so the set stays as small as the tz
// database.
const knownZones = new Set<string>();
const KnownTimeZone = z.string().refine((zone) => {
  if (knownZones.has(zone)) return true;
  const known = TimeZone.safeParse(zone).success;
  if (known) knownZones.add(zone);
  return known;
}, 'must be an IANA time zone name such as Europe/Paris');

/** One question to an ETA provider: from the technician's position to the service location. */
export const EtaRequest = z.object({
  from: GeoPoint,
  to: GeoPoint,
  /** When the technician is at `from` (usually the position's recorded time). */
  departAt: z.date().refine((date) => !Number.isNaN(date.getTime()), 'must be a valid date'),
  /** The service location's IANA zone: the built-in speed profile reads the local hour in it. */
  timeZone: KnownTimeZone.optional(),
});
export type EtaRequest = z.infer<typeof EtaRequest>;

/** How a provider failed; the fallback records it next to the built-in estimate. */
export type EtaFailureKind =
  'unreachable' | 'timeout' | 'http-error' | 'no-route' | 'malformed' | 'error';

export interface EtaFailure {
  provider: EtaSource;
  kind: EtaFailureKind;
  message: string;
}

export interface EtaEstimate {
  /** Never before `computedAt`. */
  arrivesAt: Date;
  durationSeconds: number;
  distanceMeters: number;
  /** Who computed this estimate: `builtin` when the configured provider failed. */
  source: EtaSource;
  /** True when the configured provider failed and the built-in estimate stands in. */
  fallback: boolean;
  /** Why the configured provider was not used; null unless `fallback`. */
  fallbackReason: EtaFailure | null;
  computedAt: Date;
}

export interface EstimateOptions {
  /** Aborts the provider's request (the fallback wrapper's timeout uses it). */
  signal?: AbortSignal;
}

export interface EtaProvider {
  /** The provider this instance speaks to. */
  readonly source: EtaSource;
  estimate(request: EtaRequest, options?: EstimateOptions): Promise<EtaEstimate>;
}

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
