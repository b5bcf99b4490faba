import type { RelayOptions } from './events/relay.ts';

export type PluginConfig = {
  relay: RelayOptions & {
    /** Whether this Strapi instance delivers the outbox. Every instance on one database may: a
     * lease per delivery keeps each booking's events in order whichever instance delivers them. */
    enabled: boolean;
  };
  /** Lookups of access codes (`GET /api/enroute/access-codes/:token`) per client address. */
  accessCodeLookups: { max: number; intervalMs: number };
  /**
   * Tests only: message preparation takes "now" from an `X-Enroute-Now` header (an ISO instant),
   * so that a test can run days of reminders in minutes. Off, the header is refused.
   */
  testClock: boolean;
};

/** Plugin options, set under `enroute.config` in the app's config/plugins. */
export default {
  default: {
    relay: {
      enabled: true,
      pollIntervalMs: 5_000,
      // A receiver may answer when it has handled the events (n8n's Enroute Trigger does).
      timeoutMs: 30_000,
      batchSize: 100,
      concurrency: 8,
      baseDelayMs: 1_000,
      maxDelayMs: 300_000,
      // A delivery whose instance died is taken over by another this long after it was last held.
      leaseMs: 30_000,
      maxAttempts: 12,
      maxAgeMs: 86_400_000,
    },
    accessCodeLookups: { max: 60, intervalMs: 60_000 },
    testClock: false,
  } satisfies PluginConfig,
  validator(config: PluginConfig): void {
    const { enabled, ...timings } = config.relay;
    if (typeof enabled !== 'boolean')
      throw new Error('enroute.config.relay.enabled must be true or false');
    for (const [name, value] of Object.entries(timings)) {
      if (!Number.isInteger(value) || value < 1)
        throw new Error(`enroute.config.relay.${name} must be a positive integer`);
    }
    if (typeof config.testClock !== 'boolean')
      throw new Error('enroute.config.testClock must be true or false');
    for (const [name, value] of Object.entries(config.accessCodeLookups)) {
      if (!Number.isInteger(value) || value < 1)
        throw new Error(`enroute.config.accessCodeLookups.${name} must be a positive integer`);
    }
  },
};
