import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { open, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The host app, whose admin panel (Strapi's own and the plugin's pages) is built. */
export const HOST_DIR = fileURLToPath(new URL('../../../host/', import.meta.url));

type Logger = Record<string, unknown>;
type BuildModule = {
  build(options: {
    cwd: string;
    logger: Logger;
    tsconfig?: undefined;
    bundler: 'vite';
    minify: boolean;
    sourcemap: boolean;
    stats: boolean;
    silent: boolean;
    debug: boolean;
  }): Promise<void>;
};

/**
 * Runs `strapi build` for the host app the way the CLI does, but as a JavaScript app: the CLI
 * looks for a tsconfig.json in every parent folder, finds the workspace's, and would compile the
 * host as TypeScript. Strapi's package exports no build API, so its CLI module is loaded by path.
 *
 * `appDir` is the app folder to build in (host/ itself by default): the panel goes to its
 * `build/` and Strapi's generated entry files to its `.strapi/`. Another folder holds links to
 * the host's package.json, config, src and plugin-entry (see the host's start.js).
 *
 * Strapi is loaded from its published (CommonJS) build. Run it without `--conditions=source`:
 * that condition applies to Strapi's own packages too, and theirs point at files they do not
 * publish. The plugin needs no condition: the host's plugin-entry imports its sources by path.
 */
export async function buildHostAdmin(appDir: string = HOST_DIR): Promise<void> {
  const require = createRequire(import.meta.url);
  const strapiDir = path.dirname(require.resolve('@strapi/strapi/package.json'));
  const { build } = require(path.join(strapiDir, 'dist/src/node/build.js')) as BuildModule;
  const { createLogger } = require(path.join(strapiDir, 'dist/src/cli/utils/logger.js')) as {
    createLogger(options: { debug: boolean; silent: boolean; timestamp: boolean }): Logger;
  };
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  // Strapi's bundler resolves its entry from the working directory, as when run in the app.
  process.chdir(appDir);
  await build({
    cwd: appDir,
    logger: createLogger({ debug: false, silent: false, timestamp: false }),
    bundler: 'vite',
    minify: true,
    sourcemap: false,
    stats: false,
    silent: false,
    debug: false,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `node build-admin.ts [app folder]`. Run by hand (`npm run bench:admin-build`), the build
  // takes the folder's lock; run by a test that holds it already, it does not.
  const appDir = process.argv[2] ? path.resolve(process.argv[2]) : HOST_DIR;
  const release =
    process.env.ENROUTE_ADMIN_LOCK_HELD === '1'
      ? async () => undefined
      : await lockHostAdmin(appDir);
  try {
    const started = performance.now();
    await buildHostAdmin(appDir);
    console.log(`admin panel built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await release();
  }
}

/**
 * Builds the admin panel in a process of its own (the build changes the working directory) and
 * answers how long it took, in seconds. The caller holds the lock (lockHostAdmin).
 */
export async function buildHostAdminInChild(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
    cwd: HOST_DIR,
    env: { ...process.env, ENROUTE_ADMIN_LOCK_HELD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the admin build failed (${String(code)}):\n${output}`);
  return (performance.now() - started) / 1000;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Holds an app folder's admin build (the host's by default) for one test run: a build empties
 * the folder the panel is served from, so two runs in the same checkout would pull it from
 * under each other. A lock left by a process that is gone is taken over. Answers the release.
 */
export async function lockHostAdmin(appDir: string = HOST_DIR): Promise<() => Promise<void>> {
  const id = createHash('sha256').update(appDir).digest('hex').slice(0, 12);
  const lock = path.join(tmpdir(), `enroute-admin-build-${id}.lock`);
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.write(String(process.pid));
      await handle.close();
      return () => rm(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(await readFile(lock, 'utf8').catch(() => ''));
    if (!holder || !running(holder)) await rm(lock, { force: true });
    else await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
