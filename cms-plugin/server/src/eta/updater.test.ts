import { describe, expect, it } from 'vitest';
import { createBuiltinEtaProvider } from './builtin.ts';
import { EIFFEL_TOWER, GARE_DE_LYON, manualClock } from './test-support/fixtures.ts';
import type { EtaProvider } from './types.ts';
import { ThrottleRules, createEtaUpdater, decideRecompute } from './updater.ts';

const rules = ThrottleRules.parse({ minIntervalMs: 30_000, minMoveMeters: 100, maxAgeMs: 300_000 });
const start = new Date('2026-11-24T09:00:00Z');
const later = (ms: number) => new Date(start.getTime() + ms);
// About 111 m north per 0.001° of latitude.
const north = (meters: number) => ({
  lat: GARE_DE_LYON.lat + meters / 111_195,
  lng: GARE_DE_LYON.lng,
});

describe('decideRecompute', () => {
  const last = { at: start, position: GARE_DE_LYON };

  it('computes the first ETA of a booking at once', () => {
    expect(decideRecompute(undefined, GARE_DE_LYON, start, rules)).toEqual({
      recompute: true,
      reason: 'first',
    });
  });

  it('waits the minimum interval, however far the technician moved', () => {
    expect(decideRecompute(last, north(5000), later(29_999), rules)).toEqual({
      recompute: false,
      reason: 'too-soon',
    });
  });

  it('recomputes after the interval when the technician moved far enough', () => {
    expect(decideRecompute(last, north(120), later(30_000), rules).reason).toBe('moved');
    expect(decideRecompute(last, north(80), later(30_000), rules).reason).toBe('not-moved');
  });

  it('refreshes an ETA that grew old even when the technician stands still', () => {
    expect(decideRecompute(last, north(10), later(299_999), rules).recompute).toBe(false);
    expect(decideRecompute(last, north(10), later(300_000), rules)).toEqual({
      recompute: true,
      reason: 'refresh',
    });
  });
});

describe('createEtaUpdater', () => {
  function setup(provider?: EtaProvider) {
    const clock = manualClock(start.toISOString());
    const updater = createEtaUpdater({
      provider: provider ?? createBuiltinEtaProvider({}, clock.now),
      minIntervalMs: 30_000,
      minMoveMeters: 100,
      now: clock.now,
    });
    const trip = { key: 'booking-1', destination: EIFFEL_TOWER, timeZone: 'Europe/Paris' };
    return { clock, updater, trip };
  }

  it('recomputes on the first position, then only when the rules say so', async () => {
    const { clock, updater, trip } = setup();
    const first = await updater.onPosition({ ...trip, position: GARE_DE_LYON });
    expect(first).toMatchObject({ recomputed: true, reason: 'first' });
    if (!first.recomputed) throw new Error('expected an estimate');
    expect(first.estimate.arrivesAt.getTime()).toBeGreaterThan(start.getTime());

    clock.advance(10_000);
    expect(await updater.onPosition({ ...trip, position: north(500) })).toEqual({
      recomputed: false,
      reason: 'too-soon',
    });

    clock.advance(25_000);
    expect(await updater.onPosition({ ...trip, position: north(50) })).toEqual({
      recomputed: false,
      reason: 'not-moved',
    });

    const moved = await updater.onPosition({ ...trip, position: north(-2000) });
    expect(moved).toMatchObject({ recomputed: true, reason: 'moved' });
  });

  it('keeps one booking from throttling another', async () => {
    const { updater, trip } = setup();
    await updater.onPosition({ ...trip, position: GARE_DE_LYON });
    const other = await updater.onPosition({ ...trip, key: 'booking-2', position: GARE_DE_LYON });
    expect(other).toMatchObject({ recomputed: true, reason: 'first' });
  });

  it('asks the provider once when positions arrive while it is still answering', async () => {
    const clock = manualClock(start.toISOString());
    const builtin = createBuiltinEtaProvider({}, clock.now);
    let calls = 0;
    const counting: EtaProvider = {
      source: 'builtin',
      estimate: async (request) => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return builtin.estimate(request);
      },
    };
    const { updater, trip } = setup(counting);
    const results = await Promise.all([
      updater.onPosition({ ...trip, position: GARE_DE_LYON }),
      updater.onPosition({ ...trip, position: north(300) }),
    ]);
    expect(results.map((result) => result.reason)).toEqual(['first', 'too-soon']);
    expect(calls).toBe(1);
  });

  it('tries again on the next position when the provider threw', async () => {
    const failing: EtaProvider = {
      source: 'osrm',
      estimate: async () => {
        throw new Error('boom');
      },
    };
    const { updater, trip } = setup(failing);
    await expect(updater.onPosition({ ...trip, position: GARE_DE_LYON })).rejects.toThrow('boom');
    expect(updater.decide(trip.key, GARE_DE_LYON)).toEqual({ recompute: true, reason: 'first' });
  });

  it('starts afresh after forget (the booking stopped traveling)', async () => {
    const { updater, trip } = setup();
    await updater.onPosition({ ...trip, position: GARE_DE_LYON });
    updater.forget(trip.key);
    expect(updater.decide(trip.key, GARE_DE_LYON).reason).toBe('first');
  });

  it('estimates from the time the position was recorded', async () => {
    const { clock, updater, trip } = setup();
    clock.set('2026-11-24T09:05:00Z');
    const result = await updater.onPosition({
      ...trip,
      position: GARE_DE_LYON,
      recordedAt: new Date('2026-11-24T09:04:00Z'),
    });
    if (!result.recomputed) throw new Error('expected an estimate');
    const { arrivesAt, durationSeconds } = result.estimate;
    expect(arrivesAt.toISOString()).toBe(
      new Date(Date.parse('2026-11-24T09:04:00Z') + durationSeconds * 1000).toISOString(),
    );
  });
});
