import type { Core } from '@strapi/strapi';
import { query } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import { bookingEvents } from './diff.ts';
import type { BookingEvent, BookingSnapshot } from '../../../shared/contracts/booking-event.ts';
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
 * Fields that follow from a booking change, whichever way it comes (content API, Content Manager,
 * technician app, code): when it completed (set on becoming completed, cleared on leaving it) and
 * the start it had before a move. A value the change gives itself is kept.
 */
function addConsequences(before: BookingSnapshot | null, params: Record<string, unknown>): void {
  const data = params.data;
  if (!data || typeof data !== 'object') return;
  const change = data as Record<string, unknown>;
  const status = typeof change.bookingStatus === 'string' ? change.bookingStatus : undefined;
  const set = (field: string, value: unknown) => {
    if (!(field in change)) change[field] = value;
  };
  if (status === 'completed' && before?.status !== 'completed') set('completedAt', new Date());
  if (status && status !== 'completed' && before?.status === 'completed') set('completedAt', null);
  const start = change.start;
  if (
    before &&
    (typeof start === 'string' || start instanceof Date) &&
    Date.parse(new Date(start).toISOString()) !== Date.parse(before.start)
  ) {
    set('previousStart', before.start);
  }
}

/** A change to traveling from another status starts the booking's next journey. */
async function countJourney(
  strapi: Core.Strapi,
  documentId: string | null,
  before: BookingSnapshot | null,
  params: Record<string, unknown>,
): Promise<void> {
  const change = params.data;
  if (!change || typeof change !== 'object') return;
  const data = change as Record<string, unknown>;
  if (data.bookingStatus !== 'traveling' || before?.status === 'traveling' || 'trip' in data)
    return;
  const row = documentId
    ? await query(strapi, UID.booking).findOne({ where: { documentId }, select: ['id', 'trip'] })
    : null;
  data.trip = Number(row?.trip ?? 0) + 1;
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
      if (context.action !== 'delete') {
        addConsequences(before, context.params);
        await countJourney(strapi, givenId, before, context.params);
      }
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
