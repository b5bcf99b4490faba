import type { Core } from '@strapi/strapi';
import { UID } from '../utils/uids.ts';
import { bookingEvents } from './diff.ts';
import type { BookingEvent } from '../../../shared/contracts/booking-event.ts';
import { readSnapshot } from './snapshot.ts';

type DocumentContext = { uid: string; action: string; params: Record<string, unknown> };
type Next = () => Promise<unknown>;
type Transaction = (
  callback: (context: { onCommit: (hook: () => void) => void }) => Promise<unknown>,
) => Promise<unknown>;

const WATCHED = new Set(['create', 'update', 'delete']);

function documentIdOf(value: unknown): string | null {
  if (value && typeof value === 'object') {
    if ('documentId' in value && typeof value.documentId === 'string') return value.documentId;
    if ('entries' in value && Array.isArray(value.entries)) return documentIdOf(value.entries[0]);
  }
  return null;
}

/**
 * Sees every booking create, update and delete made through the Document Service (content
 * API, admin, other plugins) and writes its events to the outbox in the same transaction:
 * the change and its events are stored together or not at all.
 */
export function bookingEventsMiddleware(
  strapi: Core.Strapi,
  append: (events: BookingEvent[]) => Promise<void>,
  onEvents: () => void,
) {
  // Reached when a change comes, not when registered: the database is ready only after `register`.
  const transaction: Transaction = (callback) =>
    (strapi.db as unknown as { transaction: Transaction }).transaction(callback);
  return async (context: DocumentContext, next: Next): Promise<unknown> => {
    if (context.uid !== UID.booking || !WATCHED.has(context.action)) return next();
    return transaction(async ({ onCommit }) => {
      const givenId =
        typeof context.params.documentId === 'string' ? context.params.documentId : null;
      const before = givenId ? await readSnapshot(strapi, givenId) : null;
      const result = await next();
      const documentId = givenId ?? documentIdOf(result);
      const after =
        context.action === 'delete' || !documentId ? null : await readSnapshot(strapi, documentId);
      const events = bookingEvents(before, after, new Date());
      if (events.length > 0) {
        await append(events);
        onCommit(onEvents);
      }
      return result;
    });
  };
}
