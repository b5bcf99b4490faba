import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteDatabase, type TestDatabase } from './support/database.ts';
import { startHost, type Host } from './support/host.ts';

const run = promisify(execFile);
const pluginDir = fileURLToPath(new URL('..', import.meta.url));
/** npm and the tools it starts run on the Node that runs the tests. */
const env = {
  ...process.env,
  PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
};

describe('npm pack', () => {
  let files: string[] = [];
  let installed = '';
  let database: TestDatabase | undefined;
  let host: Host | undefined;

  beforeAll(async () => {
    const scratch = path.join(pluginDir, '.tmp');
    await mkdir(scratch, { recursive: true });
    const work = await mkdtemp(path.join(scratch, 'pack-'));
    const { stdout } = await run(
      'npm',
      // Packed as it is published: its own prepack builds it and runs Strapi's plugin check.
      ['pack', '--json', '--pack-destination', work],
      { cwd: pluginDir, env },
    );
    const [packed] = JSON.parse(stdout.slice(stdout.lastIndexOf('[\n  {'))) as {
      filename: string;
      files: { path: string }[];
    }[];
    if (!packed) throw new Error(`npm pack said: ${stdout}`);
    files = packed.files.map((file) => file.path);
    // Installed as npm would: the package's files under node_modules (where Node runs no
    // TypeScript), its dependencies found further up.
    installed = path.join(work, 'node_modules', 'strapi-plugin-enroute');
    await mkdir(installed, { recursive: true });
    await run('tar', [
      'xzf',
      path.join(work, packed.filename),
      '-C',
      installed,
      '--strip-components=1',
    ]);
    database = await sqliteDatabase();
    host = await startHost({ database, env: { ENROUTE_PLUGIN_PATH: installed } });
  }, 300_000);

  afterAll(async () => {
    await host?.stop();
    await database?.drop();
    if (installed)
      await rm(path.dirname(path.dirname(installed)), { recursive: true, force: true });
  });

  it('holds the built plugin, its contracts and its README, and no sources or tests', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'dist/server/index.js',
        'dist/server/index.mjs',
        'dist/admin/index.js',
        'dist/admin/index.mjs',
        'dist/contracts/index.js',
        'dist/contracts/index.mjs',
        'dist/contracts/index.d.ts',
      ]),
    );
    expect(files.filter((file) => !file.startsWith('dist/'))).toEqual(
      expect.arrayContaining(['package.json', 'README.md']),
    );
    expect(files.filter((file) => /^(server|admin|shared|tests|host)\//.test(file))).toEqual([]);
  });

  it('types the contracts for a TypeScript integration', async () => {
    const work = path.dirname(path.dirname(installed));
    const typecheck = async (source: string) => {
      await writeFile(path.join(work, 'integration.ts'), source);
      await writeFile(
        path.join(work, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            module: 'nodenext',
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            types: [],
          },
          files: ['integration.ts'],
        }),
      );
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      return run(process.execPath, [tsc, '-p', work], { cwd: work, env }).then(
        () => '',
        (error: { stdout?: string }) => error.stdout ?? String(error),
      );
    };
    const use = `import { BookingEvent, ClaimRequest, type IssuedAccessCode } from 'strapi-plugin-enroute/contracts';
export const claim = ClaimRequest.parse({ idempotencyKey: 'k', bookingId: 'b', type: 'reminder', channel: 'sms', recipient: null });
export const type: BookingEvent['type'] = 'booking.created';
`;
    expect(await typecheck(use)).toBe('');
    const misuse = `${use}export const code: IssuedAccessCode = { documentId: 'd', token: 42, url: 'u', expiresAt: 'e' };\n`;
    expect(await typecheck(misuse)).toContain("Type 'number' is not assignable to type 'string'");
  });

  it('runs in a Strapi app from the installed package', async () => {
    const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8')) as {
      strapi: { kind: string; name: string };
      dependencies: Record<string, string>;
    };
    expect(manifest.strapi).toMatchObject({ kind: 'plugin', name: 'enroute' });
    // Everything it depends on is published: the workspace's own packages are bundled in dist/.
    expect(
      Object.keys(manifest.dependencies).filter((name) => name.startsWith('@enroute/')),
    ).toEqual([]);
    if (!host) throw new Error('the host app did not start');
    const put = await host.api('PUT', '/service-types/boiler', host.tokens.fullAccess, {
      name: 'Boiler service',
    });
    expect(put.status).toBe(201);
    const settings = await host.admin('GET', '/settings');
    expect(settings.status).toBe(200);
    expect(settings.body.data).toMatchObject({ reminderWindowDays: 7, channel: 'both' });
    // The renderer bundled in the package renders: the admin's preview of a message.
    const preview = await host.admin('POST', '/preview', { type: 'reminder', locale: 'fr' });
    expect(preview.status).toBe(200);
    expect(JSON.stringify(preview.body)).toContain('Rappel');
  });
});
