import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePairOfPorts, freePort, isPortFree } from '../../demo/src/ports.ts';
import {
  killAll,
  launch,
  processTree,
  stillRunning,
  type Launched,
  type ProcessId,
} from '../support/launch.ts';

/**
 * `npm start` as a new user runs it after `npm ci`: the README's start command as a child process,
 * from nothing built and no data (a scratch data folder, a scratch build folder, free ports, all
 * through the documented environment variables). Everything is checked through what the printed
 * lines promise, over HTTP; then Ctrl-C, and a second start on the same data.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The flow templates n8n-nodes-enroute ships: the demo imports and activates each. */
const FLOWS = readdirSync(path.join(ROOT, 'n8n-nodes', 'workflows')).filter((file) =>
  file.endsWith('.json'),
).length;
const RESULTS = path.join(ROOT, 'test-results', 'start');
const RUNNING = /Enroute is running\./;
const FAILED = /could not start|These ports are already in use/;

type Printed = {
  strapiAdmin: string;
  admin: { email: string; password: string };
  n8n: string;
  owner: { email: string; password: string };
  capture: string;
  portal: string;
  samples: { label: string; url: string }[];
  apiToken: string;
};

/** The README's first command: the line `npm ci && <start command>` of its first sh block. */
async function readmeStartCommand(): Promise<string[]> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const block = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const line = block.split('\n').find((l) => l.startsWith('npm ci && '));
  const command = line?.slice('npm ci && '.length).replace(/#.*/, '').trim();
  if (!command) throw new Error('README.md names no `npm ci && …` start command');
  return command.split(/\s+/);
}

/** What a user's shell holds: no test runner's or npm script's variables. */
function userEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|VITEST|TEST$|NODE_ENV$|NODE_OPTIONS$|INIT_CWD$)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** The lines after "Enroute is running", without the part's prefix (`demo     | `). */
function readPrinted(lines: string[]): Printed {
  const text = lines
    .slice(lines.findIndex((line) => RUNNING.test(line)))
    .map((line) => line.replace(/^\S+\s*\| ?/, ''));
  const match = (pattern: RegExp) => {
    for (const line of text) {
      const found = pattern.exec(line);
      if (found) return found;
    }
    throw new Error(`no printed line matches ${String(pattern)}:\n${text.join('\n')}`);
  };
  const strapi = match(/^\s+Strapi admin\s+(\S+)\s+\((\S+) \/ (\S+)\)/);
  const n8n = match(/^\s+n8n editor\s+(\S+)\s+\((\S+) \/ (\S+)\)/);
  const samples = text
    .map((line) => /^\s{4}(\S.*?)\s+(http:\/\/\S+\/t\/\S+)$/.exec(line))
    .filter((found) => found !== null)
    .map(([, label, url]) => ({ label: label!, url: url! }));
  return {
    strapiAdmin: strapi[1]!,
    admin: { email: strapi[2]!, password: strapi[3]! },
    n8n: n8n[1]!,
    owner: { email: n8n[2]!, password: n8n[3]! },
    capture: match(/^\s+messages sent\s+(\S+)/)[1]!,
    portal: match(/^\s+portal\s+(http\S+)$/)[1]!,
    samples,
    apiToken: match(/Strapi API token \(full access\): (\S+)/)[1]!,
  };
}

/** The state a sample's label promises (`Paris, technician on the way …` → traveling). */
function promisedState(label: string): string {
  const states: [RegExp, string][] = [
    [/on the way/, 'traveling'],
    [/in progress/, 'in-progress'],
    [/completed/, 'completed'],
    [/canceled/, 'canceled'],
    [/scheduled/, 'scheduled'],
  ];
  const state = states.find(([pattern]) => pattern.test(label))?.[1];
  if (!state) throw new Error(`no state in the label "${label}"`);
  return state;
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(20_000) });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  return {
    status: response.status,
    cookies: response.headers.getSetCookie(),
    body: (await response.json()) as unknown,
  };
}

async function strapiAdminJwt(printed: Printed): Promise<string> {
  const origin = new URL(printed.strapiAdmin).origin;
  const answer = await postJson(`${origin}/admin/login`, printed.admin);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const token = (answer.body as { data?: { token?: string } }).data?.token;
  expect(token).toEqual(expect.any(String));
  return token!;
}

/** The demo bookings as Strapi's content manager lists them to the signed-in admin. */
async function bookings(printed: Printed): Promise<string[]> {
  const origin = new URL(printed.strapiAdmin).origin;
  const jwt = await strapiAdminJwt(printed);
  const answer = await get(
    `${origin}/content-manager/collection-types/plugin::enroute.booking?page=1&pageSize=100`,
    { authorization: `Bearer ${jwt}` },
  );
  expect(answer.status, answer.text.slice(0, 500)).toBe(200);
  const { results } = JSON.parse(answer.text) as { results: { documentId: string }[] };
  return results.map((booking) => booking.documentId).sort();
}

/** Reads the portal page's live channel until the technician has been at `count` places. */
async function technicianPositions(link: string, count: number, timeoutMs: number) {
  const positions: { lat: number; lng: number }[] = [];
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(`${link}/live`, { signal: controller.signal });
    expect(response.status).toBe(200);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body!) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!/^event: update$/m.test(event)) continue;
        const data = JSON.parse(
          event
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n'),
        ) as { state: string; technician: { lat: number; lng: number } | null };
        const last = positions.at(-1);
        const at = data.technician;
        if (at && (!last || last.lat !== at.lat || last.lng !== at.lng)) positions.push(at);
        if (positions.length >= count) return positions;
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return positions;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

describe('npm start on a fresh clone', () => {
  let command: string[];
  let dataDir: string;
  let buildDir: string;
  let env: NodeJS.ProcessEnv;
  let ports: Record<string, number>;
  let run: Launched | undefined;
  let tree: ProcessId[] = [];
  let first: Printed;
  let firstBookings: string[];
  const times: Record<'fresh' | 'second', number> = { fresh: 0, second: 0 };

  /** Starts the command and waits for "Enroute is running"; answers the time it took. */
  async function start(logName: string): Promise<number> {
    const started = performance.now();
    run = launch(command, { cwd: ROOT, env, logFile: path.join(RESULTS, `${logName}.log`) });
    await run.waitFor(RUNNING, { timeoutMs: 15 * 60_000, failure: FAILED });
    const took = performance.now() - started;
    // The rest of the block follows the line at once; its last line is the SMTP address.
    await run.waitFor(/SMTP capture: /, { timeoutMs: 10_000 });
    return took;
  }

  /** Ctrl-C, as in the terminal: the launcher stops every part, then exits. */
  async function interrupt() {
    tree = await processTree(run!.pid);
    expect(tree.length).toBeGreaterThan(4);
    run!.interrupt();
    const code = await Promise.race([
      run!.exited,
      new Promise((resolve) => setTimeout(() => resolve('still running after 60 s'), 60_000)),
    ]);
    // npm passes the Ctrl-C on as its own end (SIGINT) once the launcher has exited (0).
    expect([0, 'SIGINT'], run!.tail()).toContain(code);
    expect(run!.lines.join('\n')).toMatch(/stopped; the data stays for the next start/);
    await expect.poll(() => stillRunning(tree), { timeout: 10_000, interval: 250 }).toEqual([]);
    for (const [name, port] of Object.entries(ports)) {
      expect(await isPortFree(port, '127.0.0.1'), `${name} port ${port}`).toBe(true);
    }
    run = undefined;
  }

  beforeAll(async () => {
    command = await readmeStartCommand();
    await mkdir(RESULTS, { recursive: true });
    dataDir = await mkdtemp(path.join(tmpdir(), 'enroute-start-data-'));
    await rm(dataDir, { recursive: true });
    // Inside the repository (where the builds find node_modules), a folder of this run alone.
    const scratch = path.join(ROOT, 'demo', '.tmp');
    await mkdir(scratch, { recursive: true });
    buildDir = await mkdtemp(path.join(scratch, 'start-test-'));
    await rm(buildDir, { recursive: true });
    ports = {
      strapi: await freePort(),
      n8n: await freePairOfPorts(),
      portal: await freePort(),
      capture: await freePort(),
      smtp: await freePort(),
    };
    env = userEnvironment({
      ENROUTE_DATA: dataDir,
      ENROUTE_BUILD: buildDir,
      ENROUTE_STRAPI_PORT: String(ports.strapi),
      ENROUTE_N8N_PORT: String(ports.n8n),
      ENROUTE_PORTAL_PORT: String(ports.portal),
      ENROUTE_CAPTURE_PORT: String(ports.capture),
      ENROUTE_SMTP_PORT: String(ports.smtp),
    });
  });

  afterAll(async () => {
    if (run) {
      const left = await processTree(run.pid);
      run.interrupt();
      await Promise.race([run.exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
      await killAll(left);
    }
    await killAll(tree);
    if (times.fresh) {
      console.log(
        `npm start to "Enroute is running": fresh ${seconds(times.fresh)}, second start ${times.second ? seconds(times.second) : '-'}`,
      );
    }
    await rm(dataDir, { recursive: true, force: true });
    await rm(buildDir, { recursive: true, force: true });
  });

  it('starts from nothing: builds the admin panel, the portal and the n8n package, imports the flows, puts the demo data', async () => {
    expect(command).toEqual(['npm', 'start']);
    for (const folder of [dataDir, buildDir]) expect(existsSync(folder), folder).toBe(false);

    times.fresh = await start('fresh');

    const output = run!.lines.join('\n');
    for (const step of [
      'building the Strapi admin panel',
      'building the portal',
      'building n8n-nodes-enroute',
      `importing the credentials and the ${FLOWS} flows`,
    ]) {
      expect(output).toContain(step);
    }
    for (const built of [
      ['strapi', 'build', 'index.html'],
      ['portal', 'server', 'entry.mjs'],
      ['n8n-nodes-enroute', 'dist', 'package.json'],
    ]) {
      expect(existsSync(path.join(buildDir, ...built)), built.join('/')).toBe(true);
    }
    expect(existsSync(path.join(dataDir, 'state.json'))).toBe(true);
    first = readPrinted(run!.lines);
    expect(first.samples.length).toBeGreaterThanOrEqual(5);
  });

  it('serves the Strapi admin panel, and the printed admin signs in', async () => {
    const login = await get(`${first.strapiAdmin}/auth/login`);
    expect(login.status).toBe(200);
    expect(login.text).toContain('<title>Strapi Admin</title>');
    // The panel built from the plugin's sources, not a fallback page.
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(login.text)?.[1];
    expect(script, login.text.slice(0, 2000)).toBeTruthy();
    const asset = await get(new URL(script!, first.strapiAdmin).href);
    expect(asset.status).toBe(200);
    expect(asset.type).toContain('javascript');

    await strapiAdminJwt(first);
    firstBookings = await bookings(first);
    expect(firstBookings.length).toBeGreaterThanOrEqual(first.samples.length);
  });

  it('serves every printed portal link, each in its state', async () => {
    const states = new Set<string>();
    for (const { label, url } of first.samples) {
      const page = await get(url);
      expect(page.status, `${label}: ${url}`).toBe(200);
      const state = promisedState(label);
      expect(page.text, label).toContain(`data-state="${state}"`);
      states.add(state);
    }
    expect([...states].sort()).toEqual(
      ['canceled', 'completed', 'in-progress', 'scheduled', 'traveling'].sort(),
    );
    expect((await get(first.portal)).status).toBeLessThan(500);
  });

  it('serves the page of the messages sent', async () => {
    const page = await get(first.capture);
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
  });

  it("plays the customer's phone: a text to the capture reaches the inbound SMS flow, whose answer comes back", async () => {
    const phone = '+971501234567';
    const sent = await fetch(new URL('/sms/inbound', first.capture), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ From: phone, Body: 'مساعدة' }),
      signal: AbortSignal.timeout(20_000),
    });
    expect(sent.status, await sent.text()).toBe(202);
    // The webhook answers Twilio at once; the flow answers through the local gateway.
    type Captured = { channel: string; to: string; from?: string; text: string };
    let answer: Captured | undefined;
    for (const deadline = Date.now() + 60_000; !answer && Date.now() < deadline;) {
      const listed = JSON.parse((await get(new URL('/api/messages', first.capture).href)).text);
      answer = (listed as Captured[]).find(
        (message) => message.channel === 'sms' && message.to === phone && !message.from,
      );
      if (!answer) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(answer?.text).toContain('STOP');
  });

  it('serves the n8n editor, where the printed owner signs in and finds every flow active', async () => {
    const editor = await get(first.n8n);
    expect(editor.status).toBe(200);
    expect(editor.type).toContain('text/html');

    const login = await postJson(`${first.n8n}/rest/login`, {
      emailOrLdapLoginId: first.owner.email,
      password: first.owner.password,
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const cookie = login.cookies.map((c) => c.split(';')[0]).join('; ');
    const answer = await get(`${first.n8n}/rest/workflows`, { cookie });
    expect(answer.status, answer.text.slice(0, 500)).toBe(200);
    const { data } = JSON.parse(answer.text) as { data: { name: string; active: boolean }[] };
    expect(data.filter((flow) => flow.active).map((flow) => flow.name)).toHaveLength(FLOWS);
  });

  it("moves the traveling technician: the simulator's positions reach the booking's portal page", async () => {
    const traveling = first.samples.find(({ label }) => promisedState(label) === 'traveling');
    expect(traveling).toBeDefined();
    // The simulator posts every 3 s: three places within 20 s.
    const positions = await technicianPositions(traveling!.url, 3, 20_000);
    expect(positions.length, JSON.stringify(positions)).toBeGreaterThanOrEqual(3);
    for (const { lat, lng } of positions) {
      // Along the Seine, from Bastille to the Sorbonne.
      expect(lat).toBeGreaterThan(48.8);
      expect(lat).toBeLessThan(48.9);
      expect(lng).toBeGreaterThan(2.3);
      expect(lng).toBeLessThan(2.4);
    }
  });

  it('stops every process it started on Ctrl-C', async () => {
    await interrupt();
    expect(run).toBeUndefined();
  });

  it('starts again on the same data, faster, keeping the data and the builds', async () => {
    times.second = await start('second');
    // Nothing built, imported or put again.
    expect(run!.lines.filter((line) => line.startsWith('build '))).toEqual([]);
    expect(run!.lines.join('\n')).not.toContain('importing the credentials');
    const again = readPrinted(run!.lines);
    expect(again.admin).toEqual(first.admin);
    expect(again.owner).toEqual(first.owner);
    expect(again.apiToken).toBe(first.apiToken);
    expect(again.samples.map((s) => s.label)).toEqual(first.samples.map((s) => s.label));
    expect(await bookings(again)).toEqual(firstBookings);
    // The links printed by the first start still open their bookings.
    for (const { label, url } of first.samples) {
      const page = await get(url);
      expect(page.status, `${label}: ${url}`).toBe(200);
      expect(page.text, label).toContain(`data-state="${promisedState(label)}"`);
    }
    expect(times.second).toBeLessThan(times.fresh);
  });

  it('stops every process again on Ctrl-C', async () => {
    await interrupt();
  });
});
