import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's folders the demo starts things from. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEMO = path.join(ROOT, 'demo');
export const STRAPI_HOST = path.join(ROOT, 'cms-plugin', 'host');
export const PLUGIN = path.join(ROOT, 'cms-plugin');
export const N8N_NODES = path.join(ROOT, 'n8n-nodes');
export const PORTAL = path.join(ROOT, 'portal-site');
export const CONTENT = path.join(ROOT, 'content-snippets');
/** Where the demo builds the Strapi admin panel and the portal by default (ignored by git). */
export const DEFAULT_BUILD = path.join(DEMO, '.tmp');

/** Whether `dir` is inside the repository (where node_modules is found from it). */
export function isInRepository(dir: string): boolean {
  const relative = path.relative(ROOT, path.resolve(dir));
  return relative === '' || !(relative.startsWith('..') || path.isAbsolute(relative));
}

/** The newest modification time of the files below `dir` (0 when it does not exist). */
export async function newestChange(
  dir: string,
  skip = /node_modules|[/\\]\.|dist|build/,
): Promise<number> {
  let newest = 0;
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (skip.test(path.relative(dir, file))) continue;
    newest = Math.max(newest, (await stat(file)).mtimeMs);
  }
  return newest;
}

/** The modification time of a file (0 when it does not exist). */
export async function changedAt(file: string): Promise<number> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return 0;
  }
}

/** Whether `output` is missing or older than any of the `sources` folders. */
export async function isStale(output: string, sources: string[]): Promise<boolean> {
  const built = await changedAt(output);
  if (built === 0) return true;
  for (const source of sources) if ((await newestChange(source)) > built) return true;
  return false;
}
