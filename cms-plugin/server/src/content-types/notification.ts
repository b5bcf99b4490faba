import { messageTypes } from '../../../shared/contracts/vocabulary.ts';
import { defineContentType, manyToOne } from './define.ts';

export const notificationSchema = {
  ...defineContentType({
    singularName: 'notification',
    pluralName: 'notifications',
    displayName: 'Notification',
    description: 'The message log: one row per message, claimed before sending.',
    // Changed only through the plugin's own pages and routes, which check and record each change.
    visible: false,
    attributes: {
      idempotencyKey: { type: 'string', required: true, column: { unique: true } },
      // A column of the log's own table (not a link table): the log is written in bulk, a row per
      // message, and read by booking through the index below.
      booking: { ...manyToOne('booking'), useJoinTable: false },
      type: {
        type: 'enumeration',
        enum: [...messageTypes],
        required: true,
      },
      channel: { type: 'enumeration', enum: ['email', 'sms'], required: true },
      recipient: { type: 'string', private: true },
      state: {
        type: 'enumeration',
        enum: ['pending', 'sent', 'failed', 'skipped', 'expired'],
        required: true,
        default: 'pending',
      },
      reason: { type: 'text' },
      providerMessageId: { type: 'string' },
      attempts: { type: 'integer', default: 0 },
      bookingStart: { type: 'datetime' },
      /** A message waiting for the end of quiet hours goes at this time, by the scheduled run. */
      sendAfter: { type: 'datetime' },
      /** A try that failed for a passing reason is made again by the scheduled run from then on. */
      retryAt: { type: 'datetime' },
      content: { type: 'json' },
      providerResponse: { type: 'json' },
    },
  }),
  indexes: [
    // A booking's messages of a type: "already reminded for this start", a booking's log.
    { name: 'enroute_notifications_booking_type_idx', columns: ['booking_id', 'type'] },
  ],
};
