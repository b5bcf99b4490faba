import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Builds the publishable plugin with Strapi's plugin SDK: dist/server, dist/admin and
 * dist/contracts, each as CommonJS (`index.js`) and ESM (`index.mjs`), and the contracts'
 * declarations. The package's own sources are ESM (`"type": "module"`), so dist/ says that its
 * `.js` files are CommonJS, the way Strapi loads a plugin's server.
 */
const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
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

// The SDK writes the contracts' declarations below their source path; they belong beside
// dist/contracts/index.js, importing each other by `.js` names.
const contracts = path.join(dist, 'contracts');
const declarations = path.join(contracts, 'shared', 'contracts');
for (const file of readdirSync(declarations).filter((name) => name.endsWith('.d.ts'))) {
  const text = readFileSync(path.join(declarations, file), 'utf8');
  writeFileSync(path.join(contracts, file), text.replaceAll(/(from '\.\/[\w-]+)\.ts'/g, "$1.js'"));
}
rmSync(path.join(contracts, 'shared'), { recursive: true, force: true });
writeFileSync(path.join(dist, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
