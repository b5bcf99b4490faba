import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * `npm run test:faults`: the fault suite through vitest, its output passed on as it comes, then
 * the suite's count again as the last line (vitest's summary comes after it otherwise).
 */
const vitest = spawn('vitest', ['run', '--project', 'n8n-nodes', 'test/n8n/faults'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let count: string | null = null;
createInterface({ input: vitest.stdout }).on('line', (line) => {
  process.stdout.write(`${line}\n`);
  const found = /faults: due=\S+ sent_once=\S+ duplicates=\S+ lost=\S+ expired=\S+ failed=\S+/.exec(
    line,
  );
  if (found) count = found[0];
});
vitest.on('exit', (code) => {
  if (count) process.stdout.write(`${count}\n`);
  process.exitCode = code ?? 1;
});
