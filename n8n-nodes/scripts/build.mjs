import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { build, type Plugin } from 'esbuild';

/**
 * n8n loads community nodes as CommonJS from dist/, with nothing but n8n-workflow provided.
 * Each node and credential is one bundle holding what it uses (@enroute/content, the plugin's
 * contracts, zod, libphonenumber-js); n8n-workflow comes from the n8n that loads it.
 */
const root = new URL('../', import.meta.url);
const dist = new URL('dist/', root);

const entries = [
  'nodes/Enroute/Enroute.node.ts',
  'nodes/EnrouteTrigger/EnrouteTrigger.node.ts',
  'credentials/EnrouteApi.credentials.ts',
  'credentials/EnrouteWebhookApi.credentials.ts',
];
const assets = [
  'nodes/Enroute/Enroute.node.json',
  'nodes/Enroute/enroute.svg',
  'nodes/Enroute/enroute.dark.svg',
  'nodes/EnrouteTrigger/EnrouteTrigger.node.json',
  'nodes/EnrouteTrigger/enroute.svg',
  'nodes/EnrouteTrigger/enroute.dark.svg',
];

/**
 * The workspace packages bundled here are plain modules without side effects at load: saying so
 * lets esbuild leave out what a node does not use (the trigger needs the booking event contract,
 * not the renderer and its MJML).
 */
const workspaceSources = ['content-snippets/src/', 'cms-plugin/shared/'].map(
  (folder) => new URL(`../${folder}`, root).pathname,
);
const pureWorkspaceSources: Plugin = {
  name: 'pure-workspace-sources',
  setup(plugin) {
    plugin.onResolve({ filter: /.*/ }, async ({ path, pluginData, ...args }) => {
      if (pluginData === 'resolving' || path === 'n8n-workflow') return undefined;
      const resolved = await plugin.resolve(path, { ...args, pluginData: 'resolving' });
      if (
        resolved.errors.length > 0 ||
        !workspaceSources.some((source) => resolved.path.startsWith(source))
      ) {
        return undefined;
      }
      return { path: resolved.path, sideEffects: false };
    });
  },
};

rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root.pathname,
  entryPoints: entries,
  outdir: 'dist',
  outbase: '.',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  conditions: ['source'],
  external: ['n8n-workflow'],
  legalComments: 'linked',
  plugins: [pureWorkspaceSources],
  logLevel: 'warning',
});
for (const asset of assets) {
  mkdirSync(new URL('.', new URL(asset, dist)), { recursive: true });
  copyFileSync(new URL(asset, root), new URL(asset, dist));
}
// The package is ESM for its sources and tests; what n8n requires from dist/ is CommonJS.
writeFileSync(new URL('package.json', dist), `${JSON.stringify({ type: 'commonjs' })}\n`);
