import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CONTENT, PLUGIN, PORTAL, isStale } from './paths.ts';
import { answers, run, startChild, waitUntil, type Child, type Log } from './processes.ts';

/**
 * The demo's own build of the portal, in its build folder, so that it never races the portal's
 * tests or a developer's `npm run build` over portal-site/dist. The build folder is inside the
 * repository, so the server bundle finds its dependencies in node_modules above it.
 */
export const portalBuild = (buildDir: string) => path.join(buildDir, 'portal');

const astroCli = path.join(
  path.dirname(createRequire(path.join(PORTAL, 'package.json')).resolve('astro/package.json')),
  'bin',
  'astro.mjs',
);

/** Builds the portal when its build is missing or older than its sources or what it imports. */
export async function buildPortal(buildDir: string, log: Log): Promise<void> {
  const outDir = portalBuild(buildDir);
  const sources = [
    path.join(PORTAL, 'src'),
    path.join(CONTENT, 'src'),
    path.join(PLUGIN, 'shared'),
  ];
  if (!(await isStale(path.join(outDir, 'server', 'entry.mjs'), sources))) return;
  log('build', 'building the portal…');
  await run('build', process.execPath, [astroCli, 'build', '--outDir', outDir], {
    cwd: PORTAL,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    log,
  });
}

/**
 * The portal's own start command (its package.json `start`): `node server.ts`, which serves the
 * build named by PORTAL_DIST, or the adapter's standalone entry of the build.
 */
async function portalEntry(outDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(PORTAL, 'package.json'), 'utf8')) as {
    scripts?: { start?: string };
  };
  const script = /^node\s+(\S+)$/.exec(manifest.scripts?.start?.trim() ?? '')?.[1];
  return script && !script.startsWith('dist/')
    ? path.join(PORTAL, script)
    : path.join(outDir, 'server', 'entry.mjs');
}

export async function startPortal(options: {
  host: string;
  port: number;
  buildDir: string;
  strapiUrl: string;
  portalToken: string;
  log: Log;
}): Promise<Child> {
  const outDir = portalBuild(options.buildDir);
  const child = startChild('portal', process.execPath, [await portalEntry(outDir)], {
    cwd: PORTAL,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: options.host,
      PORT: String(options.port),
      PORTAL_DIST: outDir,
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
