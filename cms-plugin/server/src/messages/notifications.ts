import type { Core } from '@strapi/strapi';
import type {
  ClaimRequest,
  ClaimResponse,
  DeliveryResult,
  Notification,
} from '../../../shared/contracts/messaging.ts';
import type { Channel, MessageType, NotificationState } from '../../../shared/contracts/domain.ts';
import { RequestError, invalid, notFound } from '../validation/errors.ts';
import { isUniqueViolation } from '../utils/db-errors.ts';
import { maskRecipient } from '../utils/mask.ts';
import { documents, instant, query, relation, text, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';

function view(row: Row): Notification {
  const booking = relation(row.booking);
  return {
    documentId: row.documentId,
    idempotencyKey: String(row.idempotencyKey),
    bookingId: booking?.documentId ?? '',
    type: row.type as MessageType,
    channel: row.channel as Channel,
    recipientMasked: maskRecipient(text(row.recipient)),
    state: row.state as NotificationState,
    reason: text(row.reason),
    providerMessageId: text(row.providerMessageId),
    attempts: typeof row.attempts === 'number' ? row.attempts : 0,
    createdAt: instant(row.createdAt),
    updatedAt: instant(row.updatedAt),
  };
}

/**
 * The message log. A message is claimed before it is sent: the idempotency key is unique in
 * the database, so of any number of simultaneous claims exactly one wins. A message whose
 * sending failed can be claimed again, by one of simultaneous claims.
 */
export const createNotificationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const log = () => documents(strapi, UID.notification);
  const populate = { booking: { fields: ['documentId'] } };

  async function byKey(idempotencyKey: string): Promise<Row | null> {
    return log().findFirst({ filters: { idempotencyKey }, populate });
  }

  return {
    /**
     * Claims a message's key. `booking` is what the caller already read of the booking (its
     * documentId and start): the log entry is written at once, and only a key taken before
     * costs a read.
     */
    async claim(
      request: ClaimRequest,
      booking?: { documentId: string; start: string },
    ): Promise<ClaimResponse> {
      if (request.state === 'skipped' && !request.reason) {
        throw invalid('reason', 'is required when state is skipped');
      }
      const taken = async (existing: Row): Promise<ClaimResponse> => {
        if (existing.state !== 'failed' || request.state !== 'pending') {
          return { claimed: false, notification: view(existing) };
        }
        // A message that failed may be tried again: of simultaneous retries, the one whose
        // update finds it still failed wins.
        const { count } = await query(strapi, UID.notification).updateMany({
          where: { idempotencyKey: request.idempotencyKey, state: 'failed' },
          data: { state: 'pending', recipient: request.recipient, updatedAt: new Date() },
        });
        const current = (await byKey(request.idempotencyKey)) ?? existing;
        return { claimed: count === 1, notification: view(current) };
      };
      if (!booking) {
        const existing = await byKey(request.idempotencyKey);
        if (existing) return taken(existing);
        const row = await documents(strapi, UID.booking).findOne({
          documentId: request.bookingId,
        });
        if (!row) {
          throw new RequestError(400, [
            { path: 'bookingId', message: `no booking with documentId ${request.bookingId}` },
          ]);
        }
        booking = { documentId: row.documentId, start: instant(row.start) };
      }
      try {
        const created = await log().create({
          data: {
            idempotencyKey: request.idempotencyKey,
            booking: booking.documentId,
            type: request.type,
            channel: request.channel,
            recipient: request.recipient,
            state: request.state,
            reason: request.reason ?? null,
            attempts: 0,
            bookingStart: booking.start,
          },
          populate,
        });
        return { claimed: true, notification: view(created) };
      } catch (error) {
        const winner = await byKey(request.idempotencyKey);
        if (winner && isUniqueViolation(error)) return taken(winner);
        throw error;
      }
    },

    /** Keeps the words of a prepared message (its link made unusable) for the log's detail. */
    async keepContent(documentId: string, content: DeliveryResult['content']): Promise<void> {
      await query(strapi, UID.notification).update({
        where: { documentId },
        data: { content: content ?? null },
      });
    },

    async record(documentId: string, result: DeliveryResult): Promise<Notification> {
      const row = await log().findOne({ documentId, populate });
      if (!row) throw notFound('id', `no notification with documentId ${documentId}`);
      if (row.state === 'sent' || row.state === 'skipped') {
        throw new RequestError(409, [
          { path: 'state', message: `already recorded as ${String(row.state)}` },
        ]);
      }
      if (result.state !== 'sent' && !result.reason) {
        throw invalid('reason', `is required when state is ${result.state}`);
      }
      const updated = await log().update({
        documentId,
        data: {
          state: result.state,
          reason: result.reason ?? null,
          providerMessageId: result.providerMessageId ?? null,
          attempts: (typeof row.attempts === 'number' ? row.attempts : 0) + 1,
          ...(result.content ? { content: result.content } : {}),
          providerResponse: result.providerResponse ?? null,
        },
        populate,
      });
      if (!updated) throw notFound('id', `no notification with documentId ${documentId}`);
      return view(updated);
    },
  };
};

export type NotificationsService = ReturnType<typeof createNotificationsService>;

/** The log entry as every reader sees it (recipient masked). */
export { view as notificationView };
