import { createAccessCodesService } from './access-codes.ts';
import { createBookingEventsService } from './booking-events.ts';
import { createDueRemindersService } from './due-reminders.ts';
import { createMessageContextService } from './message-context.ts';
import { createNotificationsService } from './notifications.ts';
import { createRecordsService } from './records.ts';
import { createSettingsService } from './settings.ts';
import { createSnippetsService } from './snippets.ts';
import { trackingServices } from '../tracking/index.ts';

export default {
  settings: createSettingsService,
  records: createRecordsService,
  'message-context': createMessageContextService,
  'due-reminders': createDueRemindersService,
  notifications: createNotificationsService,
  'access-codes': createAccessCodesService,
  snippets: createSnippetsService,
  'booking-events': createBookingEventsService,
  ...trackingServices,
};
