export default ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  // No update checks: the host runs offline, in tests and demos.
  logger: { updates: { enabled: false } },
  app: {
    keys: env.array('APP_KEYS', ['enroute-dev-key-1', 'enroute-dev-key-2']),
  },
});
