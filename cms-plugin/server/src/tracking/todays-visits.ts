import { DateTime } from 'luxon';
import type { TechnicianStatus } from '../../../shared/contracts/technician-app.ts';
import type { BookingStatus } from '../../../shared/contracts/domain.ts';

/** Whether a visit starting at `start` is on today's date in its account's zone. */
export function startsToday(start: Date, timeZone: string, now: Date): boolean {
  const zoned = DateTime.fromJSDate(start, { zone: timeZone });
  if (!zoned.isValid) return false;
  return zoned.hasSame(DateTime.fromJSDate(now, { zone: timeZone }), 'day');
}

/**
 * The statuses a technician may set from each status: on the way from a scheduled visit (or
 * again, after being sent back), arrived once on the way, completed once there. Setting the
 * current status again changes nothing and is allowed (a form sent twice).
 */
const NEXT: Record<BookingStatus, readonly TechnicianStatus[]> = {
  scheduled: ['traveling'],
  traveling: ['traveling', 'in-progress'],
  'in-progress': ['in-progress', 'completed'],
  completed: ['completed'],
  canceled: [],
};

export function technicianMayMove(from: BookingStatus, to: TechnicianStatus): boolean {
  return NEXT[from].includes(to);
}
