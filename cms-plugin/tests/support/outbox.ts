import { expect } from 'vitest';
import { OutboxBacklog } from '../../shared/contracts/admin.ts';
import { BookingEvent } from '../../shared/contracts/booking-event.ts';
import type { Host } from './host.ts';

/** The outbox backlog as the settings page reads it. */
export async function readBacklog(host: Host): Promise<OutboxBacklog> {
  const answer = await host.admin('GET', '/booking-events/backlog');
  expect(answer.status).toBe(200);
  return OutboxBacklog.parse(answer.body.data);
}

/** The events the outbox holds for one booking, in the order they were written. */
export async function writtenEvents(
  host: Host,
  bookingId: string,
): Promise<{ id: string; type: string }[]> {
  const rows = await host.database.select(
    'select event_id, type from enroute_booking_events where booking_document_id = $1 order by id',
    [bookingId],
  );
  return rows.map((row) => ({ id: String(row.event_id), type: String(row.type) }));
}

/** The events of `type` the outbox holds for a booking, oldest first, as the flows get them. */
export async function eventsOfType(
  host: Host,
  bookingId: string,
  type: string,
): Promise<BookingEvent[]> {
  const rows = await host.database.select(
    'select payload from enroute_booking_events where booking_document_id = $1 and type = $2 order by id',
    [bookingId, type],
  );
  return rows.map(({ payload }) =>
    BookingEvent.parse(typeof payload === 'string' ? JSON.parse(payload) : payload),
  );
}

/** Changes a booking over the content API, as an integration would. */
export async function patchBooking(
  host: Host,
  token: string,
  bookingId: string,
  change: Record<string, unknown>,
): Promise<void> {
  const answer = await host.api('PATCH', `/bookings/${bookingId}`, token, change);
  expect(answer.status).toBe(200);
}
