import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Builds the publishable plugin with Strapi's plugin SDK: dist/server, dist/admin and
 * dist/contracts, each as CommonJS (`index.js`) and ESM (`index.mjs`). The package's own sources
 * are ESM (`"type": "module"`), so dist/ says that its `.js` files are CommonJS, the way Strapi
 * loads a plugin's server.
 */
const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@strapi/sdk-plugin/package.json')),
  'bin',
  'strapi-plugin.js',
);
const built = spawnSync(process.execPath, [cli, 'build', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);
writeFileSync(path.join(root, 'dist', 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
