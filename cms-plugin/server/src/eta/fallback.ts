import { createBuiltinEtaProvider } from './builtin.ts';
import { EtaProviderError, parseEtaRequest } from './errors.ts';
import { systemClock } from './types.ts';
import type { Clock, EtaFailure, EtaProvider } from './types.ts';

export const DEFAULT_TIMEOUT_MS = 2000;

export interface FallbackOptions {
  /** How long the provider may take before the built-in estimate answers instead. */
  timeoutMs?: number;
  /** The estimate to fall back on; the default built-in estimator when absent. */
  builtin?: EtaProvider;
  now?: Clock;
  /** Told of each failure, for logs and metrics. */
  onFallback?: (failure: EtaFailure) => void;
}

function failureOf(provider: EtaProvider, error: unknown): EtaFailure {
  if (error instanceof EtaProviderError) return error.toFailure();
  const message = error instanceof Error ? error.message : String(error);
  return { provider: provider.source, kind: 'error', message: `${provider.source}: ${message}` };
}

/** Rejects when the signal fires, even if the provider ignores it. */
function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal,
  provider: EtaProvider,
  timeoutMs: number,
): Promise<T> {
  let stop = (): void => {};
  const aborted = new Promise<never>((_, reject) => {
    stop = () =>
      reject(new EtaProviderError(provider.source, 'timeout', `no answer within ${timeoutMs} ms`));
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', stop));
}

/**
 * The configured provider, with the built-in estimate standing in when it errors, times out or
 * answers malformed data. The estimate then says `source: 'builtin'`, `fallback: true` and why.
 */
export function withBuiltinFallback(
  provider: EtaProvider,
  options: FallbackOptions = {},
): EtaProvider {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, now = systemClock, onFallback } = options;
  const builtin = options.builtin ?? createBuiltinEtaProvider({}, now);

  return {
    source: provider.source,
    async estimate(input, estimateOptions = {}) {
      // A bad question is the caller's error, not the provider's: no fallback for it.
      const request = parseEtaRequest(input);
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = estimateOptions.signal
        ? AbortSignal.any([timeout, estimateOptions.signal])
        : timeout;
      try {
        return await untilAborted(
          provider.estimate(request, { signal }),
          signal,
          provider,
          timeoutMs,
        );
      } catch (error) {
        // The caller gave up: nobody waits for a fallback.
        if (estimateOptions.signal?.aborted) throw estimateOptions.signal.reason;
        const failure = failureOf(provider, error);
        onFallback?.(failure);
        const estimate = await builtin.estimate(request);
        return { ...estimate, source: 'builtin', fallback: true, fallbackReason: failure };
      }
    },
  };
}
