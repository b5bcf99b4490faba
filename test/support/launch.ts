import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/**
 * A command started as a user starts it in a terminal: in a process group of its own (the
 * terminal's foreground job), its output read line by line, stopped with Ctrl-C (SIGINT to the
 * whole group).
 */
export type Launched = {
  pid: number;
  /** Every line printed so far (stdout and stderr). */
  lines: string[];
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /**
   * Resolves with the first line matching `pattern` (looking at what was printed already too);
   * rejects when the command exits first, prints a line matching `failure`, or time runs out.
   */
  waitFor(pattern: RegExp, options: { timeoutMs: number; failure?: RegExp }): Promise<string>;
  /** Ctrl-C: SIGINT to the process group. */
  interrupt(): void;
  /** The end of the output, for error messages. */
  tail(lines?: number): string;
};

export function launch(
  command: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Launched {
  const [file, ...args] = command;
  if (!file) throw new Error('no command');
  const child: ChildProcess = spawn(file, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${command.join(' ')} did not start`);
  const pid = child.pid;
  const log = createWriteStream(options.logFile);
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      log.write(`${line}\n`);
      for (const listener of listeners) listener(line);
    });
  }
  const exited = new Promise<number | string>((resolve) => {
    child.once('close', (code, signal) => {
      log.end();
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const tail = (count = 60) => lines.slice(-count).join('\n');

  return {
    pid,
    lines,
    exited,
    tail,
    interrupt() {
      try {
        process.kill(-pid, 'SIGINT');
      } catch {
        // the group is gone already
      }
    },
    waitFor(pattern, { timeoutMs, failure }) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const fail = (why: string) => {
          done();
          reject(new Error(`${command.join(' ')} ${why}:\n${tail()}`));
        };
        const timer = setTimeout(
          () => fail(`printed no line matching ${String(pattern)} within ${timeoutMs / 1000} s`),
          timeoutMs,
        );
        const check = (line: string) => {
          if (pattern.test(line)) {
            done();
            resolve(line);
          } else if (failure?.test(line)) {
            // Let the rest of the error reach the output before showing it.
            setTimeout(() => fail('failed'), 2000);
          }
        };
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        if (lines.some((line) => failure?.test(line))) fail('failed');
        listeners.add(check);
        void exited.then((code) =>
          fail(`exited (${String(code)}) before printing ${String(pattern)}`),
        );
      });
    },
  };
}

/** A process as /proc knows it: its id and its start time (so that a reused id is not it). */
export type ProcessId = { pid: number; startedAt: string; command: string };

async function stat(pid: number): Promise<{ ppid: number; startedAt: string } | null> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    // `pid (command) state ppid …`: the command may hold spaces and parentheses.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return null;
    return { ppid: Number(fields[1]), startedAt: fields[19] ?? '' };
  } catch {
    return null;
  }
}

/** `pid` and every process descending from it, read from /proc. */
export async function processTree(pid: number): Promise<ProcessId[]> {
  const parents = new Map<number, number[]>();
  const started = new Map<number, string>();
  for (const entry of await readdir('/proc')) {
    const id = Number(entry);
    if (!Number.isInteger(id)) continue;
    const info = await stat(id);
    if (!info) continue;
    started.set(id, info.startedAt);
    parents.set(info.ppid, [...(parents.get(info.ppid) ?? []), id]);
  }
  const tree: ProcessId[] = [];
  const visit = async (id: number) => {
    const startedAt = started.get(id);
    if (startedAt === undefined) return;
    const command = (await readFile(`/proc/${id}/cmdline`, 'utf8').catch(() => ''))
      .split('\0')
      .join(' ')
      .trim();
    tree.push({ pid: id, startedAt, command });
    for (const child of parents.get(id) ?? []) await visit(child);
  };
  await visit(pid);
  return tree;
}

/** The processes of `tree` that still run. */
export async function stillRunning(tree: ProcessId[]): Promise<ProcessId[]> {
  const running: ProcessId[] = [];
  for (const process of tree) {
    const info = await stat(process.pid);
    if (info && info.startedAt === process.startedAt) running.push(process);
  }
  return running;
}

/** SIGKILL to whatever of `tree` still runs (clean-up after a failed test). */
export async function killAll(tree: ProcessId[]): Promise<void> {
  for (const { pid } of await stillRunning(tree)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}
