import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePairOfPorts, freePort } from '../../demo/src/ports.ts';
import { createDatabase, dropDatabase } from '../../demo/src/postgres.ts';
import type { Log } from '../../demo/src/processes.ts';
import { startStack, type Stack } from '../../demo/src/stack.ts';
import type { Database } from '../../demo/src/strapi.ts';
import { signInAdmin } from '../../demo/src/strapi.ts';
import { request, expectOk } from '../../demo/src/http.ts';

/**
 * The whole product as `npm start` runs it, on free ports and a scratch data folder, without the
 * demo's data: Strapi with the plugin, n8n with the package and its flows, the portal, the
 * SMTP server and the SMS gateway. Its output is kept, and printed only when something fails.
 */
export type Configuration = 'embedded' | 'scale';

const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres', password: '' };

const RESULTS = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));

export async function startTestStack(configuration: Configuration) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'enroute-e2e-'));
  // Everything the parts print, for the CI log reader: test-results/e2e/<configuration>.log.
  await mkdir(RESULTS, { recursive: true });
  const logFile = createWriteStream(path.join(RESULTS, `${configuration}.log`));
  let output = '';
  const log: Log = (part, line) => {
    const text = `${part.padEnd(8)} | ${line}\n`;
    logFile.write(text);
    output = (output + text).slice(-20_000);
  };
  const database: Database =
    configuration === 'scale'
      ? {
          client: 'postgres',
          host: '127.0.0.1',
          port: 5432,
          name: await createDatabase(POSTGRES, 'enroute_e2e'),
          user: 'postgres',
          password: '',
        }
      : { client: 'sqlite' };
  let stack: Stack;
  try {
    stack = await startStack({
      host: '127.0.0.1',
      ports: {
        strapi: await freePort(),
        n8n: await freePairOfPorts(),
        portal: await freePort(),
        capture: await freePort(),
        smtp: await freePort(),
      },
      dataDir,
      database,
      n8n: {
        mode: configuration === 'scale' ? 'queue' : 'main',
        redis: { host: '127.0.0.1', port: 6379 },
      },
      demo: false,
      adminPanel: false,
      relayPollMs: 200,
      log,
    });
  } catch (error) {
    logFile.end();
    throw new Error(`${(error as Error).message}\n--- the end of the output ---\n${output}`);
  }
  const adminJwt = await signInAdmin(stack.urls.strapi, stack.state);
  const token = stack.state.tokens!.fullAccess;
  return {
    stack,
    output: () => output,
    /** The plugin's content API, with the integration's (full-access) token. */
    api: (method: string, route: string, body?: unknown) =>
      expectOk(
        `${method} ${route}`,
        request(method, `${stack.urls.strapi}/api/enroute${route}`, { token, body }),
      ),
    /** The plugin's admin routes, as the demo's super admin. */
    admin: (method: string, route: string, body?: unknown) =>
      expectOk(
        `${method} ${route}`,
        request(method, `${stack.urls.strapi}/enroute${route}`, { token: adminJwt, body }),
      ),
    async stop() {
      await stack.stop();
      logFile.end();
      await rm(dataDir, { recursive: true, force: true });
      if (database.client === 'postgres') await dropDatabase(POSTGRES, database.name);
    },
  };
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;
