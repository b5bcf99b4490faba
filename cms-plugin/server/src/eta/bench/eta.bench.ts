// Figures for the ETA service on this machine, no network: the built-in estimator's speed, an
// OSRM round trip to a local server answering in OSRM's format, the fallback's latency when the
// provider hangs, and how many provider calls the throttle lets through for simulated
// technicians. The last line sums it up:
// eta: builtin_per_s=<n> osrm_p95_ms=<n> fallback_ms=<n> calls_per_position=<n>
import { createBuiltinEtaProvider } from '../builtin.ts';
import { withBuiltinFallback } from '../fallback.ts';
import { createOsrmEtaProvider } from '../osrm.ts';
import { startProviderServer } from '../test-support/provider-server.ts';
import { ThrottleRules, decideRecompute } from '../updater.ts';
import type { LastComputation } from '../updater.ts';

const PARIS = { lat: 48.8566, lng: 2.3522 };

/** A seeded generator, so that runs compare. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

async function builtinPerSecond(): Promise<number> {
  const next = random(1);
  const builtin = createBuiltinEtaProvider();
  const count = 20_000;
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    await builtin.estimate({
      from: { lat: PARIS.lat + (next() - 0.5) * 0.5, lng: PARIS.lng + (next() - 0.5) * 0.7 },
      to: PARIS,
      departAt: new Date(Date.UTC(2026, 10, 24, Math.floor(next() * 24))),
      timeZone: 'Europe/Paris',
    });
  }
  return count / ((performance.now() - started) / 1000);
}

async function osrmRoundTrips(): Promise<number[]> {
  const server = await startProviderServer(() => ({
    body: { code: 'Ok', routes: [{ duration: 900, distance: 8000 }], waypoints: [] },
  }));
  try {
    const osrm = createOsrmEtaProvider({ baseUrl: server.baseUrl });
    const times: number[] = [];
    for (let i = 0; i < 500; i += 1) {
      const started = performance.now();
      await osrm.estimate({ from: PARIS, to: { lat: 48.8584, lng: 2.2945 }, departAt: new Date() });
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    await server.close();
  }
}

async function fallbackLatency(timeoutMs: number): Promise<number[]> {
  const server = await startProviderServer(() => ({ body: {}, delayMs: 60_000 }));
  try {
    const provider = withBuiltinFallback(createOsrmEtaProvider({ baseUrl: server.baseUrl }), {
      timeoutMs,
    });
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      const estimate = await provider.estimate({ from: PARIS, to: PARIS, departAt: new Date() });
      if (!estimate.fallback) throw new Error('expected a fallback');
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    await server.close();
  }
}

/** 1,000 technicians, one position every 5 s for an hour, driving at 30 km/h with stops. */
function callsPerPosition(): { positions: number; calls: number } {
  const next = random(7);
  const rules = ThrottleRules.parse({});
  let positions = 0;
  let calls = 0;
  for (let technician = 0; technician < 1000; technician += 1) {
    let last: LastComputation | undefined;
    let position = { lat: PARIS.lat + (next() - 0.5) * 0.3, lng: PARIS.lng + (next() - 0.5) * 0.4 };
    for (let second = 0; second < 3600; second += 5) {
      const stopped = next() < 0.3;
      const meters = stopped ? 0 : (30 / 3.6) * 5;
      position = { lat: position.lat + meters / 111_195, lng: position.lng };
      const now = new Date(Date.UTC(2026, 10, 24, 8) + second * 1000);
      positions += 1;
      if (decideRecompute(last, position, now, rules).recompute) {
        calls += 1;
        last = { at: now, position };
      }
    }
  }
  return { positions, calls };
}

const perSecond = await builtinPerSecond();
console.log(`built-in estimator: ${Math.round(perSecond)} estimates/s (20,000 Paris trips)`);

const roundTrips = await osrmRoundTrips();
console.log(
  `OSRM adapter, local server: p50 ${round(percentile(roundTrips, 50), 2)} ms, p95 ${round(percentile(roundTrips, 95), 2)} ms (500 requests)`,
);

const fallbacks = await fallbackLatency(200);
console.log(
  `fallback with timeoutMs=200 against a hung provider: max ${round(Math.max(...fallbacks))} ms (5 requests)`,
);

const { positions, calls } = callsPerPosition();
console.log(`throttle (defaults): ${calls} provider calls for ${positions} positions`);

console.log(
  `eta: builtin_per_s=${Math.round(perSecond)} osrm_p95_ms=${round(percentile(roundTrips, 95), 2)} fallback_ms=${round(Math.max(...fallbacks))} calls_per_position=${round(calls / positions, 3)}`,
);
