import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';

/** A database of its own for one test suite, and how to point the host app at it. */
export type TestDatabase = {
  client: 'sqlite' | 'postgres';
  env: Record<string, string>;
  /** Reads the database directly, as an operator would: what is really stored. */
  select(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Changes the database directly, e.g. to put back what an older version stored. */
  execute(sql: string, params?: unknown[]): Promise<void>;
  drop(): Promise<void>;
};

const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };

export async function sqliteDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), 'enroute-strapi-'));
  const filename = path.join(dir, 'data.db');
  return {
    client: 'sqlite',
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
    async select(sql, params = []) {
      const db = new Sqlite(filename, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql.replaceAll(/\$\d+/g, '?')).all(...params) as Record<
          string,
          unknown
        >[];
      } finally {
        db.close();
      }
    },
    async execute(sql, params = []) {
      const db = new Sqlite(filename, { fileMustExist: true });
      try {
        db.prepare(sql.replaceAll(/\$\d+/g, '?')).run(...params);
      } finally {
        db.close();
      }
    },
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Why PostgreSQL cannot be used here, or null when it can. */
export async function postgresUnavailable(): Promise<string | null> {
  const client = new pg.Client({ ...POSTGRES, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${POSTGRES.host}:${POSTGRES.port} is not reachable (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh schema in the `test` database, dropped afterwards. */
export async function postgresDatabase(): Promise<TestDatabase> {
  const schema = `enroute_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string, params: unknown[] = [], searchPath = 'public') => {
    const client = new pg.Client({ ...POSTGRES, options: `-c search_path=${searchPath}` });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
  await run(`create schema ${schema}`);
  return {
    client: 'postgres',
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: POSTGRES.host,
      DATABASE_PORT: String(POSTGRES.port),
      DATABASE_NAME: POSTGRES.database,
      DATABASE_USERNAME: POSTGRES.user,
      DATABASE_SCHEMA: schema,
    },
    select: (sql, params = []) => run(sql, params, schema),
    execute: async (sql, params = []) => {
      await run(sql, params, schema);
    },
    drop: async () => {
      await run(`drop schema ${schema} cascade`);
    },
  };
}
