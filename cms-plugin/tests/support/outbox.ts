import { expect } from 'vitest';
import { OutboxBacklog } from '../../shared/contracts/admin.ts';
import type { Host } from './host.ts';

/** The outbox backlog as the settings page reads it. */
export async function readBacklog(host: Host): Promise<OutboxBacklog> {
  const answer = await host.admin('GET', '/booking-events/backlog');
  expect(answer.status).toBe(200);
  return OutboxBacklog.parse(answer.body.data);
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
