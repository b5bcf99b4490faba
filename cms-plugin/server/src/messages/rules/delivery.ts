import type { Channel, MessageContext, MessageType } from '../../../../shared/contracts/index.ts';

const MINUTE = 60_000;

/**
 * Failures worth another try: the provider could not be reached or was busy (network errors, HTTP
 * 429 and 5xx as n8n words them, SMTP 4xx); a refusal of the message itself (an invalid number, a
 * rejected address, HTTP 4xx, SMTP 5xx) is not.
 */
const TRANSIENT = [
  /\bE(CONNREFUSED|CONNRESET|TIMEDOUT|AI_AGAIN|SOCKET|HOSTUNREACH|NETUNREACH|PIPE)\b/,
  /\btimed? ?out\b|\btimeout\b|socket hang up/i,
  // n8n's words for HTTP 429 and 5xx answers.
  /too many requests|not able to process your request|failed to process your request/i,
  /bad gateway|service unavailable|gateway timed out/i,
];
const SMTP_TEMPORARY = /\b4[2-5]\d[ -]/;

export function isTransientFailure(channel: Channel, reason: string | null): boolean {
  if (!reason) return false;
  if (TRANSIENT.some((pattern) => pattern.test(reason))) return true;
  return channel === 'email' && SMTP_TEMPORARY.test(reason);
}

/** Tries of a message at most, the first included. */
export const MAX_ATTEMPTS = 5;

/** How long after its `attempts`-th failed try a message is tried again: 1, 2, 4, 8… minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * MINUTE;
}

/** How long a claimed message may stay unanswered before another run takes it over. */
export const CLAIM_LEASE_MS = 15 * MINUTE;

/** How long after it was first claimed each message may still go out. */
const LIFETIME_MS: Record<MessageType, number> = {
  reminder: Infinity,
  traveling: 15 * MINUTE,
  completed: 24 * 60 * MINUTE,
  rescheduled: Infinity,
  canceled: 24 * 60 * MINUTE,
  'request-declined': Infinity,
};

/** Messages about a visit still to come: true of the booking only while it is scheduled. */
const SCHEDULED_MESSAGES: ReadonlySet<MessageType> = new Set([
  'reminder',
  'rescheduled',
  'request-declined',
]);

/**
 * Why a message no longer says what is true of the booking's status, or null: an "on the way",
 * completed or canceled message once the booking is in another status, a reminder, move or
 * declined request once it is no longer scheduled. An event delivered late (a relay that was down,
 * a flow that retried) is then not told to the customer.
 */
export function staleStatus(type: MessageType, booking: { status: string }): string | null {
  const status = SCHEDULED_MESSAGES.has(type) ? 'scheduled' : type;
  return booking.status === status ? null : `the booking is ${booking.status} now`;
}

/**
 * Why a message that is to be tried again must not go out any more, or null when it may: it no
 * longer says what is true of the booking (another start, another status), its moment has passed
 * (a reminder at the start, an "on the way" message after a quarter of an hour, a completed or
 * canceled message after a day), or it was tried too often.
 */
export function expiryReason(
  message: { type: MessageType; claimedStart: string; claimedAt: string; attempts: number },
  context: MessageContext,
  now: Date,
): string | null {
  const { booking } = context;
  if (message.attempts >= MAX_ATTEMPTS) return `tried ${message.attempts} times`;
  if (Date.parse(booking.start) !== Date.parse(message.claimedStart)) {
    return 'the booking has another start now';
  }
  const aboutScheduled = SCHEDULED_MESSAGES.has(message.type);
  const stale = staleStatus(message.type, booking);
  if (stale) return stale;
  // What a reminder, a move or a declined request says is of no use once the visit has begun.
  if (aboutScheduled && Date.parse(booking.start) <= now.getTime()) {
    return 'the visit has started';
  }
  if (now.getTime() - Date.parse(message.claimedAt) > LIFETIME_MS[message.type]) {
    return 'too late to be of use';
  }
  return null;
}
