import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const contentIndex = fileURLToPath(new URL('../index.ts', import.meta.url));
let folder = '';

/** A working directory with a `.mjmlconfig` whose package leaves a mark when it is required. */
function hostileFolder(): { dir: string; marker: string } {
  folder = mkdtempSync(path.join(tmpdir(), 'enroute-mjmlconfig-'));
  const marker = path.join(folder, 'ran');
  writeFileSync(
    path.join(folder, 'evil.cjs'),
    `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'code from the working directory');\nmodule.exports = {};\n`,
  );
  writeFileSync(path.join(folder, '.mjmlconfig'), JSON.stringify({ packages: ['./evil.cjs'] }));
  return { dir: folder, marker };
}

afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('a .mjmlconfig in the working directory', () => {
  it('runs its code when mjml is loaded the usual way', () => {
    const { dir, marker } = hostileFolder();
    execFileSync(process.execPath, ['-e', `require(${JSON.stringify(require.resolve('mjml'))})`], {
      cwd: dir,
    });
    expect(existsSync(marker)).toBe(true);
  });

  it('is ignored by the renderer, which still renders', () => {
    const { dir, marker } = hostileFolder();
    const script = `
      const { createRenderer } = await import(${JSON.stringify(contentIndex)});
      const email = await createRenderer().renderEmail('reminder', 'en', {
        recipient: { name: 'Ana' },
        booking: { id: 'b1', number: 'WO-1', start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T10:00:00.000Z', timeZone: 'UTC' },
        account: { name: 'Harbour Bakery', address: '1 Quay Street' },
        technician: null,
        link: 'https://track.example.com/t/AAAAAAAAAAAAAAAAAAAAAA',
      });
      console.log(JSON.stringify({ cwd: process.cwd(), html: email.html.includes('Hello Ana') }));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dir,
    }).toString();
    expect(JSON.parse(output.trim().split('\n').at(-1) ?? '{}')).toEqual({ cwd: dir, html: true });
    expect(existsSync(marker)).toBe(false);
  });
});
