export default ({ env }) => ({
  serveAdminPanel: env.bool('SERVE_ADMIN', false),
  autoOpen: false,
  auth: { secret: env('ADMIN_JWT_SECRET', 'enroute-dev-admin-jwt-secret') },
  apiToken: { salt: env('API_TOKEN_SALT', 'enroute-dev-api-token-salt') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', 'enroute-dev-transfer-salt') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', 'enroute-dev-encryption-key') },
  flags: { nps: false, promoteEE: false },
});
