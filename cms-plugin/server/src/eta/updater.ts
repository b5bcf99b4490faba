import { z } from 'zod';
import type { GeoPoint } from '../../../shared/contracts/index.ts';
import { greatCircleMeters } from './geo.ts';
import { systemClock } from './types.ts';
import type { Clock, EtaEstimate, EtaProvider } from './types.ts';

export const ThrottleRules = z.object({
  /** Never recompute more often than this for one booking. */
  minIntervalMs: z.number().int().nonnegative().default(30_000),
  /** A technician who moved less than this keeps the current ETA… */
  minMoveMeters: z.number().nonnegative().default(100),
  /** …until it is this old: standing in traffic moves the arrival too. */
  maxAgeMs: z.number().int().positive().default(300_000),
});
export type ThrottleRules = z.infer<typeof ThrottleRules>;

/** The last recomputation for one booking. */
export interface LastComputation {
  at: Date;
  position: GeoPoint;
}

export type ThrottleDecision =
  | { recompute: true; reason: 'first' | 'moved' | 'refresh' }
  | { recompute: false; reason: 'too-soon' | 'not-moved' };

/** Whether a new position warrants a new ETA. Pure: the caller passes the time. */
export function decideRecompute(
  last: LastComputation | undefined,
  position: GeoPoint,
  now: Date,
  rules: ThrottleRules,
): ThrottleDecision {
  if (!last) return { recompute: true, reason: 'first' };
  const elapsed = now.getTime() - last.at.getTime();
  if (elapsed < rules.minIntervalMs) return { recompute: false, reason: 'too-soon' };
  if (greatCircleMeters(last.position, position) >= rules.minMoveMeters) {
    return { recompute: true, reason: 'moved' };
  }
  if (elapsed >= rules.maxAgeMs) return { recompute: true, reason: 'refresh' };
  return { recompute: false, reason: 'not-moved' };
}

export interface PositionUpdate {
  /** What the ETA belongs to, usually the booking's document id. */
  key: string;
  position: GeoPoint;
  /** When the position was recorded; now when absent. */
  recordedAt?: Date;
  destination: GeoPoint;
  /** The service location's zone. */
  timeZone?: string;
}

export type UpdateResult =
  | { recomputed: true; reason: 'first' | 'moved' | 'refresh'; estimate: EtaEstimate }
  | { recomputed: false; reason: 'too-soon' | 'not-moved' };

export interface EtaUpdaterOptions extends Partial<ThrottleRules> {
  provider: EtaProvider;
  now?: Clock;
}

/**
 * Recomputes a traveling technician's ETA when a new position warrants it. Keeps one small entry
 * per booking: call `forget` when the booking stops traveling.
 */
export function createEtaUpdater({ provider, now = systemClock, ...rules }: EtaUpdaterOptions) {
  const throttle = ThrottleRules.parse(rules);
  const lastByKey = new Map<string, LastComputation>();

  return {
    decide(key: string, position: GeoPoint): ThrottleDecision {
      return decideRecompute(lastByKey.get(key), position, now(), throttle);
    },

    async onPosition(update: PositionUpdate): Promise<UpdateResult> {
      const decision = decideRecompute(lastByKey.get(update.key), update.position, now(), throttle);
      if (!decision.recompute) return { recomputed: false, reason: decision.reason };
      const previous = lastByKey.get(update.key);
      // Claimed before the request, so positions arriving meanwhile are throttled, not queued.
      lastByKey.set(update.key, { at: now(), position: update.position });
      try {
        const estimate = await provider.estimate({
          from: update.position,
          to: update.destination,
          departAt: update.recordedAt ?? now(),
          timeZone: update.timeZone,
        });
        return { recomputed: true, reason: decision.reason, estimate };
      } catch (error) {
        if (previous) lastByKey.set(update.key, previous);
        else lastByKey.delete(update.key);
        throw error;
      }
    },

    forget(key: string): void {
      lastByKey.delete(key);
    },
  };
}

export type EtaUpdater = ReturnType<typeof createEtaUpdater>;
