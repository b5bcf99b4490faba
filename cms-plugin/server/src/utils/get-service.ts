import type { Core } from '@strapi/strapi';
import type { AccessCodesService } from '../services/access-codes.ts';
import type { DueRemindersService } from '../services/due-reminders.ts';
import type { MessageContextService } from '../services/message-context.ts';
import type { NotificationsService } from '../services/notifications.ts';
import type { RecordsService } from '../services/records.ts';
import type { SettingsService } from '../services/settings.ts';
import type { SnippetsService } from '../services/snippets.ts';
import type { BookingEventsService } from '../services/booking-events.ts';
import { PLUGIN_ID } from './uids.ts';

type Services = {
  settings: SettingsService;
  records: RecordsService;
  'message-context': MessageContextService;
  'due-reminders': DueRemindersService;
  notifications: NotificationsService;
  'access-codes': AccessCodesService;
  snippets: SnippetsService;
  'booking-events': BookingEventsService;
};

export function getService<Name extends keyof Services>(
  name: Name,
  { strapi }: { strapi: Core.Strapi },
): Services[Name] {
  return strapi.plugin(PLUGIN_ID).service(name) as Services[Name];
}
