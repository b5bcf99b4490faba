import { describe, expect, it } from 'vitest';
import { isDead, retryDelay } from './backoff.ts';

const options = { baseDelayMs: 1_000, maxDelayMs: 300_000 };

describe('isDead', () => {
  const limits = { maxAttempts: 12, maxAgeMs: 86_400_000 };
  const since = Date.parse('2026-03-01T10:00:00Z');

  it('stops retrying at the last allowed attempt', () => {
    expect(isDead(11, since, since + 60_000, limits)).toBe(false);
    expect(isDead(12, since, since + 60_000, limits)).toBe(true);
  });

  it('stops retrying a delivery failing for longer than the limit, however few its attempts', () => {
    expect(isDead(3, since, since + 86_399_999, limits)).toBe(false);
    expect(isDead(3, since, since + 86_400_000, limits)).toBe(true);
  });
});

describe('retryDelay', () => {
  it('doubles with each failure, between half and all of the step', () => {
    const low = () => 0;
    const high = () => 1;
    expect([1, 2, 3, 4].map((attempts) => retryDelay(attempts, options, low))).toEqual([
      500, 1_000, 2_000, 4_000,
    ]);
    expect([1, 2, 3, 4].map((attempts) => retryDelay(attempts, options, high))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
  });

  it('never waits longer than the maximum, however many failures', () => {
    expect(retryDelay(50, options, () => 1)).toBe(300_000);
    expect(retryDelay(5_000, options, () => 0)).toBe(150_000);
  });

  it('spreads retries of receivers coming back at once', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelay(6, options)));
    expect(delays.size).toBeGreaterThan(40);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(16_000);
      expect(delay).toBeLessThanOrEqual(32_000);
    }
  });
});
