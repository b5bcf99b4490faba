import { describe, expect, it } from 'vitest';
import { createAzureMapsEtaProvider } from './azure-maps.ts';
import { manualClock, parisTrip } from './test-support/fixtures.ts';
import { useProviderServer } from './test-support/use-provider-server.ts';
import type { ProviderAnswer } from './test-support/provider-server.ts';

const NOW = '2026-11-24T09:00:00Z';
const KEY = 'test-subscription-key-7f3a';
const request = parisTrip(NOW);

// Route Directions 1.0's documented answer (routes[].summary, legs with points, sections).
const directionsAnswer = {
  formatVersion: '0.0.12',
  routes: [
    {
      summary: {
        lengthInMeters: 9147,
        travelTimeInSeconds: 1462,
        trafficDelayInSeconds: 240,
        departureTime: '2026-11-24T10:00:00+01:00',
        arrivalTime: '2026-11-24T10:24:22+01:00',
      },
      legs: [
        {
          summary: { lengthInMeters: 9147, travelTimeInSeconds: 1462, trafficDelayInSeconds: 240 },
          points: [
            { latitude: 48.8443, longitude: 2.3744 },
            { latitude: 48.8584, longitude: 2.2945 },
          ],
        },
      ],
      sections: [
        { startPointIndex: 0, endPointIndex: 1, sectionType: 'TRAVEL_MODE', travelMode: 'car' },
      ],
    },
  ],
};

const server = useProviderServer();

async function azure(answer: ProviderAnswer) {
  const { baseUrl } = await server.start(answer);
  return createAzureMapsEtaProvider({
    baseUrl: baseUrl,
    apiKey: KEY,
    now: manualClock(NOW).now,
  });
}

describe('Azure Maps adapter', () => {
  it('asks Route Directions with traffic, leaving now, and takes its arrival time', async () => {
    const provider = await azure({ body: directionsAnswer });
    const estimate = await provider.estimate(request);

    const [sent] = server.requests;
    expect(sent?.method).toBe('GET');
    expect(sent?.path).toBe('/route/directions/json');
    expect(Object.fromEntries(sent?.query ?? [])).toEqual({
      'api-version': '1.0',
      query: '48.8443,2.3744:48.8584,2.2945',
      traffic: 'true',
      departAt: 'now',
      'subscription-key': KEY,
    });
    expect(estimate).toEqual({
      arrivesAt: new Date('2026-11-24T09:24:22.000Z'),
      durationSeconds: 1462,
      distanceMeters: 9147,
      source: 'azure-maps',
      fallback: false,
      fallbackReason: null,
      computedAt: new Date(NOW),
    });
  });

  it('sends a future departure as an RFC 3339 date-time', async () => {
    const provider = await azure({ body: directionsAnswer });
    await provider.estimate({ ...request, departAt: new Date('2026-11-24T11:00:00.250Z') });
    expect(server.requests[0]?.query.get('departAt')).toBe('2026-11-24T11:00:00Z');
  });

  it('reports a refused key without repeating it', async () => {
    const provider = await azure({
      status: 401,
      body: {
        error: {
          code: '401 Unauthorized',
          message: `Access denied due to invalid subscription key ${KEY}.`,
        },
      },
    });
    const failure = provider.estimate(request);
    await expect(failure).rejects.toMatchObject({ kind: 'http-error' });
    await expect(failure).rejects.toThrow(/HTTP 401 401 Unauthorized Access denied/);
    await expect(failure).rejects.not.toThrow(KEY);
  });

  it('reports an engine NO_ROUTE_FOUND as no route', async () => {
    const provider = await azure({
      status: 400,
      body: {
        error: {
          code: '400 BadRequest',
          message: 'Engine error while executing route request: NO_ROUTE_FOUND',
        },
      },
    });
    await expect(provider.estimate(request)).rejects.toMatchObject({ kind: 'no-route' });
  });

  it('refuses an arrival time that is not a date-time', async () => {
    const broken = structuredClone(directionsAnswer);
    const [route] = broken.routes;
    if (route) route.summary.arrivalTime = 'in a bit';
    const provider = await azure({ body: broken });
    await expect(provider.estimate(request)).rejects.toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('routes.0.summary.arrivalTime'),
    });
  });
});
