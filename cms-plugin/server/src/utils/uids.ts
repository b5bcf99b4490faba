export const PLUGIN_ID = 'enroute';

export const UID = {
  serviceAccount: 'plugin::enroute.service-account',
  contact: 'plugin::enroute.contact',
  serviceType: 'plugin::enroute.service-type',
  resource: 'plugin::enroute.resource',
  workOrder: 'plugin::enroute.work-order',
  booking: 'plugin::enroute.booking',
  location: 'plugin::enroute.location',
  notification: 'plugin::enroute.notification',
  accessCode: 'plugin::enroute.access-code',
  snippet: 'plugin::enroute.snippet',
  messageTemplate: 'plugin::enroute.message-template',
  settings: 'plugin::enroute.settings',
  bookingEvent: 'plugin::enroute.booking-event',
  bookingEventDelivery: 'plugin::enroute.booking-event-delivery',
  reply: 'plugin::enroute.reply',
} as const;
export type EnrouteUid = (typeof UID)[keyof typeof UID];
