import { ACTIONS } from '../permissions.ts';
import { errorBody } from '../validation/errors.ts';

type Action = (typeof ACTIONS)[keyof typeof ACTIONS];
type AdminContext = {
  state: { userAbility?: { can(action: string): boolean } };
  status: number;
  body: unknown;
};

/**
 * Lets the request through when the admin holds at least one of the actions: the pickers serve
 * several pages. (`admin::hasPermissions` wants all of its actions, and route policies must be
 * registered by name, so this check is a route middleware, run after the policies.)
 */
const anyOf = (actions: Action[]) => async (ctx: AdminContext, next: () => Promise<void>) => {
  if (actions.some((action) => ctx.state.userAbility?.can(action) === true)) return next();
  ctx.status = 403;
  ctx.body = errorBody(403, 'Policy Failed');
};

const route = (
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  handler: string,
  permission: Action | Action[],
) => ({
  method,
  path,
  handler,
  config: Array.isArray(permission)
    ? { policies: ['admin::isAuthenticatedAdmin'], middlewares: [anyOf(permission)] }
    : {
        policies: [
          'admin::isAuthenticatedAdmin',
          { name: 'admin::hasPermissions', config: { actions: [permission] } },
        ],
      },
});

/** Admin routes (admin JWT), served below /enroute; every one requires a plugin permission. */
export default {
  type: 'admin',
  routes: [
    route('GET', '/settings', 'settings.find', ACTIONS.readSettings),
    route('PUT', '/settings', 'settings.update', ACTIONS.updateSettings),
    route('GET', '/settings/reminder-schedule', 'settings.reminderSchedule', ACTIONS.readSettings),
    route('GET', '/snippets', 'admin-pages.snippets', ACTIONS.readSettings),
    route('POST', '/preview', 'admin-pages.preview', ACTIONS.readSettings),
    route('GET', '/templates', 'templates.find', ACTIONS.readSettings),
    route('PUT', '/templates', 'templates.save', ACTIONS.updateSettings),
    route('POST', '/templates/restore', 'templates.restore', ACTIONS.updateSettings),
    route('POST', '/portal-preview', 'portal-preview.link', ACTIONS.readSettings),
    route('GET', '/booking-events/backlog', 'booking-events.backlog', ACTIONS.readSettings),
    route('GET', '/delivery-problems', 'booking-events.problems', ACTIONS.readLog),
    route(
      'POST',
      '/booking-events/deliveries/:id/actions',
      'booking-events.decide',
      ACTIONS.updateSettings,
    ),

    route('GET', '/bookings/:documentId/customer', 'customer-requests.find', ACTIONS.readLog),
    route('GET', '/bookings/:documentId/replies', 'replies.listForBooking', ACTIONS.readLog),
    route(
      'POST',
      '/bookings/:documentId/customer-request',
      'customer-requests.decide',
      ACTIONS.updateSettings,
    ),

    route('GET', '/notifications', 'admin-pages.notifications', ACTIONS.readLog),
    route('GET', '/notifications/:documentId', 'admin-pages.notification', ACTIONS.readLog),

    route('GET', '/access-codes', 'access-codes.list', ACTIONS.manageAccessCodes),
    route(
      'POST',
      '/access-codes/:documentId/actions',
      'access-codes.apply',
      ACTIONS.manageAccessCodes,
    ),

    route('GET', '/positions', 'admin-pages.positions', ACTIONS.readLog),
    route('POST', '/positions', 'admin-pages.placePosition', ACTIONS.updateSettings),
    route(
      'POST',
      '/resources/:documentId/sign-in-links',
      'technician-app.issueLink',
      ACTIONS.updateSettings,
    ),

    route('GET', '/lookups/bookings', 'admin-pages.bookings', [
      ACTIONS.readLog,
      ACTIONS.readSettings,
      ACTIONS.manageAccessCodes,
    ]),
    route('GET', '/lookups/:kind', 'admin-pages.named', [
      ACTIONS.readLog,
      ACTIONS.readSettings,
      ACTIONS.updateSettings,
    ]),
  ],
};
