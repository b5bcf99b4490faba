import type { Channel, MessageType } from '../../../../shared/contracts/index.ts';

/**
 * One key per message that may be sent once: booking, type and channel, plus the start for
 * reminders and reschedules (a booking moved to a new start deserves a new reminder) and the
 * journey for "on the way" (a second journey is a second message; the same one told twice is one)
 * and the request for a declined request (each request declined is told once).
 */
export function idempotencyKey(
  bookingId: string,
  type: MessageType,
  channel: Channel,
  start: string,
  trip = 0,
  requestedAt: string | null = null,
): string {
  const base = `${bookingId}:${type}:${channel}`;
  if (type === 'reminder' || type === 'rescheduled')
    return `${base}:${new Date(start).toISOString()}`;
  if (type === 'traveling') return `${base}:trip-${trip}`;
  if (type === 'request-declined' && requestedAt)
    return `${base}:request-${new Date(requestedAt).toISOString()}`;
  return base;
}

/**
 * A skip is logged under its own key so that it is logged once, yet never blocks the real
 * message once the reason is gone (the contact adds an email, the message is switched on).
 */
export function skipKey(sendKey: string, reason: string): string {
  return `${sendKey}:skipped:${reason}`;
}
