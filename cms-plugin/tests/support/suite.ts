import { afterAll, beforeAll, describe } from 'vitest';
import {
  postgresDatabase,
  postgresUnavailable,
  sqliteDatabase,
  type TestDatabase,
} from './database.ts';
import { startHost, type Host, type HostOptions } from './host.ts';

const postgresProblem = await postgresUnavailable();
if (postgresProblem) console.warn(`PostgreSQL suites skipped: ${postgresProblem}`);

/**
 * Declares a suite once per database: SQLite always, PostgreSQL when it is reachable
 * (skipped with the reason printed otherwise). Each run gets a fresh database and its own
 * Strapi process.
 */
export function onEveryDatabase(
  name: string,
  body: (host: () => Host) => void,
  options: Omit<HostOptions, 'database'> = {},
): void {
  const variants: { label: string; create: () => Promise<TestDatabase>; skip: boolean }[] = [
    { label: 'SQLite', create: sqliteDatabase, skip: false },
    { label: 'PostgreSQL', create: postgresDatabase, skip: postgresProblem !== null },
  ];
  for (const variant of variants) {
    describe.skipIf(variant.skip)(`${name} (${variant.label})`, () => {
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
