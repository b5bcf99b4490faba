import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT, PLUGIN, PORTAL, ROOT, isStale } from './paths.ts';
import { answers, run, startChild, waitUntil, type Child, type Log } from './processes.ts';

/** Builds the portal when its build is missing or older than its sources or what it imports. */
export async function buildPortal(log: Log): Promise<void> {
  const built = path.join(PORTAL, 'dist', 'server', 'entry.mjs');
  const sources = [
    path.join(PORTAL, 'src'),
    path.join(CONTENT, 'src'),
    path.join(PLUGIN, 'shared'),
  ];
  if (!(await isStale(built, sources))) return;
  log('build', 'building the portal…');
  await run('build', 'npm', ['run', 'build', '-w', '@enroute/portal'], {
    cwd: ROOT,
    env: process.env,
    log,
  });
}

/** The portal's own start command (its package.json `start`, `node <file>`), run with our Node. */
async function portalEntry(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(PORTAL, 'package.json'), 'utf8')) as {
    scripts?: { start?: string };
  };
  const match = /^node\s+(\S+)$/.exec(manifest.scripts?.start?.trim() ?? '');
  return path.join(PORTAL, match?.[1] ?? 'dist/server/entry.mjs');
}

export async function startPortal(options: {
  host: string;
  port: number;
  strapiUrl: string;
  portalToken: string;
  log: Log;
}): Promise<Child> {
  const child = startChild('portal', process.execPath, [await portalEntry()], {
    cwd: PORTAL,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: options.host,
      PORT: String(options.port),
      STRAPI_URL: options.strapiUrl,
      STRAPI_PORTAL_TOKEN: options.portalToken,
    },
    log: options.log,
  });
  await waitUntil('the portal', () => answers(`http://${options.host}:${options.port}/`), {
    timeoutMs: 60_000,
    child,
  });
  return child;
}
