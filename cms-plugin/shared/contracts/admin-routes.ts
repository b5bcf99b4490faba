import type { z } from 'zod';
import type {
  AccessCodeAction,
  AccessCodeView,
  DeadLetter,
  DeadLetterAction,
  OutboxBacklog,
} from './admin.ts';
import type {
  BookingOption,
  ManualPosition,
  NotificationDetail,
  NotificationLogPage,
  NotificationLogQuery,
  PositionPage,
  PositionQuery,
  PositionView,
  PreviewRequest,
  PreviewResponse,
  ResourceOption,
  SnippetEdits,
  SnippetList,
} from './admin-pages.ts';
import type {
  ReminderSchedule,
  ReminderScheduleQuery,
  SettingsUpdate,
  SettingsView,
} from './settings.ts';
import type { SignInLink } from './technician-app.ts';
import type { DeliveryProblems } from './delivery-problems.ts';
import type { CustomerActionsView, RequestDecision } from './customer-actions.ts';
import type { ReplyView } from './consent.ts';
import type {
  TemplatePage,
  TemplateQuery,
  TemplateRestore,
  TemplateSave,
  TemplateSaved,
} from './message-templates.ts';
import type { PortalPreviewLink, PortalPreviewRequest } from './portal-preview.ts';

/**
 * The admin routes (admin JWT, the plugin's permissions, prefix /enroute), one entry per
 * endpoint: what it takes (`Request`: `query`, `params`, `body`) and what it answers on success
 * (`Response`). The admin pages' client is typed from these, so a changed contract fails the
 * admin's type-check where a page uses it; every refusal is an `ApiError` (errors.ts).
 */
export type AdminRoutes = {
  /** `GET /settings` */
  getSettings: {
    Request: Record<string, never>;
    Response: { data: SettingsView };
  };
  /** `PUT /settings`: the settings and, optionally, the snippet edits of one locale. */
  updateSettings: {
    Request: { body: z.input<typeof SettingsUpdate> & { snippets?: SnippetEdits } };
    Response: { data: SettingsView };
  };
  /** `GET /settings/reminder-schedule?sendTime=&sendTimeZone=` */
  getReminderSchedule: {
    Request: { query: z.input<typeof ReminderScheduleQuery> };
    Response: { data: ReminderSchedule };
  };
  /** `GET /snippets?locale=` */
  getSnippets: {
    Request: { query: { locale: string } };
    Response: { data: SnippetList };
  };
  /** `POST /preview` */
  preview: {
    Request: { body: z.input<typeof PreviewRequest> };
    Response: { data: PreviewResponse };
  };
  /** `GET /templates?type=&locale=`: a message's template, Enroute's beside it, its versions. */
  getTemplate: {
    Request: { query: TemplateQuery };
    Response: { data: TemplatePage };
  };
  /** `PUT /templates`: a new version, or 400 with each problem's part, line and column. */
  saveTemplate: {
    Request: { body: TemplateSave };
    Response: { data: TemplateSaved };
  };
  /** `POST /templates/restore`: 201, an earlier version saved again as the newest. */
  restoreTemplate: {
    Request: { body: TemplateRestore };
    Response: { data: TemplateSaved };
  };
  /** `POST /portal-preview`: 201, a short-lived link to the customer page of sample data. */
  portalPreview: {
    Request: { body: PortalPreviewRequest };
    Response: { data: PortalPreviewLink };
  };
  /** `GET /booking-events/backlog` */
  getBacklog: {
    Request: Record<string, never>;
    Response: { data: OutboxBacklog };
  };
  /** `GET /delivery-problems`: failures, expiries and dead letters of late (the banner). */
  getDeliveryProblems: {
    Request: Record<string, never>;
    Response: { data: DeliveryProblems };
  };
  /** `POST /booking-events/deliveries/:id/actions`: retry or discard a dead letter. */
  applyDeadLetterAction: {
    Request: { params: { id: number }; body: z.input<typeof DeadLetterAction> };
    Response: { data: DeadLetter };
  };
  /** `GET /notifications` */
  listNotifications: {
    Request: { query: z.input<typeof NotificationLogQuery> };
    Response: NotificationLogPage;
  };
  /** `GET /notifications/:documentId` */
  getNotification: {
    Request: { params: { documentId: string } };
    Response: { data: NotificationDetail };
  };
  /** `GET /access-codes?bookingId=` */
  listAccessCodes: {
    Request: { query: { bookingId: string } };
    Response: { data: AccessCodeView[] };
  };
  /** `POST /access-codes/:documentId/actions` */
  applyAccessCodeAction: {
    Request: { params: { documentId: string }; body: z.input<typeof AccessCodeAction> };
    Response: { data: AccessCodeView };
  };
  /** `GET /positions?resourceId=&page=&pageSize=` */
  listPositions: {
    Request: { query: z.input<typeof PositionQuery> };
    Response: PositionPage;
  };
  /** `POST /positions`: 201 */
  placePosition: {
    Request: { body: z.input<typeof ManualPosition> };
    Response: { data: PositionView };
  };
  /** `GET /bookings/:documentId/customer`: what the customer answered (confirmed, request, note). */
  getCustomerAnswers: {
    Request: { params: { documentId: string } };
    Response: { data: CustomerActionsView };
  };
  /** `GET /bookings/:documentId/replies`: the texts the customer sent back, newest first. */
  listReplies: {
    Request: { params: { documentId: string } };
    Response: { data: ReplyView[] };
  };
  /** `POST /bookings/:documentId/customer-request`: accept (the booking moves) or decline. */
  decideCustomerRequest: {
    Request: { params: { documentId: string }; body: z.input<typeof RequestDecision> };
    Response: { data: CustomerActionsView };
  };
  /** `POST /resources/:documentId/sign-in-links`: 201, a technician app sign-in link. */
  issueSignInLink: {
    Request: { params: { documentId: string } };
    Response: { data: SignInLink };
  };
  /** `GET /lookups/bookings?search=` */
  lookupBookings: {
    Request: { query: { search?: string } };
    Response: { data: BookingOption[] };
  };
  /** `GET /lookups/:kind?search=`: technicians, accounts, service types or contacts by name. */
  lookupNamed: {
    Request: {
      params: { kind: 'resources' | 'accounts' | 'service-types' | 'contacts' };
      query: { search?: string };
    };
    Response: { data: ResourceOption[] };
  };
};

export type AdminRouteName = keyof AdminRoutes;
export type AdminRequest<Name extends AdminRouteName> = AdminRoutes[Name]['Request'];
export type AdminResponse<Name extends AdminRouteName> = AdminRoutes[Name]['Response'];
