export type BackoffOptions = { baseDelayMs: number; maxDelayMs: number };

export type DeadLetterLimits = {
  /** Failed attempts after which a delivery is dead (no longer retried). */
  maxAttempts: number;
  /** How long a delivery may keep failing before it is dead. */
  maxAgeMs: number;
};

/**
 * Whether a delivery that has failed `attempts` times, the first at `failingSince`, is dead at
 * `now`: no longer retried once either limit is reached.
 */
export function isDead(
  attempts: number,
  failingSince: number,
  now: number,
  limits: DeadLetterLimits,
): boolean {
  return attempts >= limits.maxAttempts || now - failingSince >= limits.maxAgeMs;
}

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
