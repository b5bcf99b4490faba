import { messageTypes } from '../../../shared/contracts/vocabulary.ts';
import { defineContentType, manyToOne } from './define.ts';

export const notificationSchema = defineContentType({
  singularName: 'notification',
  pluralName: 'notifications',
  displayName: 'Notification',
  description: 'The message log: one row per message, claimed before sending.',
  // Changed only through the plugin's own pages and routes, which check and record each change.
  visible: false,
  attributes: {
    idempotencyKey: { type: 'string', required: true, column: { unique: true } },
    booking: manyToOne('booking'),
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
});
