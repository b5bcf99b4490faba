/**
 * Per-client limit on code lookups: a token bucket per key (the client address) that holds
 * `limit` lookups and refills over `windowMs`. Full buckets are forgotten so memory stays bounded.
 */
export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Above this many tracked clients, full buckets are swept. */
  maxTracked?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function createRateLimiter(options: RateLimiterOptions) {
  const now = options.now ?? Date.now;
  const perMs = options.limit / options.windowMs;
  const maxTracked = options.maxTracked ?? 10_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  function refill(bucket: { tokens: number; at: number }, time: number) {
    bucket.tokens = Math.min(options.limit, bucket.tokens + (time - bucket.at) * perMs);
    bucket.at = time;
  }

  function sweep(time: number) {
    for (const [key, bucket] of buckets) {
      refill(bucket, time);
      if (bucket.tokens >= options.limit) buckets.delete(key);
    }
  }

  return {
    take(key: string): RateDecision {
      const time = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxTracked) sweep(time);
        bucket = { tokens: options.limit, at: time };
        buckets.set(key, bucket);
      }
      refill(bucket, time);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / perMs / 1000) };
    },
    get tracked(): number {
      return buckets.size;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
