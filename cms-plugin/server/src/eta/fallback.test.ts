import { describe, expect, it } from 'vitest';
import { createBuiltinEtaProvider } from './builtin.ts';
import { EtaRequestError } from './errors.ts';
import { withBuiltinFallback } from './fallback.ts';
import { createEtaProvider } from './settings.ts';
import { manualClock, parisTrip } from './test-support/fixtures.ts';
import { closedPortUrl } from './test-support/provider-server.ts';
import { useProviderServer } from './test-support/use-provider-server.ts';
import type { ProviderAnswer } from './test-support/provider-server.ts';
import type { EtaFailure, EtaProvider } from './types.ts';

const NOW = '2026-11-24T09:00:00Z';
const request = parisTrip(NOW);
const builtinEstimate = () => createBuiltinEtaProvider({}, manualClock(NOW).now).estimate(request);

const server = useProviderServer();

const providers = [
  { provider: 'osrm', apiKey: undefined },
  { provider: 'valhalla', apiKey: undefined },
  { provider: 'azure-maps', apiKey: 'test-key' },
] as const;

async function configured(
  settings: (typeof providers)[number],
  answer: ProviderAnswer,
  timeoutMs = 2000,
) {
  const { baseUrl } = await server.start(answer);
  const failures: EtaFailure[] = [];
  const provider = createEtaProvider(
    { ...settings, baseUrl: baseUrl, timeoutMs },
    { now: manualClock(NOW).now, onFallback: (failure) => failures.push(failure) },
  );
  return { provider, failures };
}

describe.each(providers)('$provider falls back to the built-in estimate', (settings) => {
  it('when the server answers an error', async () => {
    const { provider, failures } = await configured(settings, {
      status: 500,
      body: { message: 'internal error' },
    });
    const estimate = await provider.estimate(request);
    const expected = await builtinEstimate();
    expect(estimate).toEqual({
      ...expected,
      source: 'builtin',
      fallback: true,
      fallbackReason: {
        provider: settings.provider,
        kind: 'http-error',
        message: expect.stringContaining('HTTP 500'),
      },
    });
    expect(failures).toHaveLength(1);
  });

  it('when it takes longer than the time limit', async () => {
    const { provider } = await configured(settings, { body: {}, delayMs: 5000 }, 200);
    const started = performance.now();
    const estimate = await provider.estimate(request);
    const elapsed = performance.now() - started;
    expect(estimate.source).toBe('builtin');
    expect(estimate.fallbackReason).toMatchObject({ provider: settings.provider, kind: 'timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1500);
  });

  it('when it answers something that is not JSON', async () => {
    const { provider } = await configured(settings, { body: '<html>Bad gateway</html>' });
    const estimate = await provider.estimate(request);
    expect(estimate.fallbackReason).toMatchObject({ kind: 'malformed' });
    expect(estimate.durationSeconds).toBe((await builtinEstimate()).durationSeconds);
  });

  it('when it answers JSON in another format', async () => {
    const { provider } = await configured(settings, { body: { routes: 'none', trip: 42 } });
    const estimate = await provider.estimate(request);
    expect(estimate).toMatchObject({
      source: 'builtin',
      fallback: true,
      fallbackReason: { kind: 'malformed' },
    });
  });

  it('when nothing listens at the base URL', async () => {
    const provider = createEtaProvider(
      { ...settings, baseUrl: await closedPortUrl() },
      { now: manualClock(NOW).now },
    );
    const estimate = await provider.estimate(request);
    expect(estimate.fallbackReason).toMatchObject({
      provider: settings.provider,
      kind: 'unreachable',
    });
  });
});

describe('fallback wrapper', () => {
  it('uses the default time limit of 2 s', async () => {
    const { baseUrl } = await server.start({ body: {}, delayMs: 10_000 });
    const provider = createEtaProvider(
      { provider: 'osrm', baseUrl: baseUrl },
      { now: manualClock(NOW).now },
    );
    const started = performance.now();
    const estimate = await provider.estimate(request);
    const elapsed = performance.now() - started;
    expect(estimate.fallbackReason?.kind).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(1990);
    expect(elapsed).toBeLessThan(3500);
  });

  it('stops waiting at the time limit even for a provider that ignores the abort signal', async () => {
    const stuck: EtaProvider = { source: 'osrm', estimate: () => new Promise(() => {}) };
    const provider = withBuiltinFallback(stuck, { timeoutMs: 100, now: manualClock(NOW).now });
    const estimate = await provider.estimate(request);
    expect(estimate.fallbackReason).toEqual({
      provider: 'osrm',
      kind: 'timeout',
      message: 'osrm: no answer within 100 ms',
    });
  });

  it('gives up without a fallback when the caller aborts', async () => {
    const stuck: EtaProvider = { source: 'valhalla', estimate: () => new Promise(() => {}) };
    const provider = withBuiltinFallback(stuck, { now: manualClock(NOW).now });
    const caller = new AbortController();
    const pending = provider.estimate(request, { signal: caller.signal });
    caller.abort(new Error('booking completed'));
    await expect(pending).rejects.toThrow('booking completed');
  });

  it('keeps a good answer from the provider as it is', async () => {
    const { baseUrl } = await server.start({
      body: { code: 'Ok', routes: [{ duration: 600, distance: 5000 }] },
    });
    const provider = createEtaProvider(
      { provider: 'osrm', baseUrl: baseUrl },
      { now: manualClock(NOW).now },
    );
    await expect(provider.estimate(request)).resolves.toMatchObject({
      source: 'osrm',
      fallback: false,
      fallbackReason: null,
      durationSeconds: 600,
    });
  });

  it('does not hide a bad request behind a fallback', async () => {
    const { baseUrl } = await server.start({ body: {} });
    const provider = createEtaProvider({ provider: 'valhalla', baseUrl: baseUrl });
    await expect(
      provider.estimate({ ...request, to: { lat: 48.8584, lng: 190 } }),
    ).rejects.toBeInstanceOf(EtaRequestError);
    expect(server.requests).toHaveLength(0);
  });
});
