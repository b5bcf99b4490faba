import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import {
  RescheduleRequest,
  type CustomerActionSettings,
} from '../../../shared/contracts/customer-actions.ts';
import { optionalInstant, type Row } from '../utils/store.ts';

/** The request stored on a booking (`customerRequest`), or null when none (or unreadable). */
export function storedRequest(value: unknown): RescheduleRequest | null {
  const parsed = RescheduleRequest.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The revision of a booking's customer side: it changes with every answer and with the status
 * and start, so a form made from an older page (sent twice, replayed) no longer matches.
 */
export function customerRevision(row: Row): string {
  const request = storedRequest(row.customerRequest);
  const parts = [
    row.documentId,
    String(row.bookingStatus),
    optionalInstant(row.start) ?? '',
    optionalInstant(row.customerConfirmedAt) ?? '',
    optionalInstant(row.customerCanceledAt) ?? '',
    optionalInstant(row.customerNoteAt) ?? '',
    request ? `${request.requestedAt}/${request.state}` : '',
  ];
  return createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 22);
}

/** Until when a customer may cancel online: the cut-off before the start. */
export function cancelDeadline(start: Date, settings: CustomerActionSettings): Date {
  return new Date(start.getTime() - settings.cancelCutoffHours * 3_600_000);
}

/** The most windows a page offers. */
const MAX_WINDOWS = 60;

/**
 * The windows a customer may ask for: each offered window on each day from tomorrow on, in the
 * account's zone, starting after now, other than the booking's own.
 */
export function offeredWindows(
  settings: CustomerActionSettings,
  timeZone: string,
  now: Date,
  current: { start: string; end: string } | null = null,
): { start: string; end: string }[] {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  if (!today.isValid) return [];
  const windows: { start: string; end: string }[] = [];
  for (let day = 1; day <= settings.daysAhead; day += 1) {
    const date = today.plus({ days: day });
    for (const window of settings.windows) {
      const at = (time: string) => {
        const [hour, minute] = time.split(':').map(Number);
        return date.set({ hour, minute }).toUTC().toISO({ suppressMilliseconds: false }) ?? '';
      };
      const offered = { start: at(window.start), end: at(window.end) };
      if (Date.parse(offered.start) <= now.getTime()) continue;
      if (
        current &&
        Date.parse(current.start) === Date.parse(offered.start) &&
        Date.parse(current.end) === Date.parse(offered.end)
      )
        continue;
      windows.push(offered);
      if (windows.length >= MAX_WINDOWS) return windows;
    }
  }
  return windows;
}

/** Whether a window a customer sent is one of those offered. */
export function isOffered(
  window: { start: string; end: string },
  offered: readonly { start: string; end: string }[],
): boolean {
  return offered.some(
    (candidate) =>
      Date.parse(candidate.start) === Date.parse(window.start) &&
      Date.parse(candidate.end) === Date.parse(window.end),
  );
}
