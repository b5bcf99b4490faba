import pg from 'pg';

export type PostgresServer = { host: string; port: number; user: string; password: string };

/** Runs `work` on one connection to `database`. */
export async function withPostgres<T>(
  server: PostgresServer,
  database: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ ...server, database, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * n8n keeps its tables in a schema of their own (`n8n`) beside Strapi's (`public`) in the same
 * database; n8n does not create the schema itself.
 */
export async function ensureN8nSchema(server: PostgresServer, database: string): Promise<void> {
  await withPostgres(server, database, (client) => client.query('create schema if not exists n8n'));
}

/** A new database for one run (tests, benchmarks), made from the server's `postgres` database. */
export async function createDatabase(server: PostgresServer, prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await withPostgres(server, 'postgres', (client) => client.query(`create database ${name}`));
  return name;
}

export async function dropDatabase(server: PostgresServer, name: string): Promise<void> {
  await withPostgres(server, 'postgres', (client) =>
    client.query(`drop database if exists ${name} with (force)`),
  );
}
