import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { instant } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import type { CheckedPosition } from './ingest-check.ts';

/** Rows per INSERT statement (SQLite allows 32,766 bound values; a row has 11). */
const ROWS_PER_STATEMENT = 1_000;

type Pending = {
  resourceId: number;
  positions: CheckedPosition[];
  settle: (stored: boolean[]) => void;
  fail: (error: unknown) => void;
};

export type StoredPositions = {
  resourceId: number;
  /** For each position given, true when it was stored, false when it already was. */
  stored: boolean[];
};

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A Strapi document id: 24 lowercase letters and digits, starting with a letter. */
function documentId(): string {
  const bytes = randomBytes(24);
  let id = ALPHABET[bytes[0]! % 26]!;
  for (let index = 1; index < 24; index += 1) id += ALPHABET[bytes[index]! % 36];
  return id;
}

/**
 * Writes positions in bulk. Requests that arrive while a write is under way are gathered into the
 * next one: one transaction (one disk sync) carries the positions of many requests, and each
 * request is answered once its positions are committed. A position already stored (same
 * technician and recorded time) is skipped by the database's unique index, atomically, however
 * many instances write.
 */
export function createPositionStore(strapi: Core.Strapi) {
  const metadata = strapi.db.metadata.get(UID.location);
  const table = metadata.tableName;
  let queue: Pending[] = [];
  let writing = false;

  async function write(batch: Pending[]): Promise<void> {
    const now = new Date();
    const rows = batch.flatMap((pending) =>
      pending.positions.map((position) => ({
        document_id: documentId(),
        resource_id: pending.resourceId,
        latitude: position.lat,
        longitude: position.lng,
        accuracy: position.accuracy,
        recorded_at: position.recordedAt,
        source: position.source,
        created_at: now,
        updated_at: now,
        published_at: now,
        locale: null,
      })),
    );
    const inserted = new Set<string>();
    await strapi.db.connection.transaction(async (trx) => {
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const returned = (await trx(table)
          .insert(rows.slice(start, start + ROWS_PER_STATEMENT))
          .onConflict(['resource_id', 'recorded_at'])
          .ignore()
          .returning(['resource_id', 'recorded_at'])) as {
          resource_id: number;
          recorded_at: unknown;
        }[];
        for (const row of returned) {
          inserted.add(`${Number(row.resource_id)}|${Date.parse(instant(row.recorded_at))}`);
        }
      }
    });
    for (const pending of batch) {
      pending.settle(
        pending.positions.map((position) =>
          // The first request to carry a position owns it; a later copy is a duplicate.
          inserted.delete(`${pending.resourceId}|${position.recordedAt.getTime()}`),
        ),
      );
    }
  }

  async function drain(): Promise<void> {
    writing = true;
    try {
      while (queue.length > 0) {
        // Let the requests that arrived meanwhile be read first: they join this write. (SQLite
        // commits synchronously, so they queue up while a commit is under way.)
        await new Promise<void>((resolve) => setImmediate(resolve));
        const batch = queue;
        queue = [];
        try {
          await write(batch);
        } catch (error) {
          for (const pending of batch) pending.fail(error);
        }
      }
    } finally {
      writing = false;
    }
  }

  return {
    /** Stores one technician's positions; resolves once they are committed. */
    store(resourceId: number, positions: CheckedPosition[]): Promise<StoredPositions> {
      if (positions.length === 0) return Promise.resolve({ resourceId, stored: [] });
      return new Promise((resolve, reject) => {
        queue.push({
          resourceId,
          positions,
          settle: (stored) => resolve({ resourceId, stored }),
          fail: reject,
        });
        if (!writing) void drain();
      });
    },
  };
}

export type PositionStore = ReturnType<typeof createPositionStore>;
