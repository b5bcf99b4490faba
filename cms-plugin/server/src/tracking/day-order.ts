import type { Core } from '@strapi/strapi';
import { etaWindow, type DayOrder } from '../../../shared/contracts/customer-actions.ts';
import type { BookingStatus } from '../../../shared/contracts/domain.ts';
import { instant, query } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import { startsToday } from './todays-visits.ts';

const FIVE_MINUTES = 5 * 60_000;
/** Bookings this far either side of the start may share its day somewhere on Earth. */
const DAY_SPAN_MS = 30 * 3_600_000;

const roundUp = (time: number) => Math.ceil(time / FIVE_MINUTES) * FIVE_MINUTES;

export type DayVisit = { id: number; start: string; status: BookingStatus };

/**
 * Where one visit stands in its technician's day: the visits still to come before it (by start,
 * then by id), and the arrival window narrowed by the ETA while on the way, or by the clock once
 * the window has begun. Only a count and times: nothing about the other visits.
 */
export function dayOrder(
  visit: { id: number; start: string; end: string; status: BookingStatus },
  sameDay: readonly DayVisit[],
  eta: string | null,
  now: Date,
): DayOrder {
  const start = Date.parse(visit.start);
  const visitsBefore = sameDay.filter(
    (other) =>
      other.id !== visit.id &&
      (other.status === 'scheduled' ||
        other.status === 'traveling' ||
        other.status === 'in-progress') &&
      (Date.parse(other.start) < start ||
        (Date.parse(other.start) === start && other.id < visit.id)),
  ).length;
  const end = Date.parse(visit.end);
  if (visit.status === 'traveling' && eta) return { visitsBefore: 0, expected: etaWindow(eta) };
  const from = roundUp(now.getTime());
  return {
    visitsBefore,
    expected:
      from > start && from < end
        ? { from: new Date(from).toISOString(), to: new Date(end).toISOString() }
        : null,
  };
}

/** The day order of a booking on its visit day while scheduled or traveling; else null. */
export async function readDayOrder(
  strapi: Core.Strapi,
  visit: { id: number; start: string; end: string; status: BookingStatus },
  resourceId: number | null,
  timeZone: string,
  eta: string | null,
  now: Date,
): Promise<DayOrder | null> {
  if (resourceId === null) return null;
  if (visit.status !== 'scheduled' && visit.status !== 'traveling') return null;
  if (!startsToday(new Date(visit.start), timeZone, now)) return null;
  const start = Date.parse(visit.start);
  const rows = await query(strapi, UID.booking).findMany({
    where: {
      resource: { id: resourceId },
      start: { $gte: new Date(start - DAY_SPAN_MS), $lte: new Date(start) },
    },
    select: ['id', 'start', 'bookingStatus'],
  });
  const sameDay = rows
    .map((row) => ({
      id: row.id,
      start: instant(row.start),
      status: row.bookingStatus as BookingStatus,
    }))
    .filter((other) => startsToday(new Date(other.start), timeZone, now));
  return dayOrder(visit, sameDay, eta, now);
}
