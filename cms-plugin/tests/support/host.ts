import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from './database.ts';

const START_SCRIPT = fileURLToPath(new URL('../../host/start.js', import.meta.url));
const ADMIN = {
  firstname: 'Ada',
  lastname: 'Admin',
  email: 'ada@example.com',
  password: 'Enroute-test-1',
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export type HostOptions = {
  database: TestDatabase;
  /** Extra environment, e.g. faster relay timings. */
  env?: Record<string, string>;
  /**
   * Another Strapi app to run instead of the host: its folder and the Node arguments that
   * start it there (e.g. its own `strapi start`).
   */
  app?: { dir: string; args: string[] };
};

/**
 * The host Strapi app in a process of its own, on the suite's database, reached over HTTP
 * like any client would. `stop()` ends it the way an operator would (SIGTERM); `start()`
 * brings it back on the same database.
 */
export async function startHost(options: HostOptions) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';
  let adminJwt = '';

  async function start(): Promise<void> {
    output = '';
    child = spawn(process.execPath, options.app?.args ?? [START_SCRIPT], {
      cwd: options.app?.dir ?? path.dirname(START_SCRIPT),
      env: {
        ...process.env,
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        ENROUTE_RELAY_POLL_MS: '200',
        ENROUTE_RELAY_BASE_DELAY_MS: '50',
        ENROUTE_RELAY_MAX_DELAY_MS: '400',
        ENROUTE_RELAY_LEASE_MS: '2000',
        ...options.database.env,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<never>((_, reject) =>
      child?.once('exit', (code) =>
        reject(new Error(`Strapi exited with ${String(code)} before it was ready:\n${output}`)),
      ),
    );
    const ready = (async () => {
      for (let waited = 0; waited < 90_000; waited += 100) {
        try {
          const response = await fetch(`${url}/_health`);
          if (response.status === 204) return;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`Strapi did not answer within 90 s:\n${output}`);
    })();
    await Promise.race([ready, exited]);
  }

  async function stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill(signal);
    const timer = setTimeout(() => running.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  async function request(
    method: string,
    route: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${url}${route}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return {
      status: response.status,
      body: body as Record<string, unknown> & {
        data?: unknown;
        error?: { message: string; details?: { errors?: { path: string; message: string }[] } };
      },
    };
  }

  async function signIn(): Promise<string> {
    const registered = await request('POST', '/admin/register-admin', { body: ADMIN });
    const answer =
      registered.status === 200 || registered.status === 201
        ? registered
        : await request('POST', '/admin/login', {
            body: { email: ADMIN.email, password: ADMIN.password },
          });
    const token = (answer.body.data as { token?: string } | undefined)?.token;
    if (!token) throw new Error(`cannot sign in as admin: ${JSON.stringify(answer.body)}`);
    return token;
  }

  async function createApiToken(
    type: 'full-access' | 'read-only' | 'custom',
    permissions: string[] = [],
  ): Promise<string> {
    const answer = await request('POST', '/admin/api-tokens', {
      token: adminJwt,
      body: {
        name: `${type}-${Math.random().toString(36).slice(2)}`,
        type,
        lifespan: null,
        permissions,
      },
    });
    const accessKey = (answer.body.data as { accessKey?: string } | undefined)?.accessKey;
    if (!accessKey) throw new Error(`cannot create an API token: ${JSON.stringify(answer.body)}`);
    return accessKey;
  }

  await start();
  adminJwt = await signIn();
  /** API tokens as an integration (full access) and the portal (read-only) hold them. */
  const tokens = {
    fullAccess: await createApiToken('full-access'),
    readOnly: await createApiToken('read-only'),
  };

  return {
    url,
    database: options.database,
    get output() {
      return output;
    },
    start: async () => {
      await start();
      adminJwt = await signIn();
    },
    /** Ends Strapi the way an operator would (SIGTERM). */
    stop: () => stop('SIGTERM'),
    /** Ends Strapi abruptly (SIGKILL): no shutdown hooks, work in flight is lost. */
    kill: () => stop('SIGKILL'),
    /** The Strapi process's id (0 while it is not running), e.g. to read its memory. */
    pid: () => child?.pid ?? 0,
    request,
    /** Content API under /api/enroute. */
    api: (
      method: string,
      route: string,
      token: string,
      body?: unknown,
      headers?: Record<string, string>,
    ) => request(method, `/api/enroute${route}`, { token, body, headers }),
    /** The plugin's admin API under /enroute, as the signed-in super admin. */
    admin: (method: string, route: string, body?: unknown) =>
      request(method, `/enroute${route}`, { token: adminJwt, body }),
    /** Any admin route (e.g. the Content Manager's), as the signed-in super admin. */
    asAdmin: (method: string, route: string, body?: unknown) =>
      request(method, route, { token: adminJwt, body }),
    createApiToken,
    tokens,
  };
}

export type Host = Awaited<ReturnType<typeof startHost>>;
