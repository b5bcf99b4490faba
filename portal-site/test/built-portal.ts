import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const portalRoot = fileURLToPath(new URL('..', import.meta.url));
const astroCli = fileURLToPath(
  import.meta.resolve('astro/package.json').replace(/package\.json$/, 'bin/astro.mjs'),
);

function run(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: portalRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface BuiltPortal {
  url: string;
  /** The portal server's process id. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Builds the portal into a scratch folder inside the package (the server bundle resolves its
 * dependencies from node_modules above it) and starts the portal's server on 127.0.0.1.
 */
export async function buildAndStartPortal(env: Record<string, string>): Promise<BuiltPortal> {
  await mkdir(join(portalRoot, '.tmp'), { recursive: true });
  const outDir = await mkdtemp(join(portalRoot, '.tmp', 'built-'));
  const build = run([astroCli, 'build', '--outDir', outDir, '--silent']);
  let buildLog = '';
  build.stdout?.on('data', (chunk: Buffer) => (buildLog += chunk.toString()));
  build.stderr?.on('data', (chunk: Buffer) => (buildLog += chunk.toString()));
  const code = await new Promise<number | null>((done) => build.on('exit', done));
  if (code !== 0) {
    await rm(outDir, { recursive: true, force: true });
    throw new Error(`astro build failed (${code}):\n${buildLog}`);
  }

  const port = await freePort();
  const server = run([join(portalRoot, 'server.ts')], {
    ...env,
    PORTAL_DIST: outDir,
    HOST: '127.0.0.1',
    PORT: String(port),
  });
  let serverLog = '';
  server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 20_000;
  for (;;) {
    try {
      await fetch(`${url}/theme.css`);
      break;
    } catch {
      if (Date.now() > until || server.exitCode !== null) {
        server.kill();
        await rm(outDir, { recursive: true, force: true });
        throw new Error(`portal did not start:\n${serverLog}`);
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  return {
    url,
    pid: server.pid!,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((done) => server.on('exit', done));
        server.kill('SIGTERM');
        await exited;
      }
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
