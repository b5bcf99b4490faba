import { createRequire } from 'node:module';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';

const require = createRequire(import.meta.url);

/** What MJML's strict validation found, as its own error carries it. */
export type MjmlProblem = { line?: number; message?: string; tagName?: string };

export class MjmlError extends Error {
  readonly errors: MjmlProblem[];

  constructor(message: string, errors: MjmlProblem[]) {
    super(message);
    this.name = 'MjmlError';
    this.errors = errors;
  }
}

export type MjmlOptions = { validationLevel: 'strict' | 'soft' | 'skip'; keepComments: boolean };

type Reply = { id: number; html?: string; message?: string; errors?: MjmlProblem[] };

/**
 * MJML runs in a process of its own, started when templates are to be compiled and ended once
 * nothing is left to compile: MJML and what it pulls in (about 100 MB, which a process keeps once
 * it has had it, even after a worker thread holding it has ended) are held only while templates
 * are compiled, which happens when the content changes, not per message.
 *
 * When it is loaded, mjml reads a `.mjmlconfig` from the working directory and requires the
 * packages it lists: a file placed in Strapi's working directory would run code. The process
 * starts in mjml's own package folder, which holds no such file.
 */
const WORKER_SOURCE = `
const loaded = require(process.argv[1]);
const mjml2html = typeof loaded === 'function' ? loaded : loaded.default;
process.on('message', async ({ id, source, options }) => {
  try {
    const result = await mjml2html(source, options);
    process.send({ id, html: result.html });
  } catch (error) {
    const errors = Array.isArray(error && error.errors)
      ? error.errors.map((one) => ({ line: one.line, message: one.message, tagName: one.tagName }))
      : [];
    process.send({ id, message: String((error && error.message) || error), errors });
  }
});
process.on('disconnect', () => process.exit(0));
`;

/** How long the worker waits for more templates before it ends. */
const IDLE_MS = 2_000;

let worker: ChildProcess | null = null;
let idle: NodeJS.Timeout | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (html: string) => void; reject: (e: Error) => void }>();

function failAll(error: Error) {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
}

function start(): ChildProcess {
  const mjmlPath = require.resolve('mjml');
  const started = spawn(process.execPath, ['-e', WORKER_SOURCE, mjmlPath], {
    cwd: path.dirname(require.resolve('mjml/package.json')),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Only what Node needs: nothing of the host's own options (an inspector, a loader hook).
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  started.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.html !== undefined) waiting.resolve(reply.html);
    else waiting.reject(new MjmlError(reply.message ?? 'invalid MJML', reply.errors ?? []));
    if (pending.size === 0) {
      // Waiting for more templates does not keep the host's process alive.
      started.unref();
      started.channel?.unref();
      idle = setTimeout(stop, IDLE_MS);
      idle.unref();
    }
  });
  started.on('error', (error) => {
    if (worker === started) worker = null;
    failAll(error);
  });
  started.on('exit', (code, signal) => {
    if (worker === started) worker = null;
    if (pending.size > 0) {
      failAll(new Error(`the MJML process stopped (${signal ?? `exit code ${String(code)}`})`));
    }
  });
  return started;
}

function stop() {
  idle = null;
  if (pending.size > 0 || !worker) return;
  const ending = worker;
  worker = null;
  ending.disconnect();
}

/** The HTML of an MJML document; an invalid one is refused with MJML's problems (line, tag). */
export function compileMjml(source: string, options: MjmlOptions): Promise<string> {
  if (idle) {
    clearTimeout(idle);
    idle = null;
  }
  worker ??= start();
  const id = ++nextId;
  const running = worker;
  running.ref();
  running.channel?.ref();
  return new Promise<string>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    running.send({ id, source, options }, (error) => {
      if (error && pending.delete(id)) reject(error);
    });
  });
}
