import { z } from 'zod';
import { createAzureMapsEtaProvider } from './azure-maps.ts';
import { createBuiltinEtaProvider } from './builtin.ts';
import { DEFAULT_TIMEOUT_MS, withBuiltinFallback } from './fallback.ts';
import type { FallbackOptions } from './fallback.ts';
import { createOsrmEtaProvider } from './osrm.ts';
import { systemClock } from './types.ts';
import type { Clock, EtaProvider } from './types.ts';
import { createValhallaEtaProvider } from './valhalla.ts';
import { describeIssues } from './zod-issues.ts';

const HttpUrl = z.url({
  protocol: /^https?$/,
  error: 'must be an http(s) URL such as http://127.0.0.1:5000',
});
const TimeoutMs = z
  .number()
  .int()
  .min(100, 'must be at least 100 ms')
  .max(30_000, 'must be at most 30000 ms')
  .default(DEFAULT_TIMEOUT_MS);

/** The ETA part of the plugin's settings. */
export const EtaSettings = z.discriminatedUnion(
  'provider',
  [
    z.object({ provider: z.literal('builtin') }),
    z.object({ provider: z.literal('osrm'), baseUrl: HttpUrl, timeoutMs: TimeoutMs }),
    z.object({ provider: z.literal('valhalla'), baseUrl: HttpUrl, timeoutMs: TimeoutMs }),
    z.object({
      provider: z.literal('azure-maps'),
      baseUrl: HttpUrl.default('https://atlas.microsoft.com'),
      apiKey: z
        .string({ error: 'is required: the Azure Maps subscription key' })
        .trim()
        .min(1, 'is required: the Azure Maps subscription key'),
      timeoutMs: TimeoutMs,
    }),
  ],
  { error: "must be one of 'builtin', 'osrm', 'valhalla', 'azure-maps'" },
);
export type EtaSettings = z.input<typeof EtaSettings>;

export class EtaSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EtaSettingsError';
  }
}

export function parseEtaSettings(input: unknown): z.output<typeof EtaSettings> {
  const parsed = EtaSettings.safeParse(input);
  if (!parsed.success) {
    throw new EtaSettingsError(`Invalid ETA settings: ${describeIssues(parsed.error).join('; ')}`);
  }
  return parsed.data;
}

export interface EtaProviderDependencies {
  now?: Clock;
  onFallback?: FallbackOptions['onFallback'];
}

/**
 * The provider the settings ask for. Every network provider is wrapped so that the built-in
 * estimate answers when it fails or takes longer than `timeoutMs`.
 */
export function createEtaProvider(
  input: unknown,
  { now = systemClock, onFallback }: EtaProviderDependencies = {},
): EtaProvider {
  const settings = parseEtaSettings(input);
  const builtin = createBuiltinEtaProvider({}, now);
  const fallback = (provider: EtaProvider, timeoutMs: number): EtaProvider =>
    withBuiltinFallback(provider, { timeoutMs, builtin, now, onFallback });

  switch (settings.provider) {
    case 'builtin':
      return builtin;
    case 'osrm':
      return fallback(
        createOsrmEtaProvider({ baseUrl: settings.baseUrl, now }),
        settings.timeoutMs,
      );
    case 'valhalla':
      return fallback(
        createValhallaEtaProvider({ baseUrl: settings.baseUrl, now }),
        settings.timeoutMs,
      );
    case 'azure-maps':
      return fallback(
        createAzureMapsEtaProvider({ baseUrl: settings.baseUrl, apiKey: settings.apiKey, now }),
        settings.timeoutMs,
      );
  }
}
