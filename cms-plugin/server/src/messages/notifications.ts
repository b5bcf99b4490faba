import type { Core } from '@strapi/strapi';
import type { DeliveryResult, Notification } from '../../../shared/contracts/messaging.ts';
import type { Channel, MessageType, NotificationState } from '../../../shared/contracts/domain.ts';
import { RequestError, invalid, notFound } from '../validation/errors.ts';
import { insertIgnoringConflicts, tableOf } from '../utils/bulk.ts';
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
  /** 'pending' claims the right to send; 'skipped' and 'failed' log a message not sent. */
  state: 'pending' | 'skipped' | 'failed';
  reason: string | null;
  /** The words of the message, its link made unusable. */
  content: MessageContent | null;
  /** Quiet hours: the scheduled run hands it out from then on. */
  sendAfter?: string;
};
export type MessageContent = NonNullable<DeliveryResult['content']>;

/** A message that waited for the end of quiet hours, taken by one scheduled run. */
export type WaitingMessage = {
  documentId: string;
  idempotencyKey: string;
  bookingId: string;
  bookingStart: string;
  type: MessageType;
  channel: Channel;
  recipient: string;
};

/** A delivery result for one logged message, as the results route takes it. */
export type ResultFor = DeliveryResult & { notificationId: string };
export type RecordAnswer = { data: Notification[]; errors: Map<number, RequestError> };

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
     * call claimed, by idempotency key. A key logged before is not written again; a pending
     * message whose key failed before takes that entry over (of simultaneous retries, the update
     * that still finds it failed wins).
     */
    async claimMany(messages: NewMessage[]): Promise<Map<string, string>> {
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
      );
      const claimed = new Map(inserted.map((row) => [row.conflictValue, row.documentId]));
      const { name, column } = table();
      for (const message of messages) {
        if (message.state !== 'pending' || claimed.has(message.idempotencyKey)) continue;
        const retaken = (await strapi.db
          .connection(name)
          .where({
            [column('idempotencyKey')]: message.idempotencyKey,
            [column('state')]: 'failed',
          })
          .update({
            [column('state')]: 'pending',
            [column('reason')]: null,
            [column('recipient')]: message.recipient,
            [column('content')]: message.content ? JSON.stringify(message.content) : null,
            [column('sendAfter')]: message.sendAfter ? new Date(message.sendAfter) : null,
            [column('updatedAt')]: new Date(),
          })
          .returning(['document_id'])) as { document_id: string }[];
        const won = retaken[0];
        if (won) claimed.set(message.idempotencyKey, won.document_id);
      }
      return claimed;
    },

    /**
     * Takes the waiting messages whose time has come: each is taken by the one run whose update
     * still finds it waiting.
     */
    async takeWaiting(now: Date, limit: number): Promise<WaitingMessage[]> {
      const { name, column } = table();
      const due = await log().findMany({
        where: { state: 'pending', sendAfter: { $lte: now } },
        select: [
          'id',
          'documentId',
          'idempotencyKey',
          'type',
          'channel',
          'recipient',
          'bookingStart',
        ],
        populate,
        orderBy: { sendAfter: 'asc' },
        limit,
      });
      if (due.length === 0) return [];
      const taken = (await strapi.db
        .connection(name)
        .whereIn(
          'id',
          due.map((row) => row.id),
        )
        .whereNotNull(column('sendAfter'))
        .update({ [column('sendAfter')]: null, [column('updatedAt')]: new Date() })
        .returning(['id'])) as { id: number }[];
      const ours = new Set(taken.map((row) => Number(row.id)));
      return due.flatMap((row) => {
        const booking = relation(row.booking);
        if (!ours.has(row.id) || !booking || typeof row.recipient !== 'string') return [];
        return [
          {
            documentId: row.documentId,
            idempotencyKey: String(row.idempotencyKey),
            bookingId: booking.documentId,
            bookingStart: instant(row.bookingStart),
            type: row.type as MessageType,
            channel: row.channel as Channel,
            recipient: row.recipient,
          },
        ];
      });
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
          [column('updatedAt')]: new Date(),
        });
    },

    /**
     * Records a batch of delivery results in one transaction. A result that cannot be recorded
     * (unknown id, already recorded as sent or skipped, no reason for a failure) is answered in
     * `errors` by its index and does not hold back the others.
     */
    async recordMany(results: ResultFor[]): Promise<RecordAnswer> {
      const errors = new Map<number, RequestError>();
      const ids = [...new Set(results.map((result) => result.notificationId))];
      const rows = ids.length
        ? await log().findMany({
            where: { documentId: { $in: ids } },
            select: ['id', 'documentId', 'state', 'attempts'],
          })
        : [];
      const current = new Map(rows.map((row) => [row.documentId, row]));
      const updates: { id: number; data: Record<string, unknown> }[] = [];
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
        // A later result for the same message in this batch sees this one.
        current.set(result.notificationId, { ...row, state: result.state, attempts });
        const { column } = table();
        updates.push({
          id: row.id,
          data: {
            [column('state')]: result.state,
            [column('reason')]: result.reason ?? null,
            [column('providerMessageId')]: result.providerMessageId ?? null,
            [column('attempts')]: attempts,
            ...(result.content ? { [column('content')]: JSON.stringify(result.content) } : {}),
            [column('providerResponse')]:
              result.providerResponse === undefined
                ? null
                : JSON.stringify(result.providerResponse),
            [column('updatedAt')]: new Date(),
          },
        });
      }
      if (updates.length > 0) {
        const { name } = table();
        await strapi.db.connection.transaction(async (trx) => {
          for (const { id, data } of updates) await trx(name).where({ id }).update(data);
        });
      }
      const recorded = new Set(updates.map((update) => update.id));
      const written = recorded.size
        ? await log().findMany({ where: { id: { $in: [...recorded] } }, populate })
        : [];
      const byDocumentId = new Map(written.map((row) => [row.documentId, view(row)]));
      const data = results.flatMap((result, index) => {
        const found = errors.has(index) ? undefined : byDocumentId.get(result.notificationId);
        return found ? [found] : [];
      });
      return { data, errors };
    },
  };
};

export type NotificationsService = ReturnType<typeof createNotificationsService>;

/** The log entry as every reader sees it (recipient masked). */
export { view as notificationView };
