import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_BUILD } from './paths.ts';
import { freePairOfPorts, freePort } from './ports.ts';
import { createDatabase, dropDatabase } from './postgres.ts';
import type { Log } from './processes.ts';
import { startStack, type Stack } from './stack.ts';
import type { Database } from './strapi.ts';

/** Embedded: SQLite, n8n main mode. Scale: PostgreSQL, n8n queue mode (Redis, main and worker). */
export type Configuration = 'embedded' | 'scale';

const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres', password: '' };

/**
 * The whole product as `npm start` runs it, without the demo's data, on free ports, a scratch
 * data folder and (scale) a database of its own, all removed by `stop()`. For tests and
 * benchmarks; PostgreSQL at 127.0.0.1:5432 (trust auth) and Redis at 127.0.0.1:6379.
 */
export async function startScratchStack(options: {
  configuration: Configuration;
  log: Log;
  relayPollMs?: number;
}): Promise<Stack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'enroute-scratch-'));
  const database: Database =
    options.configuration === 'scale'
      ? { client: 'postgres', ...POSTGRES, name: await createDatabase(POSTGRES, 'enroute_scratch') }
      : { client: 'sqlite' };
  const cleanUp = async () => {
    await rm(dataDir, { recursive: true, force: true });
    if (database.client === 'postgres') await dropDatabase(POSTGRES, database.name);
  };
  try {
    const stack = await startStack({
      host: '127.0.0.1',
      ports: {
        strapi: await freePort(),
        n8n: await freePairOfPorts(),
        portal: await freePort(),
        capture: await freePort(),
        smtp: await freePort(),
      },
      dataDir,
      buildDir: DEFAULT_BUILD,
      database,
      n8n: {
        mode: options.configuration === 'scale' ? 'queue' : 'main',
        redis: { host: '127.0.0.1', port: 6379 },
      },
      demo: false,
      adminPanel: false,
      relayPollMs: options.relayPollMs,
      log: options.log,
    });
    return {
      ...stack,
      async stop() {
        await stack.stop();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
