import type {
  BookingEvent,
  MessageContext,
  MessageType,
  MessagingSettings,
  SkipReason,
} from '../../../../shared/contracts/index.ts';

import { channelsFor } from './channels.ts';
import { lastToldStart, remindedBefore, reminderLogged } from './history.ts';
import { reminderDueAt } from './timing.ts';

const DAY_MS = 86_400_000;

/**
 * Scheduled, starting inside the window, past its send time (see `reminderDueAt`: a booking that
 * entered the window after its send time is due at once), and not yet reminded for its current
 * start. Never at or after the start.
 */
export function isReminderDue(
  context: MessageContext,
  settings: MessagingSettings,
  now: Date,
): boolean {
  const { booking } = context;
  if (booking.status !== 'scheduled') return false;
  const start = Date.parse(booking.start);
  if (start <= now.getTime()) return false;
  if (start > now.getTime() + settings.reminder.windowDays * DAY_MS) return false;
  if (reminderDueAt(context, settings).getTime() > now.getTime()) return false;
  return !reminderLogged(context, channelsFor(settings.channel));
}

const statusMessages: Partial<Record<BookingEvent['booking']['status'], MessageType>> = {
  traveling: 'traveling',
  completed: 'completed',
  canceled: 'canceled',
};

/** The message a booking event calls for, if any. */
export function messageTypeForEvent(event: BookingEvent): MessageType | null {
  if (event.type === 'booking.rescheduled') return 'rescheduled';
  if (event.type === 'customer.reschedule_declined') return 'request-declined';
  if (event.type !== 'booking.status_changed') return null;
  if (event.previous?.status === event.booking.status) return null;
  return statusMessages[event.booking.status] ?? null;
}

export type Eligibility = { applies: false } | { applies: true; skip?: SkipReason };

/**
 * Whether a message of this type belongs to this booking at all (nothing to log when not),
 * and, when it does, whether a rule holds it back.
 */
export function eligibility(
  type: MessageType,
  context: MessageContext,
  settings: MessagingSettings,
  event: BookingEvent | undefined,
  now: Date,
): Eligibility {
  if (type === 'reminder') return { applies: isReminderDue(context, settings, now) };
  if (!event || messageTypeForEvent(event) !== type) return { applies: false };
  if (type === 'request-declined') {
    // Told only while the visit they asked to move is still to come as it was: one canceled,
    // moved or begun since has nothing left to decline.
    const { booking } = context;
    const still =
      event.booking.customer?.request?.state === 'declined' &&
      booking.status === 'scheduled' &&
      Date.parse(booking.start) === Date.parse(event.booking.start) &&
      Date.parse(booking.start) > now.getTime();
    return { applies: still };
  }
  const reminded = remindedBefore(context);
  if (type === 'rescheduled') {
    if (!event.previous?.start) return { applies: false };
    // Measured from what the customer was told, not from the start before this one move: two
    // moves of 6 minutes under a 10-minute threshold leave them 12 minutes off, and are told.
    const toldStart = lastToldStart(context) ?? event.previous.start;
    const movedMinutes = Math.abs(Date.parse(event.booking.start) - Date.parse(toldStart)) / 60_000;
    if (movedMinutes <= settings.rescheduleThresholdMinutes) {
      return { applies: true, skip: 'below-threshold' };
    }
    if (!reminded) return { applies: true, skip: 'no-reminder-before' };
    return { applies: true };
  }
  if (type === 'canceled' && !reminded) return { applies: true, skip: 'no-reminder-before' };
  return { applies: true };
}
