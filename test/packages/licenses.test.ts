import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** Every published package carries the MIT license it declares, in its tarball too. */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PUBLISHED = ['cms-plugin', 'n8n-nodes'];

const mit = async (file: string) => {
  const text = await readFile(file, 'utf8');
  expect(text).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} Enroute maintainers\n/);
  expect(text).toContain('Permission is hereby granted, free of charge');
  return text;
};

describe('licenses', () => {
  it('the repository is MIT', async () => {
    await mit(path.join(ROOT, 'LICENSE'));
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      license?: string;
    };
    expect(manifest.license).toBe('MIT');
  });

  it.each(PUBLISHED)('%s declares MIT and packs its LICENSE', async (folder) => {
    const dir = path.join(ROOT, folder);
    const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as {
      private?: boolean;
      license?: string;
    };
    expect(manifest.private).not.toBe(true);
    expect(manifest.license).toBe('MIT');
    expect(await mit(path.join(dir, 'LICENSE'))).toBe(
      await readFile(path.join(ROOT, 'LICENSE'), 'utf8'),
    );
    // The file list only: no build, nothing written.
    const { stdout } = await promisify(execFile)(
      'npm',
      ['pack', '--dry-run', '--json', '--ignore-scripts'],
      { cwd: dir },
    );
    const [packed] = JSON.parse(stdout) as { files: { path: string }[] }[];
    expect(packed?.files.map((file) => file.path)).toContain('LICENSE');
  });

  it('every package not marked private is one of those', async () => {
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      workspaces: string[];
    };
    const published = [];
    for (const folder of manifest.workspaces) {
      const pkg = JSON.parse(await readFile(path.join(ROOT, folder, 'package.json'), 'utf8')) as {
        private?: boolean;
      };
      if (pkg.private !== true) published.push(folder);
    }
    expect(published.sort()).toEqual([...PUBLISHED].sort());
  });
});
