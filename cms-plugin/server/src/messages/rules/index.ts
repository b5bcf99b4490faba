/**
 * The message rules: pure functions that decide every message Enroute sends (recipient, channels,
 * exclusions, opt-outs, sandbox, each type's eligibility, the reschedule threshold, the message
 * data, the idempotency key). The due-reminders query, message preparation, the admin preview and
 * the portal view all call these; there is no other copy.
 */
export { decideMessages, recipientAddress } from './decide.ts';
export { eligibility, isReminderDue, messageTypeForEvent } from './eligibility.ts';
export { lastToldStart, remindedBefore, reminderLogged } from './history.ts';
export { resolveRecipient, type Recipient, type RecipientCandidates } from './recipient.ts';
export { idempotencyKey, skipKey } from './idempotency.ts';
export { canReceiveSms, isValidE164, isValidEmail, parsePhone } from './address.ts';
export { messageData } from './message-data.ts';
export { missingContent } from './content.ts';
export type { ChannelDecision, RuleInput } from './types.ts';
export {
  customerZone,
  inQuietHours,
  nextClockTime,
  nextReminderSend,
  reminderDueAt,
  sendTiming,
  type SendTiming,
} from './timing.ts';
export {
  CLAIM_LEASE_MS,
  MAX_ATTEMPTS,
  expiryReason,
  isTransientFailure,
  retryDelayMs,
  staleStatus,
} from './delivery.ts';
export {
  OPT_OUT_FIELDS,
  consentChanges,
  type ConsentChange,
  type ConsentOrigin,
  type OptOutField,
  type OptOuts,
} from './consent.ts';
