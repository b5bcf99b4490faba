import { describe, expect, it } from 'vitest';
import { createBuiltinEtaProvider } from './builtin.ts';
import { EtaRequestError } from './errors.ts';
import { greatCircleMeters } from './geo.ts';
import { EIFFEL_TOWER, GARE_DE_LYON, manualClock } from './test-support/fixtures.ts';

// Tuesday 24 November 2026; Paris is UTC+1, New York UTC-5.
const PARIS = 'Europe/Paris';

function providerAt(iso: string) {
  return createBuiltinEtaProvider({}, manualClock(iso).now);
}

describe('built-in ETA estimator', () => {
  it('measures great-circle distance with the haversine formula', () => {
    const paris = { lat: 48.8566, lng: 2.3522 };
    const london = { lat: 51.5074, lng: -0.1278 };
    expect(greatCircleMeters(paris, london) / 1000).toBeCloseTo(343.5, 0);
    expect(greatCircleMeters(paris, paris)).toBe(0);
  });

  it('estimates road distance as great-circle distance times the detour factor', async () => {
    const departAt = new Date('2026-11-24T10:00:00Z');
    const estimate = await providerAt('2026-11-24T10:00:00Z').estimate({
      from: GARE_DE_LYON,
      to: EIFFEL_TOWER,
      departAt,
      timeZone: PARIS,
    });
    const straight = greatCircleMeters(GARE_DE_LYON, EIFFEL_TOWER);
    expect(estimate.distanceMeters).toBe(Math.round(straight * 1.3));
    expect(estimate).toMatchObject({ source: 'builtin', fallback: false, fallbackReason: null });
    // 11:00 in Paris on a Tuesday: 40 km/h.
    expect(estimate.durationSeconds).toBe(Math.round(estimate.distanceMeters / (40 / 3.6)));
    expect(estimate.arrivesAt.getTime()).toBe(departAt.getTime() + estimate.durationSeconds * 1000);
  });

  it('answers zero seconds and an arrival of now for zero distance', async () => {
    const estimate = await providerAt('2026-11-24T10:00:00Z').estimate({
      from: EIFFEL_TOWER,
      to: EIFFEL_TOWER,
      departAt: new Date('2026-11-24T10:00:00Z'),
    });
    expect(estimate.distanceMeters).toBe(0);
    expect(estimate.durationSeconds).toBe(0);
    expect(estimate.arrivesAt.toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });

  it('takes longer the farther the technician is', async () => {
    const provider = providerAt('2026-11-24T06:00:00Z');
    const durations: number[] = [];
    for (let step = 0; step <= 40; step += 1) {
      const estimate = await provider.estimate({
        from: { lat: 48.8584 + step * 0.02, lng: 2.2945 + step * 0.01 },
        to: EIFFEL_TOWER,
        departAt: new Date('2026-11-24T06:00:00Z'),
        timeZone: PARIS,
      });
      durations.push(estimate.durationSeconds);
    }
    for (let i = 1; i < durations.length; i += 1) {
      expect(durations[i]).toBeGreaterThan(durations[i - 1] ?? Infinity);
    }
  });

  it('is slower in the weekday morning rush than in the late morning', async () => {
    const trip = { from: GARE_DE_LYON, to: EIFFEL_TOWER, timeZone: PARIS };
    const rush = await providerAt('2026-11-24T07:00:00Z').estimate({
      ...trip,
      departAt: new Date('2026-11-24T07:00:00Z'), // 08:00 in Paris
    });
    const lateMorning = await providerAt('2026-11-24T10:00:00Z').estimate({
      ...trip,
      departAt: new Date('2026-11-24T10:00:00Z'), // 11:00 in Paris
    });
    expect(rush.durationSeconds).toBeGreaterThan(lateMorning.durationSeconds * 1.4);
  });

  it('has no rush hour on Saturdays', async () => {
    const trip = { from: GARE_DE_LYON, to: EIFFEL_TOWER, timeZone: PARIS };
    const tuesday = await providerAt('2026-11-24T07:00:00Z').estimate({
      ...trip,
      departAt: new Date('2026-11-24T07:00:00Z'),
    });
    const saturday = await providerAt('2026-11-28T07:00:00Z').estimate({
      ...trip,
      departAt: new Date('2026-11-28T07:00:00Z'),
    });
    expect(saturday.durationSeconds).toBeLessThan(tuesday.durationSeconds);
  });

  it("reads the hour in the service location's zone", async () => {
    const at = '2026-11-24T13:00:00Z'; // 08:00 in New York, 14:00 in Paris
    const trip = { from: GARE_DE_LYON, to: EIFFEL_TOWER, departAt: new Date(at) };
    const newYork = await providerAt(at).estimate({ ...trip, timeZone: 'America/New_York' });
    const paris = await providerAt(at).estimate({ ...trip, timeZone: PARIS });
    expect(newYork.durationSeconds).toBeGreaterThan(paris.durationSeconds);
  });

  it('slows down when a trip runs into the rush hour', async () => {
    // Leaves 06:50 in Paris (42 km/h until 07:00, then 28 km/h).
    const departAt = new Date('2026-11-24T05:50:00Z');
    const estimate = await providerAt('2026-11-24T05:50:00Z').estimate({
      from: { lat: 48.95, lng: 2.2945 },
      to: EIFFEL_TOWER,
      departAt,
      timeZone: PARIS,
    });
    const meters = estimate.distanceMeters;
    const firstTenMinutes = (42 / 3.6) * 600;
    const expected = 600 + (meters - firstTenMinutes) / (28 / 3.6);
    expect(meters).toBeGreaterThan(firstTenMinutes);
    expect(estimate.durationSeconds).toBe(Math.round(expected));
  });

  it('never gives an arrival in the past', async () => {
    const clock = manualClock('2026-11-24T10:00:00Z');
    const provider = createBuiltinEtaProvider({}, clock.now);
    const estimate = await provider.estimate({
      from: GARE_DE_LYON,
      to: EIFFEL_TOWER,
      departAt: new Date('2026-11-24T08:00:00Z'), // a position two hours old
      timeZone: PARIS,
    });
    expect(estimate.arrivesAt.getTime()).toBeGreaterThanOrEqual(clock.now().getTime());
    expect(estimate.computedAt.toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });

  it('refuses coordinates out of range with a clear error', async () => {
    const provider = providerAt('2026-11-24T10:00:00Z');
    const bad = provider.estimate({
      from: { lat: 91, lng: 2 },
      to: EIFFEL_TOWER,
      departAt: new Date('2026-11-24T10:00:00Z'),
    });
    await expect(bad).rejects.toBeInstanceOf(EtaRequestError);
    await expect(bad).rejects.toThrow(/from\.lat/);
  });

  it('refuses an unknown time zone and an invalid date', async () => {
    const provider = providerAt('2026-11-24T10:00:00Z');
    const trip = { from: GARE_DE_LYON, to: EIFFEL_TOWER };
    await expect(
      provider.estimate({
        ...trip,
        departAt: new Date('2026-11-24T10:00:00Z'),
        timeZone: 'Mars/Base',
      }),
    ).rejects.toThrow(/timeZone/);
    await expect(provider.estimate({ ...trip, departAt: new Date('soon') })).rejects.toThrow(
      /departAt/,
    );
  });
});
