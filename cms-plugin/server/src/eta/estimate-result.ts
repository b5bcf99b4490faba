import type { EtaSource } from '../../../shared/contracts/index.ts';
import type { Clock, EtaEstimate } from './types.ts';

interface Trip {
  source: EtaSource;
  departAt: Date;
  durationSeconds: number;
  distanceMeters: number;
  /** The provider's own arrival time, when it gives one. */
  arrivesAt?: Date;
}

/** A provider's trip as an estimate, its arrival moved up to now when it would lie in the past. */
export function toEstimate(trip: Trip, now: Clock): EtaEstimate {
  const computedAt = now();
  const arrival = trip.arrivesAt ?? new Date(trip.departAt.getTime() + trip.durationSeconds * 1000);
  return {
    arrivesAt: new Date(Math.max(arrival.getTime(), computedAt.getTime())),
    durationSeconds: trip.durationSeconds,
    distanceMeters: trip.distanceMeters,
    source: trip.source,
    fallback: false,
    fallbackReason: null,
    computedAt,
  };
}
