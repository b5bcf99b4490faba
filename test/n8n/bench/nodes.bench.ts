import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packNodes, unpackedSize } from '../support/pack.ts';

/**
 * The n8n package as n8n's verification sees it: packed with its own scripts, its unpacked size,
 * the errors n8n's scanner finds in the tarball, and the time to require its node files (with
 * n8n-workflow already loaded, as it is in n8n). Last line:
 * `nodes: tarball_kb=<n> scan_errors=<n> load_ms=<n>`.
 */
const require = createRequire(import.meta.url);
const workspace = fileURLToPath(new URL('../../../n8n-nodes/', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'enroute-nodes-'));

try {
  const packageDir = packNodes(scratch);
  const sizeKb = unpackedSize(packageDir) / 1024;

  const scanner = (await import(
    require.resolve('@n8n/scan-community-package/scanner/scanner.mjs')
  )) as {
    analyzePackage(dir: string, patterns: string[]): Promise<{ passed: boolean; details?: string }>;
  };
  const scan = await scanner.analyzePackage(packageDir, ['**/*.js', 'package.json']);
  const errors = scan.passed ? 0 : Number(/(\d+) errors?/.exec(scan.details ?? '')?.[1] ?? NaN);
  if (!scan.passed) console.log(scan.details ?? 'the scan failed');

  const nodeFiles = (
    JSON.parse(
      execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").n8n)'], {
        cwd: packageDir,
      }).toString(),
    ) as { nodes: string[]; credentials: string[] }
  ).nodes;
  const timings: number[] = [];
  for (let run = 0; run < 5; run++) {
    const script = `
      require('n8n-workflow');
      const start = process.hrtime.bigint();
      for (const file of ${JSON.stringify(nodeFiles)}) require(require('path').resolve(file));
      console.log(Number(process.hrtime.bigint() - start) / 1e6);`;
    const output = execFileSync(process.execPath, ['-e', script], {
      cwd: packageDir,
      env: { ...process.env, NODE_PATH: path.join(workspace, 'node_modules') },
    });
    timings.push(Number(output.toString().trim()));
  }
  timings.sort((a, b) => a - b);
  const loadMs = timings[Math.floor(timings.length / 2)] ?? NaN;

  for (const file of readdirSync(path.join(packageDir, 'dist'), { recursive: true })) {
    const full = path.join(packageDir, 'dist', String(file));
    if (statSync(full).isFile()) console.log(`  ${String(file)}: ${statSync(full).size} B`);
  }
  console.log(
    `nodes: tarball_kb=${sizeKb.toFixed(1)} scan_errors=${errors} load_ms=${loadMs.toFixed(1)}`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
