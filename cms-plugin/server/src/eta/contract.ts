import type { Eta } from '../../../shared/contracts/index.ts';
import type { EtaEstimate } from './types.ts';

/** The estimate as the portal view and live updates carry it. */
export function toContractEta(estimate: EtaEstimate): Eta {
  return {
    arrivesAt: estimate.arrivesAt.toISOString(),
    computedAt: estimate.computedAt.toISOString(),
    source: estimate.source,
    fallback: estimate.fallback,
  };
}
