import { trackingRoutes } from '../tracking/routes.ts';

type Route = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  handler: string;
};

const route = (method: Route['method'], path: string, handler: string) => ({
  method,
  path,
  handler,
  config: { policies: [] },
});

/**
 * Content API (Strapi API tokens), served below /api/enroute. Actions named `find`/`findOne`
 * are reads, open to read-only tokens; every other action needs a full-access token or a
 * custom token granted it.
 */
export default {
  type: 'content-api',
  routes: [
    route('PUT', '/service-accounts/:externalId', 'records.putServiceAccount'),
    route('PUT', '/contacts/:externalId', 'records.putContact'),
    route('PUT', '/service-types/:externalId', 'records.putServiceType'),
    route('PUT', '/resources/:externalId', 'records.putResource'),
    route('PUT', '/work-orders/:externalId', 'records.putWorkOrder'),
    route('PUT', '/bookings/:externalId', 'records.putBooking'),
    route('PATCH', '/bookings/:documentId', 'records.changeBooking'),

    route('GET', '/messaging/settings', 'messaging.find'),
    // The words in one locale over English, for an integration's own screens.
    route('GET', '/messaging/snippets', 'messaging.snippets'),
    // What the message rules see of one booking: for an integration to check, never needed by a flow.
    route('GET', '/messaging/bookings/:documentId', 'messaging.findOne'),
    route('POST', '/messaging/prepare/events', 'messaging.prepareEvents'),
    route('POST', '/messaging/prepare/reminders', 'messaging.prepareReminders'),
    route('POST', '/messaging/results', 'messaging.recordResults'),
    // Failures, expiries and dead letters of late, against the threshold (the problems flow).
    route('GET', '/messaging/delivery-problems', 'messaging.deliveryProblems'),
    // A text message a customer sent back (the inbound SMS flow): STOP, START, HELP or a reply.
    route('POST', '/messaging/replies', 'replies.record'),
    // A link for a dispatch system's own use (its app, its own message): shown once.
    route('POST', '/messaging/bookings/:documentId/access-codes', 'messaging.issueAccessCode'),
    // Not a `find`: the history names the admins who changed a code, more than the portal needs.
    route('GET', '/messaging/bookings/:documentId/access-codes', 'access-codes.listForBooking'),

    // Receivers that register themselves (n8n's Enroute Trigger, when its flow is activated).
    route('GET', '/webhook-endpoints', 'webhook-endpoints.list'),
    route('PUT', '/webhook-endpoints', 'webhook-endpoints.register'),
    route('DELETE', '/webhook-endpoints/:id', 'webhook-endpoints.remove'),

    {
      ...route('GET', '/access-codes/:token', 'access-codes.findOne'),
      // Per client: tokens cannot be guessed at speed.
      config: { policies: [], middlewares: ['plugin::enroute.access-code-lookups'] },
    },
    // A customer's message preferences behind the signed link in every email (the portal's token).
    ...(
      [
        ['GET', '/preferences/:token', 'preferences.find'],
        ['PUT', '/preferences/:token', 'preferences.update'],
        ['POST', '/preferences/:token/one-click', 'preferences.oneClick'],
      ] as const
    ).map(([method, path, handler]) => ({
      ...route(method, path, handler),
      config: { auth: { scope: ['plugin::enroute.portal.find'] }, policies: [] },
    })),
    ...trackingRoutes,
  ],
};
