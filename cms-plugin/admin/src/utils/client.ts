import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import type {
  AdminRequest,
  AdminResponse,
  AdminRouteName,
} from '../../../shared/contracts/admin-routes.ts';
import { PLUGIN_ID } from '../pluginId.ts';

type Http = ReturnType<typeof useFetchClient>;

/**
 * One function per admin route, taking and answering that route's contract types
 * (`AdminRoutes`): a changed contract fails the admin's type-check where a page uses it. A
 * refusal rejects with Strapi's FetchError, whose answer is an `ApiError` (see `apiErrors`).
 */
export type EnrouteClient = {
  [Name in AdminRouteName]: AdminRequest<Name> extends Record<string, never>
    ? () => Promise<AdminResponse<Name>>
    : (request: AdminRequest<Name>) => Promise<AdminResponse<Name>>;
};

/** The admin routes through Strapi's fetch client (the signed-in admin's token), below /enroute. */
export function createEnrouteClient(http: Http): EnrouteClient {
  const url = (path: string) => `/${PLUGIN_ID}${path}`;
  const get = async <Name extends AdminRouteName>(path: string, params?: object) =>
    (await http.get<AdminResponse<Name>>(url(path), { params })).data;
  const post = async <Name extends AdminRouteName>(path: string, body: unknown) =>
    (await http.post<AdminResponse<Name>>(url(path), body)).data;
  const put = async <Name extends AdminRouteName>(path: string, body: unknown) =>
    (await http.put<AdminResponse<Name>>(url(path), body)).data;
  const id = encodeURIComponent;

  return {
    getSettings: () => get<'getSettings'>('/settings'),
    updateSettings: ({ body }) => put<'updateSettings'>('/settings', body),
    getReminderSchedule: ({ query }) =>
      get<'getReminderSchedule'>('/settings/reminder-schedule', query),
    getSnippets: ({ query }) => get<'getSnippets'>('/snippets', query),
    preview: ({ body }) => post<'preview'>('/preview', body),
    getTemplate: ({ query }) => get<'getTemplate'>('/templates', query),
    saveTemplate: ({ body }) => put<'saveTemplate'>('/templates', body),
    restoreTemplate: ({ body }) => post<'restoreTemplate'>('/templates/restore', body),
    portalPreview: ({ body }) => post<'portalPreview'>('/portal-preview', body),
    getBacklog: () => get<'getBacklog'>('/booking-events/backlog'),
    getDeliveryProblems: () => get<'getDeliveryProblems'>('/delivery-problems'),
    applyDeadLetterAction: ({ params, body }) =>
      post<'applyDeadLetterAction'>(`/booking-events/deliveries/${params.id}/actions`, body),
    listNotifications: ({ query }) => get<'listNotifications'>('/notifications', query),
    getNotification: ({ params }) =>
      get<'getNotification'>(`/notifications/${id(params.documentId)}`),
    listAccessCodes: ({ query }) => get<'listAccessCodes'>('/access-codes', query),
    applyAccessCodeAction: ({ params, body }) =>
      post<'applyAccessCodeAction'>(`/access-codes/${id(params.documentId)}/actions`, body),
    listPositions: ({ query }) => get<'listPositions'>('/positions', query),
    placePosition: ({ body }) => post<'placePosition'>('/positions', body),
    getCustomerAnswers: ({ params }) =>
      get<'getCustomerAnswers'>(`/bookings/${id(params.documentId)}/customer`),
    listReplies: ({ params }) => get<'listReplies'>(`/bookings/${id(params.documentId)}/replies`),
    decideCustomerRequest: ({ params, body }) =>
      post<'decideCustomerRequest'>(`/bookings/${id(params.documentId)}/customer-request`, body),
    issueSignInLink: ({ params }) =>
      post<'issueSignInLink'>(`/resources/${id(params.documentId)}/sign-in-links`, {}),
    lookupBookings: ({ query }) => get<'lookupBookings'>('/lookups/bookings', query),
    lookupNamed: ({ params, query }) => get<'lookupNamed'>(`/lookups/${params.kind}`, query),
  };
}

/** The client, for a component. */
export function useEnrouteClient(): EnrouteClient {
  const http = useFetchClient();
  return React.useMemo(() => createEnrouteClient(http), [http]);
}
