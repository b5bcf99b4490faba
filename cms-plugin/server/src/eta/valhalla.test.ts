import { describe, expect, it } from 'vitest';
import { manualClock, parisTrip } from './test-support/fixtures.ts';
import { useProviderServer } from './test-support/use-provider-server.ts';
import type { ProviderAnswer } from './test-support/provider-server.ts';
import { createValhallaEtaProvider } from './valhalla.ts';

const NOW = '2026-11-24T08:30:00Z';
const request = parisTrip(NOW);

function tripAnswer(summary: { time: number; length: number }, units = 'kilometers') {
  return {
    trip: {
      locations: [
        { type: 'break', lat: 48.8443, lon: 2.3744, original_index: 0 },
        { type: 'break', lat: 48.8584, lon: 2.2945, original_index: 1 },
      ],
      legs: [{ summary: { ...summary, cost: 1200 }, shape: 'abc' }],
      summary: {
        has_time_restrictions: false,
        has_toll: false,
        has_highway: false,
        has_ferry: false,
        min_lat: 48.8443,
        min_lon: 2.2945,
        max_lat: 48.8584,
        max_lon: 2.3744,
        cost: 1200,
        ...summary,
      },
      status_message: 'Found route between points',
      status: 0,
      units,
      language: 'en-US',
    },
  };
}

const server = useProviderServer();

async function valhalla(answer: ProviderAnswer) {
  const { baseUrl } = await server.start(answer);
  return createValhallaEtaProvider({ baseUrl: baseUrl, now: manualClock(NOW).now });
}

describe('Valhalla adapter', () => {
  it('posts an auto route with local departure time and reads trip.summary', async () => {
    const provider = await valhalla({ body: tripAnswer({ time: 1100.6, length: 8.937 }) });
    const estimate = await provider.estimate(request);

    const [sent] = server.requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/route');
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      locations: [
        { lat: 48.8443, lon: 2.3744 },
        { lat: 48.8584, lon: 2.2945 },
      ],
      costing: 'auto',
      units: 'kilometers',
      directions_type: 'none',
      // 08:30 UTC is 09:30 on the wall clocks of Paris.
      date_time: { type: 1, value: '2026-11-24T09:30' },
    });
    expect(estimate).toMatchObject({
      arrivesAt: new Date('2026-11-24T08:48:21.000Z'),
      durationSeconds: 1101,
      distanceMeters: 8937,
      source: 'valhalla',
      fallback: false,
    });
  });

  it('sends no departure time when the zone is unknown', async () => {
    const provider = await valhalla({ body: tripAnswer({ time: 60, length: 1 }) });
    await provider.estimate({ ...request, timeZone: undefined });
    expect(JSON.parse(server.requests[0]?.body ?? '')).not.toHaveProperty('date_time');
  });

  it('converts a trip answered in miles to meters', async () => {
    const provider = await valhalla({ body: tripAnswer({ time: 600, length: 5 }, 'miles') });
    const estimate = await provider.estimate(request);
    expect(estimate.distanceMeters).toBe(8047);
  });

  it('reports "no path could be found" as no route', async () => {
    const provider = await valhalla({
      status: 400,
      body: {
        error_code: 442,
        error: 'No path could be found for input',
        status_code: 400,
        status: 'Bad Request',
      },
    });
    await expect(provider.estimate(request)).rejects.toMatchObject({
      kind: 'no-route',
      message: 'valhalla: HTTP 400 442 No path could be found for input',
    });
  });

  it('reports a server error as an HTTP error', async () => {
    const provider = await valhalla({ status: 503, body: 'Service Unavailable' });
    await expect(provider.estimate(request)).rejects.toMatchObject({ kind: 'http-error' });
  });

  it('refuses a trip without a summary', async () => {
    const provider = await valhalla({ body: { trip: { status: 0, units: 'kilometers' } } });
    await expect(provider.estimate(request)).rejects.toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('trip.summary'),
    });
  });
});
