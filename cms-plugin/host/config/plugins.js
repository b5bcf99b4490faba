export default ({ env }) => ({
  'users-permissions': { enabled: false },
  enroute: {
    enabled: true,
    // The workspace's sources by default; a packed install resolves the package instead.
    resolve: env('ENROUTE_PLUGIN_PATH', './plugin-entry'),
    config: {
      relay: {
        enabled: env.bool('ENROUTE_RELAY_ENABLED', true),
        pollIntervalMs: env.int('ENROUTE_RELAY_POLL_MS', 5_000),
        timeoutMs: env.int('ENROUTE_RELAY_TIMEOUT_MS', 10_000),
        batchSize: env.int('ENROUTE_RELAY_BATCH_SIZE', 100),
        concurrency: env.int('ENROUTE_RELAY_CONCURRENCY', 8),
        baseDelayMs: env.int('ENROUTE_RELAY_BASE_DELAY_MS', 1_000),
        maxDelayMs: env.int('ENROUTE_RELAY_MAX_DELAY_MS', 300_000),
        leaseMs: env.int('ENROUTE_RELAY_LEASE_MS', 30_000),
        maxAttempts: env.int('ENROUTE_RELAY_MAX_ATTEMPTS', 12),
        maxAgeMs: env.int('ENROUTE_RELAY_MAX_AGE_MS', 86_400_000),
      },
      // Tests only: "now" from the X-Enroute-Now header of the preparation routes.
      testClock: env.bool('ENROUTE_TEST_CLOCK', false),
      accessCodeLookups: {
        max: env.int('ENROUTE_ACCESS_CODE_LOOKUPS', 60),
        intervalMs: env.int('ENROUTE_ACCESS_CODE_LOOKUP_INTERVAL_MS', 60_000),
      },
    },
  },
});
