import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * n8n loads community nodes as CommonJS from dist/, with nothing but n8n-workflow provided. Each
 * node and credential becomes one file: the nodes' own code and the few names they share with the
 * plugin (event types, statuses, the signature check), taken from the plugin's contracts at build
 * time. The plugin decides and renders every message, so nothing else is needed at run time.
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
 * The plugin's contracts are plain modules without side effects at load: saying so lets esbuild
 * leave out what a node does not use (every zod schema, and zod with them).
 */
const contracts = new URL('../cms-plugin/shared/', root).pathname;
const pureContracts = {
  name: 'pure-contracts',
  setup(plugin) {
    plugin.onResolve({ filter: /.*/ }, async ({ path, pluginData, ...args }) => {
      if (pluginData === 'resolving' || path === 'n8n-workflow') return undefined;
      const resolved = await plugin.resolve(path, { ...args, pluginData: 'resolving' });
      if (resolved.errors.length > 0 || !resolved.path.startsWith(contracts)) return undefined;
      return { path: resolved.path, sideEffects: false };
    });
  },
};

rmSync(dist, { recursive: true, force: true });
const result = await build({
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
  plugins: [pureContracts],
  metafile: true,
  logLevel: 'warning',
});
// Nothing but the nodes' own code and the contracts' names may end up in a node file.
const bundled = Object.values(result.metafile.outputs).flatMap((output) =>
  Object.entries(output.inputs)
    .filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && input.includes('node_modules/'))
    .map(([input]) => input),
);
if (bundled.length > 0) {
  throw new Error(
    `a node bundles a dependency, which n8n's verification refuses: ${bundled.join(', ')}`,
  );
}
for (const asset of assets) {
  mkdirSync(new URL('.', new URL(asset, dist)), { recursive: true });
  copyFileSync(new URL(asset, root), new URL(asset, dist));
}
// The package is ESM for its sources; what n8n requires from dist/ is CommonJS.
writeFileSync(new URL('package.json', dist), `${JSON.stringify({ type: 'commonjs' })}\n`);
