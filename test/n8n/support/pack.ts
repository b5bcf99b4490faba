import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Packs a workspace package the way it is published (`npm pack`, its own prepack build) into
 * `into`, unpacks it there, and answers the tarball's path and the unpacked folder.
 */
export function packWorkspace(workspace: string, into: string): { tarball: string; dir: string } {
  const output = execFileSync(
    'npm',
    ['pack', '-w', workspace, '--pack-destination', into, '--json'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    },
  ).toString();
  const [packed] = JSON.parse(output.slice(output.lastIndexOf('[\n  {'))) as { filename: string }[];
  if (!packed) throw new Error(`npm pack -w ${workspace} packed nothing`);
  const { filename } = packed;
  const tarball = path.join(into, path.basename(filename));
  const dir = path.join(into, path.basename(filename, '.tgz'));
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
  return { tarball, dir };
}

/** The n8n package, packed and unpacked: its folder. */
export function packNodes(into: string): string {
  return packWorkspace('n8n-nodes-enroute', into).dir;
}

/** Bytes of every file below `dir`. */
export function unpackedSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, String(entry));
    const stat = statSync(file);
    if (stat.isFile()) total += stat.size;
  }
  return total;
}
