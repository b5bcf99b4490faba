/**
 * Tracking routes of the content API (below /api/enroute).
 *
 * - `POST /locations` takes a technician token, not a Strapi API token: Strapi's own
 *   authentication is off for it and the controller checks the token.
 * - The portal routes share one permission, `plugin::enroute.portal.find`: the portal's
 *   read-only API token may call them (Strapi lets read-only tokens use actions named find).
 *   The rating and the customer's answers (confirm, move, cancel, note) are the customer's own
 *   doing, behind the customer's access code.
 * - Technician tokens are issued and revoked by the integration (full-access token).
 * - The technician app's routes take a session token (from a sign-in link) as a bearer, checked
 *   by the controller; exchanging a link for a session needs nothing but the link.
 */
const PORTAL_SCOPE = { auth: { scope: ['plugin::enroute.portal.find'] }, policies: [] };

const TECHNICIAN = { auth: false, policies: [] };

export const trackingRoutes = [
  {
    method: 'POST',
    path: '/locations',
    handler: 'locations.ingest',
    config: { auth: false, policies: [] },
  },
  {
    method: 'POST',
    path: '/technician-tokens',
    handler: 'locations.issueToken',
    config: { policies: [] },
  },
  {
    method: 'DELETE',
    path: '/technician-tokens/:documentId',
    handler: 'locations.revokeToken',
    config: { policies: [] },
  },
  ...[
    ['POST', '/technician/sessions', 'technician-app.signIn'],
    ['DELETE', '/technician/session', 'technician-app.signOut'],
    ['GET', '/technician/visits', 'technician-app.today'],
    ['POST', '/technician/visits/:documentId/status', 'technician-app.changeStatus'],
  ].map(([method, path, handler]) => ({ method, path, handler, config: TECHNICIAN })),
  { method: 'GET', path: '/portal/:code', handler: 'portal.find', config: PORTAL_SCOPE },
  // The admin's preview of the customer page: sample data behind a signed, short-lived token.
  {
    method: 'GET',
    path: '/portal-preview/:token',
    handler: 'portal-preview.find',
    config: PORTAL_SCOPE,
  },
  { method: 'GET', path: '/portal/:code/live', handler: 'portal.live', config: PORTAL_SCOPE },
  { method: 'POST', path: '/portal/:code/rating', handler: 'portal.rate', config: PORTAL_SCOPE },
  { method: 'POST', path: '/portal/:code/actions', handler: 'portal.act', config: PORTAL_SCOPE },
  // A dispatch system's answer to a customer's request (full-access token).
  {
    method: 'POST',
    path: '/bookings/:documentId/customer-request',
    handler: 'customer-requests.decide',
    config: { policies: [] },
  },
];
