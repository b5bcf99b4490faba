import { describe, expect, it } from 'vitest';
import { toContractEta } from './contract.ts';
import { EtaSettingsError, createEtaProvider, parseEtaSettings } from './settings.ts';
import { EIFFEL_TOWER, GARE_DE_LYON, manualClock } from './test-support/fixtures.ts';

function settingsError(input: unknown): string {
  try {
    createEtaProvider(input);
  } catch (error) {
    expect(error).toBeInstanceOf(EtaSettingsError);
    return (error as Error).message;
  }
  throw new Error('expected the settings to be refused');
}

describe('ETA provider settings', () => {
  it('builds the built-in estimator, which needs nothing else', async () => {
    const provider = createEtaProvider(
      { provider: 'builtin' },
      { now: manualClock('2026-11-24T09:00:00Z').now },
    );
    expect(provider.source).toBe('builtin');
    const estimate = await provider.estimate({
      from: GARE_DE_LYON,
      to: EIFFEL_TOWER,
      departAt: new Date('2026-11-24T09:00:00Z'),
    });
    expect(toContractEta(estimate)).toEqual({
      arrivesAt: estimate.arrivesAt.toISOString(),
      computedAt: '2026-11-24T09:00:00.000Z',
      source: 'builtin',
      fallback: false,
    });
  });

  it('defaults the time limit to 2 s and Azure Maps to its global endpoint', () => {
    expect(parseEtaSettings({ provider: 'osrm', baseUrl: 'http://127.0.0.1:5000' })).toEqual({
      provider: 'osrm',
      baseUrl: 'http://127.0.0.1:5000',
      timeoutMs: 2000,
    });
    expect(parseEtaSettings({ provider: 'azure-maps', apiKey: 'k' })).toMatchObject({
      baseUrl: 'https://atlas.microsoft.com',
      timeoutMs: 2000,
    });
  });

  it('names the providers it knows when given another', () => {
    expect(settingsError({ provider: 'google' })).toMatch(
      /provider.*'builtin', 'osrm', 'valhalla', 'azure-maps'/s,
    );
  });

  it('asks for the base URL of a self-hosted engine', () => {
    expect(settingsError({ provider: 'osrm' })).toMatch(/baseUrl.*http\(s\) URL/s);
    expect(settingsError({ provider: 'valhalla', baseUrl: 'ftp://example.org' })).toMatch(
      /baseUrl.*http\(s\) URL/s,
    );
  });

  it('asks for the Azure Maps key', () => {
    expect(settingsError({ provider: 'azure-maps' })).toMatch(/apiKey.*subscription key/s);
    expect(settingsError({ provider: 'azure-maps', apiKey: '  ' })).toMatch(/apiKey/);
  });

  it('refuses a time limit out of range', () => {
    expect(
      settingsError({ provider: 'osrm', baseUrl: 'http://127.0.0.1:5000', timeoutMs: 10 }),
    ).toMatch(/timeoutMs.*at least 100 ms/s);
  });
});
