import type { Channel, MessageContext } from '../../../../shared/contracts/index.ts';

/**
 * What a booking's log says the customer was told. Reminders and rescheduled messages carry the
 * start they were about; a message counts once it is sent (or, for "already reminded", claimed:
 * a claim is about to be sent). A booking is reminded for its start once every channel the
 * settings allow has its reminder claimed or sent; a channel that failed is tried again.
 */
export function reminderLogged(context: MessageContext, channels: readonly Channel[]): boolean {
  const start = Date.parse(context.booking.start);
  return channels.every((channel) =>
    context.history.some(
      (entry) =>
        entry.type === 'reminder' && entry.channel === channel && Date.parse(entry.start) === start,
    ),
  );
}

/** Whether any reminder reached the customer, for any start. */
export function remindedBefore(context: MessageContext): boolean {
  return context.history.some((entry) => entry.type === 'reminder' && entry.state === 'sent');
}

/** The start the customer was last told about, by a reminder or a rescheduled message. */
export function lastToldStart(context: MessageContext): string | null {
  let latest: MessageContext['history'][number] | null = null;
  for (const entry of context.history) {
    if (entry.state !== 'sent') continue;
    if (!latest || Date.parse(entry.at) >= Date.parse(latest.at)) latest = entry;
  }
  return latest?.start ?? null;
}
