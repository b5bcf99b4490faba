import { randomUUID } from 'node:crypto';
import {
  PreparedBatch,
  type BookingEvent,
  type BookingStatus,
} from '../../shared/contracts/index.ts';
import type { Host } from './host.ts';

/**
 * A status change of a booking, as the plugin's outbox sends it to the flows (a new id each time).
 * The plugin reads the booking itself when it prepares; the event says what changed.
 */
export function statusChangeEvent(
  booking: { documentId: string; start?: string; end?: string; externalId?: string | null },
  from: BookingStatus,
  to: BookingStatus,
): BookingEvent {
  const at = new Date().toISOString();
  const snapshot = {
    documentId: booking.documentId,
    externalId: booking.externalId ?? null,
    start: booking.start ?? at,
    end: booking.end ?? booking.start ?? at,
    resourceId: null,
    completedAt: null,
  };
  return {
    id: randomUUID(),
    type: 'booking.status_changed',
    occurredAt: at,
    booking: { ...snapshot, status: to },
    previous: { ...snapshot, status: from },
  };
}

/** A move of a booking from one start to another, as the outbox sends it (an hour long). */
export function rescheduleEvent(
  documentId: string,
  from: string,
  to: string,
  at = new Date().toISOString(),
): BookingEvent {
  const snapshot = {
    documentId,
    externalId: null,
    status: 'scheduled' as const,
    resourceId: null,
    completedAt: null,
  };
  const end = (start: string) => new Date(Date.parse(start) + 3_600_000).toISOString();
  return {
    id: randomUUID(),
    type: 'booking.rescheduled',
    occurredAt: at,
    booking: { ...snapshot, start: to, end: end(to) },
    previous: { ...snapshot, start: from, end: end(from) },
  };
}

/**
 * What a traveling flow does for one booking, through the plugin's own routes: prepares the
 * "on the way" messages for a status change and records them sent with the provider's answer, or
 * failed with the provider's `failure` when one is given. Answers the prepared messages (what the
 * customer got).
 */
export async function sendTravelingMessages(
  host: Host,
  booking: { documentId: string },
  failure?: string,
): Promise<PreparedBatch> {
  const token = host.tokens.fullAccess;
  // On its way in Strapi, as the event says: an event the booking has moved on from is not told.
  const traveling = await host.api('PATCH', `/bookings/${booking.documentId}`, token, {
    status: 'traveling',
  });
  if (traveling.status !== 200) throw new Error(`traveling: ${JSON.stringify(traveling.body)}`);
  const prepared = await host.api('POST', '/messaging/prepare/events', token, {
    type: 'traveling',
    events: [statusChangeEvent(booking, 'scheduled', 'traveling')],
  });
  if (prepared.status !== 200) throw new Error(`prepare: ${JSON.stringify(prepared.body)}`);
  const batch = PreparedBatch.parse(prepared.body);
  const results = [...batch.email, ...batch.sms].map((message) =>
    failure
      ? { notificationId: message.notificationId, state: 'failed', reason: failure }
      : {
          notificationId: message.notificationId,
          state: 'sent',
          providerMessageId: `${message.channel}-42`,
          providerResponse: { status: 'accepted', id: `${message.channel}-42` },
        },
  );
  const recorded = await host.api('POST', '/messaging/results', token, { results });
  if (recorded.status !== 200) throw new Error(`results: ${JSON.stringify(recorded.body)}`);
  return batch;
}

/**
 * A whole scheduled run, as the reminder flow makes it: every page of the reminders due (and of
 * what waited for the end of quiet hours), `limit` bookings a page, at `now` when a test clock is
 * given. Answers the pages' messages together.
 */
export async function scheduledRun(
  host: Host,
  options: { limit?: number; now?: string } = {},
): Promise<Pick<PreparedBatch, 'email' | 'sms' | 'skipped' | 'alreadyClaimed'>> {
  const pages: PreparedBatch[] = [];
  let cursor: string | null = null;
  do {
    const answer = await host.api(
      'POST',
      '/messaging/prepare/reminders',
      host.tokens.fullAccess,
      { cursor, limit: options.limit ?? 100 },
      options.now ? { 'x-enroute-now': options.now } : {},
    );
    if (answer.status !== 200) throw new Error(`prepare: ${JSON.stringify(answer.body)}`);
    const page = PreparedBatch.parse(answer.body);
    pages.push(page);
    cursor = page.next ?? null;
  } while (cursor);
  return {
    email: pages.flatMap((page) => page.email),
    sms: pages.flatMap((page) => page.sms),
    skipped: pages.flatMap((page) => page.skipped),
    alreadyClaimed: pages.reduce((sum, page) => sum + page.alreadyClaimed, 0),
  };
}
