import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { n8nNodesFolder, startN8n, type N8n } from '../../demo/src/n8n.ts';
import { freePairOfPorts } from '../../demo/src/ports.ts';
import { loadState, type State } from '../../demo/src/state.ts';
import { sqliteDatabase, type TestDatabase } from '../../cms-plugin/tests/support/database.ts';
import { startHost, type Host } from '../../cms-plugin/tests/support/host.ts';
import { packWorkspace } from '../n8n/support/pack.ts';
import { templateFiles } from '../n8n/workflows/templates.ts';
import { stepTimer } from '../support/step-timer.ts';

/**
 * n8n-nodes-enroute as an n8n admin gets it: packed with its own scripts, installed from the
 * tarball into a user folder of its own the way n8n installs a community package, and loaded by
 * the workspace's n8n with its flow templates imported and published. Publishing an event
 * flow registers its trigger with the Enroute plugin: a Strapi with the plugin is there for it.
 */

const run = promisify(execFile);
const PACKAGE = 'n8n-nodes-enroute';
const ENROUTE_TYPES = [`${PACKAGE}.enroute`, `${PACKAGE}.enrouteTrigger`];
const NOT_LISTENING = 'http://127.0.0.1:9';
/** The flow templates n8n-nodes-enroute ships, as the builder makes them. */
const SHIPPED = Object.values(templateFiles).map((build) => build());

/**
 * What n8n's community packages service does with a package it downloads (its
 * `downloadPackage`): the tarball unpacked into `nodes/node_modules/<name>`, its dev, peer and
 * optional dependencies taken out of package.json, `npm install` inside it, and the package
 * listed in `nodes/package.json`. Dropping the peer matters: the package's peer
 * `n8n-workflow: "*"` would make npm install the newest n8n-workflow beside the package, and the
 * nodes would run on another n8n-workflow than the n8n that loads them.
 */
async function installAsN8nDoes(tarball: string, nodesFolder: string): Promise<string> {
  const target = path.join(nodesFolder, 'node_modules', PACKAGE);
  await mkdir(target, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  const manifestFile = path.join(target, 'package.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown> & {
    version: string;
  };
  for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) {
    delete manifest[key];
  }
  await writeFile(manifestFile, JSON.stringify(manifest, null, 2));
  await run(
    'npm',
    [
      'install',
      '--audit=false',
      '--fund=false',
      '--bin-links=false',
      '--install-strategy=shallow',
      '--ignore-scripts=true',
      '--package-lock=false',
    ],
    { cwd: target, env: process.env },
  );
  await writeFile(
    path.join(nodesFolder, 'package.json'),
    JSON.stringify(
      { name: 'installed-nodes', private: true, dependencies: { [PACKAGE]: manifest.version } },
      null,
      2,
    ),
  );
  return target;
}

describe('n8n-nodes-enroute installed from its tarball into an n8n user folder', () => {
  let scratch = '';
  let installed = '';
  let state: State;
  let n8n: N8n | undefined;
  let database: TestDatabase | undefined;
  let strapi: Host | undefined;
  const log: string[] = [];
  const { timed, summary } = stepTimer();

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'enroute-n8n-install-'));
    const { tarball } = await timed('pack', () => packWorkspace(PACKAGE, scratch));
    installed = await timed('install', () => installAsN8nDoes(tarball, n8nNodesFolder(scratch)));
    database = await sqliteDatabase();
    const host = await timed('Strapi start', () => startHost({ database: database! }));
    strapi = host;
    state = { ...(await loadState(scratch)), tokens: host.tokens };
    const settings = await host.admin('PUT', '/settings', { webhookSecret: state.webhookSecret });
    expect(settings.status).toBe(200);
    n8n = await timed('n8n import and start', async () =>
      startN8n({
        host: '127.0.0.1',
        port: await freePairOfPorts(),
        dataDir: scratch,
        buildDir: scratch,
        nodesPackage: 'installed',
        mode: 'main',
        database: { client: 'sqlite' },
        state,
        strapiUrl: host.url,
        smtpPort: 9,
        smsGatewayUrl: `${NOT_LISTENING}/sms`,
        log: (part, line) => log.push(`${part} | ${line}`),
      }),
    );
  }, 600_000);

  afterAll(async () => {
    await n8n?.stop();
    await strapi?.stop();
    await database?.drop();
    console.log(`n8n install from the tarball: ${summary()}`);
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }, 60_000);

  const signIn = async (url: string) => {
    const login = await fetch(`${url}/rest/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        emailOrLdapLoginId: state.n8nOwner.email,
        password: state.n8nOwner.password,
      }),
    });
    expect(login.status, await login.text()).toBe(200);
    return login.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ');
  };

  it('installs without n8n-workflow of its own, nothing beside it but what it needs', async () => {
    const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8')) as {
      n8n: { nodes: string[] };
    };
    expect(manifest.n8n.nodes).toHaveLength(2);
    await expect(
      readFile(path.join(installed, 'node_modules', 'n8n-workflow', 'package.json')),
    ).rejects.toThrow();
    await expect(
      readFile(path.join(path.dirname(installed), 'n8n-workflow', 'package.json')),
    ).rejects.toThrow();
  });

  it('knows the Enroute node types and credentials: the editor offers them', async () => {
    if (!n8n) throw new Error('n8n did not start');
    const cookie = await signIn(n8n.url);
    const nodes = await fetch(`${n8n.url}/types/nodes.json`, { headers: { cookie } });
    expect(nodes.status).toBe(200);
    const types = (await nodes.json()) as { name: string; displayName: string }[];
    const enroute = types.filter((type) => type.name.startsWith(`${PACKAGE}.`));
    // n8n adds a tool variant of the action node (`enrouteTool`) for its AI agents.
    expect(enroute.map((type) => type.name)).toEqual(expect.arrayContaining(ENROUTE_TYPES));
    expect(enroute.map((type) => type.displayName)).toContain('Enroute');
    const credentials = await fetch(`${n8n.url}/types/credentials.json`, { headers: { cookie } });
    const credentialNames = ((await credentials.json()) as { name: string }[]).map((c) => c.name);
    expect(credentialNames).toEqual(expect.arrayContaining(['enrouteApi', 'enrouteWebhookApi']));
  });

  it('loads the flows and publishes them, with no node type it does not know', async () => {
    if (!n8n) throw new Error('n8n did not start');
    const cookie = await signIn(n8n.url);
    const answer = await fetch(`${n8n.url}/rest/workflows`, { headers: { cookie } });
    expect(answer.status).toBe(200);
    const { data } = (await answer.json()) as { data: { name: string; active: boolean }[] };
    // The templates as shipped, and their clones with the local SMS gateway, published.
    expect(data).toHaveLength(SHIPPED.length * 2);
    expect(
      data
        .filter((flow) => flow.active)
        .map((flow) => flow.name)
        .sort(),
    ).toEqual(SHIPPED.map((flow) => `${flow.name} (local SMS gateway)`).sort());
    expect(SHIPPED.map((flow) => flow.name)).toContain('Enroute: request declined');
    const problems = log.filter((line) =>
      /unrecognized node type|could not be activated|Failed to load package/i.test(line),
    );
    expect(problems).toEqual([]);
  });

  it('runs the Enroute Trigger of each event flow: an unsigned event is refused', async () => {
    if (!n8n) throw new Error('n8n did not start');
    const triggered = SHIPPED.filter((flow) =>
      flow.nodes.some((node) => node.type === `${PACKAGE}.enrouteTrigger`),
    );
    expect(n8n.eventFlows.map((flow) => flow.name).sort()).toEqual(
      triggered.map((flow) => `${flow.name} (local SMS gateway)`).sort(),
    );
    const post = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'unsigned', type: 'booking.created' }),
      });
    for (const flow of n8n.eventFlows) {
      // n8n activates the flows one after another once it is up (each trigger registering with
      // the plugin): a flow's webhook answers 404 until its turn has come.
      let answer = await post(flow.url);
      for (const until = Date.now() + 60_000; answer.status === 404 && Date.now() < until;) {
        await answer.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, 250));
        answer = await post(flow.url);
      }
      expect(answer.status, flow.name).toBe(401);
      expect(await answer.json()).toMatchObject({
        accepted: false,
        reason: expect.stringMatching(/^signature/),
      });
    }
  });

  it('registers each event flow’s trigger URL with the Enroute plugin', async () => {
    if (!n8n || !strapi) throw new Error('n8n or Strapi did not start');
    const host = strapi;
    const urls = async () => {
      const answer = await host.admin('GET', '/settings');
      return (answer.body.data as { webhooks: { url: string }[] }).webhooks.map((w) => w.url);
    };
    const expected = n8n.eventFlows.map((flow) => flow.url).sort();
    for (let waited = 0; waited < 60_000 && (await urls()).length < expected.length;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      waited += 250;
    }
    expect((await urls()).sort()).toEqual(expected);
  });

  it('takes the nodes from the user folder: their icon goes when the installed file goes', async () => {
    if (!n8n) throw new Error('n8n did not start');
    const cookie = await signIn(n8n.url);
    const types = (await (
      await fetch(`${n8n.url}/types/nodes.json`, { headers: { cookie } })
    ).json()) as { name: string; iconUrl?: string | { light: string } }[];
    const icon = types.find((type) => type.name === `${PACKAGE}.enroute`)?.iconUrl;
    const iconUrl = typeof icon === 'string' ? icon : icon?.light;
    expect(iconUrl).toMatch(new RegExp(`^icons/${PACKAGE}/`));
    const file = path.join(installed, iconUrl!.slice(`icons/${PACKAGE}/`.length));
    const served = await fetch(`${n8n.url}/${iconUrl}`);
    expect(served.status).toBe(200);
    expect(await served.text()).toBe(await readFile(file, 'utf8'));
    await rm(file);
    const gone = await fetch(`${n8n.url}/${iconUrl}`);
    expect(gone.status).toBe(404);
  });
});
