import { buildCalendar, type CalendarAttachment } from '@enroute/content';
import type { AvailablePortalView } from '@enroute/contracts';

/**
 * The add-to-calendar file of a booking that is still to come; null once it has started, been
 * completed or canceled. The UID follows the booking number, so a second download after a
 * reschedule moves the same event instead of adding one.
 */
export function calendarFor(
  view: AvailablePortalView,
  now: Date = new Date(),
): CalendarAttachment | null {
  if (view.state !== 'scheduled' && view.state !== 'traveling') return null;
  const { booking, serviceAccount, company } = view;
  const summary = view.snippets['page.title'] || company.name;
  return buildCalendar({
    method: 'REQUEST',
    uid: `${booking.number}@enroute`,
    sequence: Math.floor(now.getTime() / 1000),
    start: booking.start,
    end: booking.end,
    timeZone: booking.timeZone,
    summary,
    description: [summary, booking.serviceType].filter(Boolean).join('\n'),
    location: serviceAccount.address,
    url: null,
    organizer: { name: company.name, email: company.email },
    attendee: null,
    now,
  });
}
