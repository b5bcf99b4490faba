import { createAccessCodesService } from './access-codes.ts';
import { createAdminLogService } from './admin-log.ts';
import { createAdminLookupsService } from './admin-lookups.ts';
import { createAdminPreviewService } from './admin-preview.ts';
import { createAdminSettingsService } from './admin-settings.ts';
import { createAdminSnippetsService } from './admin-snippets.ts';
import { createRecordsService } from './records.ts';
import { createSettingsService } from './settings.ts';
import { createWebhookRegistrationsService } from './webhook-registrations.ts';
import { createBookingEventsService } from '../events/service.ts';
import { createMessageContextService } from '../messages/context.ts';
import { createDueRemindersService } from '../messages/due-reminders.ts';
import { createDeliveryProblemsService } from '../messages/delivery-problems.ts';
import { createNotificationsService } from '../messages/notifications.ts';
import { createPrepareService } from '../messages/prepare.ts';
import { createResultsService } from '../messages/results.ts';
import { createSnippetsService } from '../snippets/service.ts';
import { createTemplatesService } from '../templates/service.ts';
import { createAdminTemplatesService } from '../templates/admin.ts';
import { createAdminPositionsService } from '../tracking/admin-positions.ts';
import { trackingServices } from '../tracking/index.ts';
import { createRepliesService } from '../replies/service.ts';
import { createPreferencesService } from '../consent/preferences.ts';

/**
 * Every service of the plugin, by name: Strapi creates each once, and `getService(name)` returns
 * it typed from this map.
 */
const services = {
  settings: createSettingsService,
  records: createRecordsService,
  'message-context': createMessageContextService,
  'due-reminders': createDueRemindersService,
  notifications: createNotificationsService,
  prepare: createPrepareService,
  results: createResultsService,
  'delivery-problems': createDeliveryProblemsService,
  'access-codes': createAccessCodesService,
  snippets: createSnippetsService,
  templates: createTemplatesService,
  'booking-events': createBookingEventsService,
  'webhook-registrations': createWebhookRegistrationsService,
  'admin-log': createAdminLogService,
  'admin-lookups': createAdminLookupsService,
  'admin-positions': createAdminPositionsService,
  'admin-preview': createAdminPreviewService,
  'admin-settings': createAdminSettingsService,
  'admin-snippets': createAdminSnippetsService,
  'admin-templates': createAdminTemplatesService,
  replies: createRepliesService,
  preferences: createPreferencesService,
  ...trackingServices,
};

export default services;

export type Services = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };
