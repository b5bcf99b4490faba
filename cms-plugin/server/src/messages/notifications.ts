import type { Core } from '@strapi/strapi';
import type { DeliveryResult, Notification } from '../../../shared/contracts/messaging.ts';
import type { Channel, MessageType, NotificationState } from '../../../shared/contracts/domain.ts';
import { RequestError, invalid, notFound } from '../validation/errors.ts';
import {
  insertIgnoringConflicts,
  joinColumnOf,
  tableOf,
  updateRows,
  type RowUpdate,
} from '../utils/bulk.ts';
import { CLAIM_LEASE_MS, MAX_ATTEMPTS, isTransientFailure, retryDelayMs } from './rules/index.ts';
import { maskRecipient } from '../utils/mask.ts';
import { instant, query, relation, text, type Row } from '../utils/store.ts';
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

/** A message to log: what the rules decided for one key, with its words when it is to be sent. */
export type NewMessage = {
  idempotencyKey: string;
  bookingRowId: number;
  bookingStart: string;
  type: MessageType;
  channel: Channel;
  recipient: string | null;
  /**
   * 'pending' claims the right to send; 'skipped', 'failed' and 'expired' (told too late: the
   * booking has moved on) log a message not sent.
   */
  state: 'pending' | 'skipped' | 'failed' | 'expired';
  reason: string | null;
  /** The words of the message, its link made unusable. */
  content: MessageContent | null;
  /** Quiet hours: the scheduled run hands it out from then on. */
  sendAfter?: string;
};
export type MessageContent = NonNullable<DeliveryResult['content']>;

/** A message taken by one scheduled run to be sent again (or for the first time, after waiting). */
export type RetryMessage = {
  documentId: string;
  idempotencyKey: string;
  bookingId: string;
  bookingStart: string;
  type: MessageType;
  channel: Channel;
  recipient: string;
  attempts: number;
  claimedAt: string;
  /** It waited for the end of quiet hours (not a retry). */
  waited: boolean;
};

/** A delivery result for one logged message, as the results route takes it. */
export type ResultFor = DeliveryResult & { notificationId: string };
export type RecordAnswer = { data: Notification[]; errors: Map<number, RequestError> };

/**
 * When a failed try is made again: event messages that failed for a passing reason, after a delay
 * that grows with each try, up to the most tries; never for a refusal. (A reminder that failed is
 * due again by itself.)
 */
function retryAt(row: Row, result: DeliveryResult, attempts: number, now: Date): Date | null {
  if (result.state !== 'failed' || row.type === 'reminder' || attempts >= MAX_ATTEMPTS) return null;
  if (!isTransientFailure(row.channel as Channel, result.reason ?? null)) return null;
  return new Date(now.getTime() + retryDelayMs(attempts));
}

/**
 * The message log. A message is claimed before it is sent: the idempotency key is unique in
 * the database, so of any number of simultaneous claims exactly one wins. A message whose
 * sending failed can be claimed again, by one of simultaneous claims.
 */
export const createNotificationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const log = () => query(strapi, UID.notification);
  const table = () => tableOf(strapi, UID.notification);
  const populate = { booking: { select: ['documentId'] } };

  return {
    /**
     * Logs a batch of messages in a few statements and answers the documentId of each one this
     * call claimed, by idempotency key. A key logged before is not written again; a message whose
     * key failed before takes that entry over, to be sent or to fail again (of simultaneous
     * retries, the update that still finds it failed wins).
     */
    async claimMany(messages: NewMessage[], now = new Date()): Promise<Map<string, string>> {
      const inserted = await insertIgnoringConflicts(
        strapi,
        UID.notification,
        messages.map((message) => ({
          values: {
            idempotencyKey: message.idempotencyKey,
            type: message.type,
            channel: message.channel,
            recipient: message.recipient,
            state: message.state,
            reason: message.reason,
            attempts: 0,
            bookingStart: new Date(message.bookingStart),
            content: message.content,
            sendAfter: message.sendAfter ? new Date(message.sendAfter) : null,
          },
          relations: { booking: message.bookingRowId },
        })),
        'idempotencyKey',
        now,
      );
      const claimed = new Map(inserted.map((row) => [row.conflictValue, row.documentId]));
      const { name, column } = table();
      for (const message of messages) {
        if (message.state === 'skipped' || claimed.has(message.idempotencyKey)) continue;
        // A message that failed before and fails again to be written is logged failed again,
        // with today's reason: this call reports it, as it did the first time.
        const retaken = (await strapi.db
          .connection(name)
          .where({
            [column('idempotencyKey')]: message.idempotencyKey,
            [column('state')]: 'failed',
          })
          .update({
            [column('state')]: message.state,
            [column('reason')]: message.reason,
            [column('recipient')]: message.recipient,
            [column('content')]: message.content ? JSON.stringify(message.content) : null,
            [column('sendAfter')]: message.sendAfter ? new Date(message.sendAfter) : null,
            [column('retryAt')]: null,
            [column('updatedAt')]: now,
          })
          .returning(['document_id'])) as { document_id: string }[];
        const won = retaken[0];
        if (won) claimed.set(message.idempotencyKey, won.document_id);
      }
      return claimed;
    },

    /**
     * Takes the messages to send again now (of simultaneous runs, the one whose update still finds
     * a message as it read it takes it):
     * - those that waited for the end of quiet hours, once it has come;
     * - event messages whose last try failed for a passing reason, after a delay that doubles with
     *   each try (reminders are due again by themselves);
     * - claims left unanswered for longer than the lease (the run that claimed them died).
     */
    async takeForRetry(now: Date, limit: number): Promise<RetryMessage[]> {
      const { name, column } = table();
      const bookingColumn = joinColumnOf(strapi, UID.notification, 'booking');
      const bookings = tableOf(strapi, UID.booking);
      const c = (attribute: string) => `n.${column(attribute)}`;
      const rows = (await strapi.db
        .connection({ n: name })
        .join({ b: bookings.name }, 'b.id', `n.${bookingColumn}`)
        .select(
          'n.id',
          'n.document_id',
          { key: c('idempotencyKey') },
          { type: c('type') },
          { channel: c('channel') },
          { recipient: c('recipient') },
          { state: c('state') },
          { reason: c('reason') },
          { attempts: c('attempts') },
          { booking_start: c('bookingStart') },
          { send_after: c('sendAfter') },
          { created_at: c('createdAt') },
          { updated_at: c('updatedAt') },
          { booking_id: 'b.document_id' },
        )
        .where((where) =>
          where
            .where(c('state'), 'pending')
            .where((pending) =>
              pending.where(c('sendAfter'), '<=', now).orWhere((stale) =>
                stale
                  .whereNull(c('sendAfter'))
                  .whereNotNull(c('content'))
                  .where(c('updatedAt'), '<=', new Date(now.getTime() - CLAIM_LEASE_MS)),
              ),
            )
            .orWhere((failed) => failed.where(c('state'), 'failed').where(c('retryAt'), '<=', now)),
        )
        .orderBy(c('updatedAt'))
        .limit(limit)) as Record<string, unknown>[];
      const taken: RetryMessage[] = [];
      for (const row of rows) {
        if (typeof row.recipient !== 'string') continue;
        const won = (await strapi.db
          .connection(name)
          .where({
            id: row.id,
            [column('state')]: row.state,
            [column('updatedAt')]: row.updated_at,
          })
          .update({
            [column('state')]: 'pending',
            [column('sendAfter')]: null,
            [column('retryAt')]: null,
            [column('updatedAt')]: now,
          })
          .returning(['id'])) as unknown[];
        if (won.length === 0) continue;
        taken.push({
          documentId: String(row.document_id),
          idempotencyKey: String(row.key),
          bookingId: String(row.booking_id),
          bookingStart: instant(row.booking_start),
          type: row.type as MessageType,
          channel: row.channel as Channel,
          recipient: row.recipient,
          attempts: Number(row.attempts ?? 0),
          claimedAt: instant(row.created_at),
          waited: row.send_after !== null && row.send_after !== undefined,
        });
      }
      return taken;
    },

    /** Keeps the words of a message written after it was claimed. */
    async keepContent(documentId: string, content: MessageContent): Promise<void> {
      const { name, column } = table();
      await strapi.db
        .connection(name)
        .where({ document_id: documentId })
        .update({ [column('content')]: JSON.stringify(content) });
    },

    /** Logs claimed messages as failed before they went out, with the reason. */
    async fail(documentId: string, reason: string): Promise<void> {
      await this.settle([documentId], 'failed', reason);
    },

    /** Logs claimed messages as expired: their moment passed before they could go. */
    async expire(documentIds: string[], reason: string): Promise<void> {
      await this.settle(documentIds, 'expired', reason);
    },

    async settle(documentIds: string[], state: 'failed' | 'expired', reason: string) {
      if (documentIds.length === 0) return;
      const { name, column } = table();
      await strapi.db
        .connection(name)
        .whereIn('document_id', documentIds)
        .where({ [column('state')]: 'pending' })
        .update({
          [column('state')]: state,
          [column('reason')]: reason,
          [column('sendAfter')]: null,
          [column('retryAt')]: null,
          [column('updatedAt')]: new Date(),
        });
    },

    /**
     * Records a batch of delivery results in one transaction. A result that cannot be recorded
     * (unknown id, already recorded as sent or skipped, no reason for a failure) is answered in
     * `errors` by its index and does not hold back the others.
     */
    async recordMany(results: ResultFor[], now = new Date()): Promise<RecordAnswer> {
      const errors = new Map<number, RequestError>();
      const ids = [...new Set(results.map((result) => result.notificationId))];
      // What the answer shows of each entry is read here, with what the update needs.
      const rows = ids.length
        ? await log().findMany({
            where: { documentId: { $in: ids } },
            select: [
              'id',
              'documentId',
              'idempotencyKey',
              'state',
              'attempts',
              'type',
              'channel',
              'recipient',
              'createdAt',
            ],
            populate,
          })
        : [];
      const current = new Map(rows.map((row) => [row.documentId, row]));
      const updates = new Map<number, RowUpdate>();
      for (const [index, result] of results.entries()) {
        const row = current.get(result.notificationId);
        if (!row) {
          errors.set(
            index,
            notFound('id', `no notification with documentId ${result.notificationId}`),
          );
          continue;
        }
        if (row.state === 'sent' || row.state === 'skipped') {
          errors.set(
            index,
            new RequestError(409, [
              { path: 'state', message: `already recorded as ${String(row.state)}` },
            ]),
          );
          continue;
        }
        if (result.state !== 'sent' && !result.reason) {
          errors.set(index, invalid('reason', `is required when state is ${result.state}`));
          continue;
        }
        const attempts = (typeof row.attempts === 'number' ? row.attempts : 0) + 1;
        const values: Record<string, unknown> = {
          state: result.state,
          reason: result.reason ?? null,
          providerMessageId: result.providerMessageId ?? null,
          attempts,
          retryAt: retryAt(row, result, attempts, now),
          ...(result.content ? { content: result.content } : {}),
          providerResponse: result.providerResponse ?? null,
          updatedAt: now,
        };
        // A later result for the same message in this batch sees this one, and wins.
        current.set(result.notificationId, { ...row, ...values });
        updates.set(row.id, { id: row.id, values });
      }
      await updateRows(strapi, UID.notification, [...updates.values()]);
      const data = results.flatMap((result, index) => {
        const row = errors.has(index) ? undefined : current.get(result.notificationId);
        return row ? [view(row)] : [];
      });
      return { data, errors };
    },
  };
};

export type NotificationsService = ReturnType<typeof createNotificationsService>;

/** The log entry as every reader sees it (recipient masked). */
export { view as notificationView };
