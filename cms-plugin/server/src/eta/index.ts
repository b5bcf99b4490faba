export type {
  Clock,
  EstimateOptions,
  EtaEstimate,
  EtaFailure,
  EtaFailureKind,
  EtaProvider,
} from './types.ts';
export { EtaRequest } from './types.ts';
export { EtaProviderError, EtaRequestError, parseEtaRequest } from './errors.ts';
export { createBuiltinEtaProvider, BuiltinEtaOptions } from './builtin.ts';
export { defaultSpeedProfile, SpeedProfile } from './speed-profile.ts';
export { createOsrmEtaProvider } from './osrm.ts';
export { createValhallaEtaProvider } from './valhalla.ts';
export { createAzureMapsEtaProvider } from './azure-maps.ts';
export { withBuiltinFallback, DEFAULT_TIMEOUT_MS } from './fallback.ts';
export type { FallbackOptions } from './fallback.ts';
export { createEtaUpdater, decideRecompute, ThrottleRules } from './updater.ts';
export type { EtaUpdater, PositionUpdate, ThrottleDecision, UpdateResult } from './updater.ts';
export { createEtaProvider, EtaSettings, EtaSettingsError, parseEtaSettings } from './settings.ts';
export { toContractEta } from './contract.ts';
