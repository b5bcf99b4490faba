export type BackoffOptions = { baseDelayMs: number; maxDelayMs: number };

/**
 * Exponential backoff with jitter: after the nth failure, wait between half and all of
 * base·2ⁿ⁻¹ (capped), so receivers coming back are not hit by every sender at once.
 */
export function retryDelay(
  attempts: number,
  options: BackoffOptions,
  random = Math.random,
): number {
  const ceiling = Math.min(
    options.maxDelayMs,
    options.baseDelayMs * 2 ** Math.max(0, attempts - 1),
  );
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
