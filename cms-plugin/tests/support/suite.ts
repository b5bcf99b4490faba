import { afterAll, beforeAll, describe } from 'vitest';
import {
  postgresDatabase,
  postgresUnavailable,
  sqliteDatabase,
  type TestDatabase,
} from './database.ts';
import { startHost, type Host, type HostOptions } from './host.ts';

const postgresProblem = await postgresUnavailable();

/**
 * Declares a suite once per database: SQLite and PostgreSQL (an unreachable PostgreSQL fails its
 * suites, with the reason). Each run gets a fresh database and its own Strapi process.
 */
export function onEveryDatabase(
  name: string,
  body: (host: () => Host) => void,
  options: Omit<HostOptions, 'database'> = {},
): void {
  const variants: { label: string; create: () => Promise<TestDatabase> }[] = [
    { label: 'SQLite', create: sqliteDatabase },
    {
      label: 'PostgreSQL',
      create: async () => {
        if (postgresProblem) throw new Error(`PostgreSQL is needed: ${postgresProblem}`);
        return postgresDatabase();
      },
    },
  ];
  for (const variant of variants) {
    describe(`${name} (${variant.label})`, () => {
      let host: Host | undefined;
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await variant.create();
        host = await startHost({ ...options, database });
      });
      afterAll(async () => {
        await host?.stop();
        await database?.drop();
      });
      body(() => {
        if (!host) throw new Error('the host app did not start');
        return host;
      });
    });
  }
}
