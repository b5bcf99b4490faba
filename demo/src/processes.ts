import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** One line of a part's output, said by the part's name. */
export type Log = (part: string, line: string) => void;

const COLOURS = [36, 35, 33, 32, 34, 91, 96];
const colourOf = new Map<string, number>();

/** Prints each line prefixed with its part's name, coloured when the output is a terminal. */
export const consoleLog: Log = (part, line) => {
  if (!colourOf.has(part)) colourOf.set(part, COLOURS[colourOf.size % COLOURS.length] ?? 36);
  const label = part.padEnd(8).slice(0, 8);
  const prefix = process.stdout.isTTY ? `\x1b[${colourOf.get(part)}m${label}\x1b[0m` : label;
  process.stdout.write(`${prefix} | ${line}\n`);
};

export type ChildOptions = {
  cwd: string;
  env: NodeJS.ProcessEnv;
  log: Log;
};

export type Child = {
  name: string;
  process: ChildProcess;
  /** Resolves when the child exits, with its code (or null when a signal ended it). */
  exited: Promise<number | null>;
  /** Everything the child printed, for the error message when it does not start. */
  output(): string;
  /** SIGTERM to the child's whole process group, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
};

/**
 * Starts a child in a process group of its own, so that stopping it stops what it started too
 * (n8n starts task runners). Its output is logged line by line under its name.
 */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: ChildOptions,
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      output = (output + line + '\n').slice(-20_000);
      options.log(name, line);
    });
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', (error) => {
      output += `${error.message}\n`;
      resolve(-1);
    });
  });

  const signal = (name: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, name);
    } catch {
      // the group is gone already
    }
  };

  return {
    name,
    process: child,
    exited,
    output: () => output,
    async stop(graceMs = 10_000) {
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // Whatever the child started and left behind in its group.
      signal('SIGKILL');
    },
  };
}

/** Runs a command to its end; rejects with its output when it fails. */
export async function run(
  name: string,
  command: string,
  args: string[],
  options: ChildOptions,
): Promise<string> {
  const child = startChild(name, command, args, options);
  const code = await child.exited;
  if (code !== 0) {
    throw new Error(`${name} failed (exit ${String(code)}):\n${child.output().slice(-4000)}`);
  }
  return child.output();
}

/** Polls `check` until it answers true; fails with `describe()` when the child exits or time runs out. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  options: { timeoutMs: number; child?: Child },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let exitCode: number | null | undefined;
  void options.child?.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(
        `${what} stopped before it was ready (exit ${String(exitCode)}):\n${options.child?.output().slice(-4000) ?? ''}`,
      );
    }
    try {
      if (await check()) return;
    } catch {
      // not answering yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} was not ready within ${options.timeoutMs / 1000} s`);
}

/** True when an HTTP GET of `url` answers with a status below 500. */
export async function answers(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.body?.cancel();
  return response.status < 500;
}
