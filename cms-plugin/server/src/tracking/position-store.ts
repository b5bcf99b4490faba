import type { Core } from '@strapi/strapi';
import { newDocumentId } from '../utils/bulk.ts';
import { instant } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import type { CheckedPosition } from './ingest-check.ts';

/** Rows per INSERT statement (SQLite allows 32,766 bound values; a row has 11). */
const ROWS_PER_STATEMENT = 1_000;

const COLUMNS = [
  'document_id',
  'resource_id',
  'latitude',
  'longitude',
  'accuracy',
  'recorded_at',
  'source',
  'created_at',
  'updated_at',
  'published_at',
  'locale',
] as const;

type Row = {
  document_id: string;
  resource_id: number;
  latitude: number;
  longitude: number;
  accuracy: number | null;
  recorded_at: Date;
  source: string;
  created_at: Date;
  updated_at: Date;
  published_at: Date;
  locale: null;
};

/** The part of better-sqlite3 and of knex's client used to write positions on SQLite. */
type SqliteStatement = { run(...values: unknown[]): { changes: number } };
type SqliteDatabase = {
  prepare(sql: string): SqliteStatement;
  transaction(work: () => void): () => void;
};
type KnexClient = {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
};

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
  const sqlite = (strapi.db.config.connection as { client?: string }).client === 'sqlite';
  let queue: Pending[] = [];
  let writing = false;

  const key = (resourceId: number, recordedAt: number) => `${resourceId}|${recordedAt}`;

  function rowsOf(batch: Pending[]): Row[] {
    const now = new Date();
    return batch.flatMap((pending) =>
      pending.positions.map((position) => ({
        document_id: newDocumentId(),
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
  }

  /** Any database: multi-row INSERT … ON CONFLICT DO NOTHING RETURNING, in one transaction. */
  async function insertWithKnex(rows: Row[]): Promise<Set<string>> {
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
          inserted.add(key(Number(row.resource_id), Date.parse(instant(row.recorded_at))));
        }
      }
    });
    return inserted;
  }

  /**
   * SQLite: one prepared single-row statement run for each position inside one transaction, on
   * the driver itself. Compiling a new multi-row statement for every batch cost more than the
   * writing. Datetimes are stored as Strapi stores them there (milliseconds).
   */
  const statements = new WeakMap<SqliteDatabase, SqliteStatement>();
  async function insertWithSqlite(rows: Row[]): Promise<Set<string>> {
    const client = strapi.db.connection.client as unknown as KnexClient;
    const native = (await client.acquireConnection()) as SqliteDatabase;
    try {
      let statement = statements.get(native);
      if (!statement) {
        const columns = COLUMNS.map((column) => `"${column}"`).join(', ');
        statement = native.prepare(
          `insert into "${table}" (${columns}) values (${COLUMNS.map(() => '?').join(', ')}) ` +
            'on conflict ("resource_id", "recorded_at") do nothing',
        );
        statements.set(native, statement);
      }
      const insert = statement;
      const inserted = new Set<string>();
      native.transaction(() => {
        for (const row of rows) {
          const values = COLUMNS.map((column) => {
            const value = row[column];
            return value instanceof Date ? value.getTime() : value;
          });
          if (insert.run(...values).changes > 0) {
            inserted.add(key(row.resource_id, row.recorded_at.getTime()));
          }
        }
      })();
      return inserted;
    } finally {
      await client.releaseConnection(native);
    }
  }

  async function write(batch: Pending[]): Promise<void> {
    const rows = rowsOf(batch);
    const inserted = sqlite ? await insertWithSqlite(rows) : await insertWithKnex(rows);
    for (const pending of batch) {
      pending.settle(
        pending.positions.map((position) =>
          // The first request to carry a position owns it; a later copy is a duplicate.
          inserted.delete(key(pending.resourceId, position.recordedAt.getTime())),
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
