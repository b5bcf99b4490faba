import { mkdir, readlink, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { expectOk, request } from './http.ts';
import { PLUGIN, STRAPI_HOST, isStale } from './paths.ts';
import { run, startChild, waitUntil, type Child, type Log } from './processes.ts';
import type { State } from './state.ts';

export type Database =
  | { client: 'sqlite' }
  | {
      client: 'postgres';
      host: string;
      port: number;
      name: string;
      user: string;
      password: string;
    };

export type StrapiOptions = {
  host: string;
  port: number;
  dataDir: string;
  /** Where the demo builds (the admin panel goes to `<buildDir>/strapi/build`). */
  buildDir: string;
  database: Database;
  adminPanel: boolean;
  /** Faster outbox polling for tests and benchmarks. */
  relayPollMs?: number;
  log: Log;
};

function databaseEnv(options: StrapiOptions): Record<string, string> {
  const { database } = options;
  if (database.client === 'sqlite') {
    return {
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(options.dataDir, 'strapi', 'data.db'),
    };
  }
  return {
    DATABASE_CLIENT: 'postgres',
    DATABASE_HOST: database.host,
    DATABASE_PORT: String(database.port),
    DATABASE_NAME: database.name,
    DATABASE_USERNAME: database.user,
    DATABASE_PASSWORD: database.password,
  };
}

/**
 * The demo's own app folder of the host (cms-plugin/host/): links to the host's package.json,
 * config, src and plugin-entry, with the admin panel built into its `build/` and uploads of its
 * own. The build folder stays the demo's: the plugin's admin tests build and empty host/build.
 */
export async function hostAppFolder(buildDir: string): Promise<string> {
  const dir = path.join(buildDir, 'strapi');
  await mkdir(path.join(dir, 'public', 'uploads'), { recursive: true });
  for (const entry of ['package.json', 'config', 'src', 'plugin-entry']) {
    const link = path.join(dir, entry);
    const target = path.join(STRAPI_HOST, entry);
    if ((await readlink(link).catch(() => null)) === target) continue;
    await rm(link, { force: true });
    await symlink(target, link);
  }
  return dir;
}

/**
 * Builds the admin panel into the demo's app folder when it is missing or older than the
 * plugin's admin sources, with the plugin's own build script for its host app (it runs
 * Strapi's build as a JavaScript app). Plain `node`: the build loads Strapi's published files.
 */
export async function buildStrapiAdmin(buildDir: string, log: Log): Promise<void> {
  const appDir = await hostAppFolder(buildDir);
  const index = path.join(appDir, 'build', 'index.html');
  if (!(await isStale(index, [path.join(PLUGIN, 'admin', 'src')]))) return;
  log('build', 'building the Strapi admin panel (a minute or two, once)…');
  const script = path.join(PLUGIN, 'tests', 'admin', 'support', 'build-admin.ts');
  await run('build', process.execPath, [script, appDir], {
    cwd: appDir,
    env: process.env,
    log,
  });
}

/**
 * Strapi with the plugin: the host app of cms-plugin/, on the demo's database; with the admin
 * panel, in the demo's app folder of the host, where the panel was built.
 */
export async function startStrapi(options: StrapiOptions): Promise<Child> {
  await mkdir(path.join(options.dataDir, 'strapi'), { recursive: true });
  const appDir = options.adminPanel ? await hostAppFolder(options.buildDir) : STRAPI_HOST;
  await mkdir(path.join(appDir, 'public', 'uploads'), { recursive: true });
  const child = startChild('strapi', process.execPath, [path.join(STRAPI_HOST, 'start.js')], {
    cwd: appDir,
    env: {
      ...process.env,
      ENROUTE_HOST_APP_DIR: appDir,
      NODE_ENV: 'development',
      HOST: options.host,
      PORT: String(options.port),
      SERVE_ADMIN: String(options.adminPanel),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      ...(options.relayPollMs
        ? {
            ENROUTE_RELAY_POLL_MS: String(options.relayPollMs),
            ENROUTE_RELAY_BASE_DELAY_MS: '100',
            ENROUTE_RELAY_MAX_DELAY_MS: '2000',
          }
        : {}),
      ...databaseEnv(options),
    },
    log: options.log,
  });
  const url = `http://${options.host}:${options.port}`;
  await waitUntil(
    'Strapi',
    async () => {
      const response = await fetch(`${url}/_health`, { signal: AbortSignal.timeout(2000) });
      return response.status === 204;
    },
    { timeoutMs: 180_000, child },
  );
  return child;
}

/** The signed-in super admin: registered on the first start, signed in on the next ones. */
export async function signInAdmin(url: string, state: State): Promise<string> {
  const registered = await request('POST', `${url}/admin/register-admin`, {
    body: { firstname: 'Demo', lastname: 'Admin', ...state.admin },
  });
  const answer =
    registered.status < 300
      ? registered
      : await request('POST', `${url}/admin/login`, { body: state.admin });
  const token = (answer.body as { data?: { token?: string } } | null)?.data?.token;
  if (!token) {
    throw new Error(
      `Cannot sign in to Strapi as ${state.admin.email}: ${JSON.stringify(answer.body)}. ` +
        'Was the data folder made by another setup? Start with an empty data folder.',
    );
  }
  return token;
}

async function createApiToken(
  url: string,
  adminJwt: string,
  type: 'full-access' | 'read-only',
  name: string,
) {
  const body = (await expectOk(
    `creating the ${name} API token`,
    request('POST', `${url}/admin/api-tokens`, {
      token: adminJwt,
      body: { name: `${name} ${new Date().toISOString()}`, type, lifespan: null, permissions: [] },
    }),
  )) as { data: { accessKey: string } };
  return body.data.accessKey;
}

/** The API tokens of state.json, made anew when they are missing or Strapi does not know them. */
export async function ensureTokens(
  url: string,
  adminJwt: string,
  state: State,
): Promise<State['tokens'] & object> {
  if (state.tokens) {
    const check = await request('GET', `${url}/api/enroute/messaging/settings`, {
      token: state.tokens.fullAccess,
    });
    if (check.status === 200) return state.tokens;
  }
  return {
    fullAccess: await createApiToken(url, adminJwt, 'full-access', 'Integration and n8n'),
    readOnly: await createApiToken(url, adminJwt, 'read-only', 'Portal'),
  };
}

/** Writes the plugin's settings (admin route); throws with Strapi's answer when refused. */
export async function updateSettings(
  url: string,
  adminJwt: string,
  settings: Record<string, unknown>,
) {
  await expectOk(
    'updating the Enroute settings',
    request('PUT', `${url}/enroute/settings`, { token: adminJwt, body: settings }),
  );
}

/** The URLs of the plugin's webhook endpoints (admin route). */
export async function webhookEndpointUrls(url: string, adminJwt: string): Promise<string[]> {
  const body = (await expectOk(
    'reading the Enroute settings',
    request('GET', `${url}/enroute/settings`, { token: adminJwt }),
  )) as { data: { webhooks: { url: string }[] } };
  return body.data.webhooks.map((endpoint) => endpoint.url);
}
