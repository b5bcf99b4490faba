import { serviceAccountSchema } from './service-account.ts';
import { contactSchema } from './contact.ts';
import { serviceTypeSchema } from './service-type.ts';
import { resourceSchema } from './resource.ts';
import { workOrderSchema } from './work-order.ts';
import { bookingSchema } from './booking.ts';
import { locationSchema } from './location.ts';
import { notificationSchema } from './notification.ts';
import { accessCodeSchema } from './access-code.ts';
import { snippetSchema } from './snippet.ts';
import { messageTemplateSchema } from './message-template.ts';
import { settingsSchema } from './settings.ts';
import { bookingEventSchema } from './booking-event.ts';
import { bookingEventDeliverySchema } from './booking-event-delivery.ts';
import { trackingContentTypes } from '../tracking/index.ts';
import { replySchema } from '../replies/content-type.ts';

/** The plugin's content types, as Strapi registers them (`plugin::enroute.<name>`). */
export default {
  'service-account': { schema: serviceAccountSchema },
  contact: { schema: contactSchema },
  'service-type': { schema: serviceTypeSchema },
  resource: { schema: resourceSchema },
  'work-order': { schema: workOrderSchema },
  booking: { schema: bookingSchema },
  location: { schema: locationSchema },
  notification: { schema: notificationSchema },
  'access-code': { schema: accessCodeSchema },
  snippet: { schema: snippetSchema },
  'message-template': { schema: messageTemplateSchema },
  settings: { schema: settingsSchema },
  'booking-event': { schema: bookingEventSchema },
  'booking-event-delivery': { schema: bookingEventDeliverySchema },
  reply: { schema: replySchema },
  ...trackingContentTypes,
};
