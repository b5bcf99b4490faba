import { createAccessCodesController } from './access-codes.ts';
import {
  createAdminPagesController,
  createBookingEventsController,
  createSettingsController,
} from './admin.ts';
import { createMessagingController } from './messaging.ts';
import { createRecordsController } from './records.ts';
import { createWebhookEndpointsController } from './webhook-endpoints.ts';
import { trackingControllers } from '../tracking/index.ts';
import { createTemplatesController } from '../templates/controller.ts';
import { createRepliesController } from '../replies/controller.ts';
import { createPreferencesController } from '../consent/controller.ts';

export default {
  records: createRecordsController,
  messaging: createMessagingController,
  'access-codes': createAccessCodesController,
  settings: createSettingsController,
  'booking-events': createBookingEventsController,
  'admin-pages': createAdminPagesController,
  templates: createTemplatesController,
  'webhook-endpoints': createWebhookEndpointsController,
  replies: createRepliesController,
  preferences: createPreferencesController,
  ...trackingControllers,
};
