import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SOURCES = fileURLToPath(new URL('../../admin/src/', import.meta.url));
const TRANSLATIONS = path.join(SOURCES, 'translations');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const readJson = async (file: string) =>
  JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;

/** Every string id the admin pages name literally: text('id', …) and getTranslation('id'). */
async function usedIds(): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const file of await sourceFiles(SOURCES)) {
    const source = await readFile(file, 'utf8');
    for (const match of source.matchAll(/\btext\(\s*'([^'$]+)'/g)) ids.add(match[1]!);
    for (const match of source.matchAll(/getTranslation\('([^'$]+)'\)/g)) ids.add(match[1]!);
  }
  return ids;
}

describe('admin strings', () => {
  it('has an English string for every id the pages use', async () => {
    const english = await readJson(path.join(TRANSLATIONS, 'en.json'));
    const missing = [...(await usedIds())].filter((id) => !(id in english));
    expect(missing).toEqual([]);
  });

  it('gives every other locale the same keys as English, none empty', async () => {
    const english = Object.keys(await readJson(path.join(TRANSLATIONS, 'en.json'))).sort();
    for (const file of await readdir(TRANSLATIONS)) {
      if (file === 'en.json') continue;
      const messages = await readJson(path.join(TRANSLATIONS, file));
      expect({ file, keys: Object.keys(messages).sort() }).toEqual({ file, keys: english });
      expect(Object.entries(messages).filter(([, value]) => !value.trim())).toEqual([]);
    }
  });
});
