import type { EtaSource } from '../../../shared/contracts/index.ts';
import { EtaRequest } from './types.ts';
import type { EtaFailure, EtaFailureKind } from './types.ts';
import { describeIssues } from './zod-issues.ts';

/** A provider could not answer; the fallback wrapper turns it into a built-in estimate. */
export class EtaProviderError extends Error {
  readonly provider: EtaSource;
  readonly kind: EtaFailureKind;

  constructor(provider: EtaSource, kind: EtaFailureKind, message: string) {
    super(`${provider}: ${message}`);
    this.name = 'EtaProviderError';
    this.provider = provider;
    this.kind = kind;
  }

  toFailure(): EtaFailure {
    return { provider: this.provider, kind: this.kind, message: this.message };
  }
}

/** The caller asked a question no provider can answer (bad coordinates, bad date, unknown zone). */
export class EtaRequestError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'EtaRequestError';
  }
}

export function parseEtaRequest(input: unknown): EtaRequest {
  const parsed = EtaRequest.safeParse(input);
  if (!parsed.success) {
    throw new EtaRequestError(`Invalid ETA request: ${describeIssues(parsed.error).join('; ')}`);
  }
  return parsed.data;
}
