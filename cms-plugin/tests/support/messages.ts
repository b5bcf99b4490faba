import { randomUUID } from 'node:crypto';
import { PreparedBatch, type BookingEvent } from '../../shared/contracts/index.ts';
import type { Host } from './host.ts';

/**
 * What a traveling flow does for one booking, through the plugin's own routes: prepares the
 * "on the way" messages for a status change and records them sent with the provider's answer.
 * Answers the prepared messages (what the customer got).
 */
export async function sendTravelingMessages(
  host: Host,
  booking: { documentId: string },
): Promise<PreparedBatch> {
  // The plugin reads the booking itself; the event says only what changed.
  const at = new Date().toISOString();
  const snapshot = {
    documentId: booking.documentId,
    externalId: null,
    start: at,
    end: at,
    resourceId: null,
    completedAt: null,
  };
  const event: BookingEvent = {
    id: randomUUID(),
    type: 'booking.status_changed',
    occurredAt: new Date().toISOString(),
    booking: { ...snapshot, status: 'traveling' },
    previous: { ...snapshot, status: 'scheduled' },
  };
  const token = host.tokens.fullAccess;
  const prepared = await host.api('POST', '/messaging/prepare/events', token, {
    type: 'traveling',
    events: [event],
  });
  if (prepared.status !== 200) throw new Error(`prepare: ${JSON.stringify(prepared.body)}`);
  const batch = PreparedBatch.parse(prepared.body);
  const results = [...batch.email, ...batch.sms].map((message) => ({
    notificationId: message.notificationId,
    state: 'sent',
    providerMessageId: `${message.channel}-42`,
    providerResponse: { status: 'accepted', id: `${message.channel}-42` },
  }));
  const recorded = await host.api('POST', '/messaging/results', token, { results });
  if (recorded.status !== 200) throw new Error(`results: ${JSON.stringify(recorded.body)}`);
  return batch;
}
