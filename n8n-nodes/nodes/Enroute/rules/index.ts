export { decideMessages } from './decide.ts';
export { eligibility, isReminderDue, messageTypeForEvent } from './eligibility.ts';
export { resolveRecipient } from './recipient.ts';
export { idempotencyKey, skipKey } from './idempotency.ts';
export { isValidE164, isValidEmail } from './address.ts';
export type { ChannelDecision, Recipient, RuleInput } from './types.ts';
