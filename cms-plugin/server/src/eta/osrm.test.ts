import { describe, expect, it } from 'vitest';
import { EtaProviderError } from './errors.ts';
import { createOsrmEtaProvider } from './osrm.ts';
import { manualClock, parisTrip } from './test-support/fixtures.ts';
import { useProviderServer } from './test-support/use-provider-server.ts';
import type { ProviderAnswer } from './test-support/provider-server.ts';

const NOW = '2026-11-24T09:00:00Z';
const request = parisTrip(NOW);

// The route service's documented answer with overview=false (no geometry).
const routeAnswer = {
  code: 'Ok',
  routes: [
    {
      legs: [{ steps: [], summary: '', weight: 1010.7, duration: 1012.4, distance: 8423.6 }],
      weight_name: 'routability',
      weight: 1010.7,
      duration: 1012.4,
      distance: 8423.6,
    },
  ],
  waypoints: [
    { hint: 'a', distance: 4.2, name: 'Boulevard Diderot', location: [2.374418, 48.844311] },
    { hint: 'b', distance: 9.1, name: 'Avenue Gustave Eiffel', location: [2.294522, 48.858391] },
  ],
};

const server = useProviderServer();

async function osrm(answer: ProviderAnswer, path = '') {
  const { baseUrl } = await server.start(answer);
  return createOsrmEtaProvider({
    baseUrl: `${baseUrl}${path}`,
    now: manualClock(NOW).now,
  });
}

describe('OSRM adapter', () => {
  it('asks the route service for a driving route without geometry, lng before lat', async () => {
    const provider = await osrm({ body: routeAnswer });
    const estimate = await provider.estimate(request);

    expect(server.requests).toHaveLength(1);
    const [sent] = server.requests;
    expect(sent?.method).toBe('GET');
    expect(sent?.path).toBe('/route/v1/driving/2.3744,48.8443;2.2945,48.8584');
    expect([...(sent?.query ?? [])]).toEqual([['overview', 'false']]);
    expect(estimate).toEqual({
      arrivesAt: new Date('2026-11-24T09:16:52.000Z'),
      durationSeconds: 1012,
      distanceMeters: 8424,
      source: 'osrm',
      fallback: false,
      fallbackReason: null,
      computedAt: new Date(NOW),
    });
  });

  it('keeps the path of a base URL behind a reverse proxy', async () => {
    const provider = await osrm({ body: routeAnswer }, '/osrm/');
    await provider.estimate(request);
    expect(server.requests[0]?.path).toBe('/osrm/route/v1/driving/2.3744,48.8443;2.2945,48.8584');
  });

  it('reports NoRoute as no route', async () => {
    const provider = await osrm({
      status: 400,
      body: { code: 'NoRoute', message: 'Impossible route between points' },
    });
    const failure = provider.estimate(request);
    await expect(failure).rejects.toBeInstanceOf(EtaProviderError);
    await expect(failure).rejects.toMatchObject({
      kind: 'no-route',
      message: 'osrm: HTTP 400 NoRoute: Impossible route between points',
    });
  });

  it('reports any other error code as an HTTP error', async () => {
    const provider = await osrm({ status: 400, body: { code: 'InvalidQuery' } });
    await expect(provider.estimate(request)).rejects.toMatchObject({
      kind: 'http-error',
      message: 'osrm: HTTP 400 InvalidQuery',
    });
  });

  it('refuses an answer that does not match the documented format', async () => {
    const provider = await osrm({ body: { code: 'Ok', routes: [{ duration: 'soon' }] } });
    await expect(provider.estimate(request)).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('refuses an answer with no route', async () => {
    const provider = await osrm({ body: { code: 'Ok', routes: [], waypoints: [] } });
    await expect(provider.estimate(request)).rejects.toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('no route in the answer'),
    });
  });
});
