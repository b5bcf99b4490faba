import { DateTime } from 'luxon';
import type {
  MessageContext,
  MessageType,
  MessagingSettings,
} from '../../../../shared/contracts/index.ts';

const DAY_MS = 86_400_000;

function clock(time: string): { hour: number; minute: number } {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return { hour, minute };
}

/**
 * The first moment at or after `from` when the wall clock in `zone` shows `time` (HH:MM). On a
 * day when that time does not exist (clocks put forward across it), the moment the clock jumps
 * past it; on a day when it happens twice (clocks put back), the first.
 */
export function nextClockTime(from: Date, time: string, zone: string): Date {
  const { hour, minute } = clock(time);
  const start = DateTime.fromJSDate(from, { zone });
  for (let days = 0; days <= 2; days += 1) {
    const day = start.plus({ days }).startOf('day');
    let at = day.set({ hour, minute, second: 0, millisecond: 0 });
    // Luxon moves a time that does not exist forward by the gap; the clock showed it never.
    if (at.hour !== hour || at.minute !== minute) at = at.startOf('hour');
    if (at.toMillis() >= from.getTime()) return at.toJSDate();
  }
  throw new Error(`no ${time} in ${zone} within two days of ${from.toISOString()}`);
}

/** Minutes since midnight on the wall clock of `zone` at `at`. */
function minutesOfDay(at: Date, zone: string): number {
  const local = DateTime.fromJSDate(at, { zone });
  return local.hour * 60 + local.minute;
}

/** Whether `at` falls inside the quiet hours, in `zone`. */
export function inQuietHours(
  at: Date,
  quiet: MessagingSettings['quietHours'],
  zone: string,
): boolean {
  if (!quiet.enabled || quiet.start === quiet.end) return false;
  const now = minutesOfDay(at, zone);
  const start = clock(quiet.start);
  const end = clock(quiet.end);
  const from = start.hour * 60 + start.minute;
  const to = end.hour * 60 + end.minute;
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/** The zone a customer's clock reads: their service account's. */
export function customerZone(context: MessageContext): string {
  return context.serviceAccount.timeZone || 'UTC';
}

/**
 * When a booking's reminder for its current start is due: at the send time (in UTC or in the
 * account's zone, as set) on the first day the booking is inside the window, that is the first
 * send time at or after `start - window`. Never later than the start.
 */
export function reminderDueAt(context: MessageContext, settings: MessagingSettings): Date {
  const start = Date.parse(context.booking.start);
  const windowOpens = new Date(start - settings.reminder.windowDays * DAY_MS);
  const zone = settings.reminder.sendTimeZone === 'account' ? customerZone(context) : 'UTC';
  const due = nextClockTime(windowOpens, settings.reminder.sendTime, zone);
  return due.getTime() < start ? due : windowOpens;
}

/** When a message may go: now, later (at the end of quiet hours), or not at all. */
export type SendTiming =
  { at: 'now' } | { at: 'later'; notBefore: Date } | { at: 'never'; reason: 'quiet-hours' };

/**
 * Quiet hours, in the customer's zone: a message of a type that waits goes at their end; one
 * that would wait past the booking's start does not go at all. The others go at once.
 */
export function sendTiming(
  type: MessageType,
  context: MessageContext,
  settings: MessagingSettings,
  now: Date,
): SendTiming {
  const quiet = settings.quietHours;
  const zone = customerZone(context);
  if (!quiet.wait[type] || !inQuietHours(now, quiet, zone)) return { at: 'now' };
  const notBefore = nextClockTime(now, quiet.end, zone);
  if (notBefore.getTime() >= Date.parse(context.booking.start)) {
    return { at: 'never', reason: 'quiet-hours' };
  }
  return { at: 'later', notBefore };
}

/**
 * The next moment after `now` when the reminder run sends to customers in `zone`: the send time
 * (on the UTC clock or on the zone's, as set), at the end of the zone's quiet hours when it falls
 * inside them.
 */
export function nextReminderSend(
  now: Date,
  settings: Pick<MessagingSettings, 'reminder' | 'quietHours'>,
  zone: string,
): { at: Date; heldByQuietHours: boolean } {
  const clockZone = settings.reminder.sendTimeZone === 'account' ? zone : 'UTC';
  const at = nextClockTime(now, settings.reminder.sendTime, clockZone);
  if (!settings.quietHours.wait.reminder || !inQuietHours(at, settings.quietHours, zone)) {
    return { at, heldByQuietHours: false };
  }
  return { at: nextClockTime(at, settings.quietHours.end, zone), heldByQuietHours: true };
}
