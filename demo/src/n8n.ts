import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { N8N_NODES, ROOT, isStale } from './paths.ts';
import { freePort } from './ports.ts';
import { ensureN8nSchema } from './postgres.ts';
import { answers, run, startChild, waitUntil, type Child, type Log } from './processes.ts';
import type { State } from './state.ts';
import type { Database } from './strapi.ts';

export type N8nMode = 'main' | 'queue';

export type N8nOptions = {
  host: string;
  port: number;
  dataDir: string;
  /** Where the demo keeps its build of the package (`<buildDir>/n8n-nodes-enroute`). */
  buildDir: string;
  /**
   * `installed`: n8n-nodes-enroute is in the user folder already (see n8nNodesFolder), e.g.
   * installed from its tarball; the demo's build is then neither made nor copied there.
   */
  nodesPackage?: 'build' | 'installed';
  mode: N8nMode;
  redis?: { host: string; port: number } | undefined;
  database: Database;
  state: State;
  strapiUrl: string;
  smtpPort: number;
  smsGatewayUrl: string;
  log: Log;
};

export type N8n = {
  url: string;
  /**
   * The active event flows and their Enroute Trigger's production URL: what each trigger
   * registers as a webhook endpoint of the plugin when n8n activates its flow.
   */
  eventFlows: { id: string; name: string; url: string }[];
  /**
   * Starts the reminder flow now, as its schedule would, in the n8n server (its webhook
   * "Run Now"): the flow hands its batches on to executions of its own, which a CLI run
   * (`n8n execute`) would cut short when it exits. Resolves once n8n has taken the run on.
   */
  runReminders(): Promise<void>;
  stop(): Promise<void>;
};

const CREDENTIAL = {
  enrouteApi: { id: 'enroute-api', name: 'Enroute API' },
  enrouteWebhook: { id: 'enroute-webhook', name: 'Enroute Webhook' },
  smtp: { id: 'enroute-smtp', name: 'SMTP' },
  twilio: { id: 'enroute-twilio', name: 'Twilio' },
  gateway: { id: 'demo-sms-gateway', name: 'Local SMS gateway' },
} as const;

/** What the demo reads and changes in the package's workflow templates (n8n's workflow JSON). */
type FlowNode = {
  name: string;
  type: string;
  webhookId?: string;
  parameters: Record<string, unknown>;
  credentials?: Record<string, { id: string; name: string }>;
  [key: string]: unknown;
};
type Flow = {
  id: string;
  name: string;
  nodes: FlowNode[];
  active: boolean;
  [key: string]: unknown;
};

/** The reminder flow: the one that prepares the reminders (other flows run on a schedule too). */
const remindsFlow = (flow: Flow) =>
  flow.nodes.some((node) => node.parameters.operation === 'prepareReminders');

/** The node that sends the SMS in every template (n8n-nodes-enroute's README). */
const SMS_NODE = 'Send SMS';
const TRIGGER_TYPE = 'n8n-nodes-enroute.enrouteTrigger';
const SCHEDULE_TYPE = 'n8n-nodes-base.scheduleTrigger';
const RUN_NOW = 'Run Now';
const RUN_NOW_WEBHOOK = 'Run Now (webhook)';
/** The path of the reminder flow's "Run Now" webhook: `/webhook/enroute-run-reminders`. */
const RUN_NOW_PATH = 'enroute-run-reminders';

/** The templates shipped in n8n-nodes-enroute's workflows/ folder. */
export async function templates(): Promise<{ file: string; flow: Flow }[]> {
  const dir = path.join(N8N_NODES, 'workflows');
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => ({
      file,
      flow: JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Flow,
    })),
  );
}

const require = createRequire(import.meta.url);
const N8N_BIN = path.join(path.dirname(require.resolve('n8n/package.json')), 'bin', 'n8n');

/** The trigger's path (`webhooks[0].path` of the Enroute Trigger): `/webhook/<webhookId>/enroute`. */
const TRIGGER_PATH = 'enroute';

/**
 * n8n's outbound calls to its own cloud switched off (telemetry, version checks, templates,
 * banners), n8n on the demo's folder and database, and the task runner kept local.
 */
function n8nEnv(options: N8nOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    N8N_USER_FOLDER: path.join(options.dataDir, 'n8n'),
    N8N_HOST: options.host,
    N8N_LISTEN_ADDRESS: options.host,
    N8N_PORT: String(options.port),
    // The task runners' broker, next to the editor's port.
    N8N_RUNNERS_BROKER_PORT: String(options.port + 1),
    N8N_PROTOCOL: 'http',
    WEBHOOK_URL: `http://${options.host}:${options.port}/`,
    N8N_EDITOR_BASE_URL: `http://${options.host}:${options.port}/`,
    N8N_SECURE_COOKIE: 'false',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
    N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_HIRING_BANNER_ENABLED: 'false',
    N8N_DYNAMIC_BANNERS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
    N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
    // The MCP registry module refreshes its list from n8n's servers.
    N8N_DISABLED_MODULES: 'mcp-registry',
    N8N_ONBOARDING_FLOW_DISABLED: 'true',
    EXTERNAL_FRONTEND_HOOKS_URLS: '',
    N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
    GENERIC_TIMEZONE: 'UTC',
    // Not the caller's (a test runner sets `test`, which n8n reads as its own test mode).
    NODE_ENV: 'production',
    // n8n refuses to start under a NODE_OPTIONS meant for the launcher.
    NODE_OPTIONS: '',
  };
  if (options.database.client === 'postgres') {
    Object.assign(env, {
      DB_TYPE: 'postgresdb',
      DB_POSTGRESDB_HOST: options.database.host,
      DB_POSTGRESDB_PORT: String(options.database.port),
      DB_POSTGRESDB_DATABASE: options.database.name,
      DB_POSTGRESDB_USER: options.database.user,
      DB_POSTGRESDB_PASSWORD: options.database.password,
      DB_POSTGRESDB_SCHEMA: 'n8n',
    });
  }
  if (options.mode === 'queue') {
    Object.assign(env, {
      EXECUTIONS_MODE: 'queue',
      QUEUE_BULL_REDIS_HOST: options.redis?.host ?? '127.0.0.1',
      QUEUE_BULL_REDIS_PORT: String(options.redis?.port ?? 6379),
      // Queues of their own for each data folder, so that two stacks can share one Redis.
      QUEUE_BULL_PREFIX: `enroute-${createHash('sha256').update(options.dataDir).digest('hex').slice(0, 12)}`,
      OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
    });
  }
  return env;
}

/**
 * The SMS node of a flow swapped for an HTTP Request to the local SMS gateway: the provider
 * change the n8n package's README describes (duplicate the flow, replace one node).
 */
export function withLocalSmsGateway(template: Flow, gatewayUrl: string): Flow {
  const replace = (node: FlowNode): FlowNode =>
    node.name !== SMS_NODE
      ? node
      : {
          ...node,
          type: 'n8n-nodes-base.httpRequest',
          typeVersion: 4.2,
          parameters: {
            method: 'POST',
            url: gatewayUrl,
            authentication: 'genericCredentialType',
            genericAuthType: 'httpHeaderAuth',
            sendBody: true,
            specifyBody: 'json',
            jsonBody: '={{ JSON.stringify({ to: $json.to, text: $json.body }) }}',
            options: {},
          },
          credentials: { httpHeaderAuth: CREDENTIAL.gateway },
        };
  const clone: Flow = {
    ...template,
    id: `${template.id}Local`.slice(0, 36),
    name: `${template.name} (local SMS gateway)`,
    nodes: template.nodes.map((node) => {
      const replaced = replace(node);
      // A webhook id of its own, so the clone's trigger URL differs from the original's.
      return replaced.webhookId
        ? { ...replaced, webhookId: `de${replaced.webhookId.slice(2)}` }
        : replaced;
    }),
    active: false,
  };
  return withRunNow(clone);
}

/**
 * The reminder flow gets a Manual Trigger beside its schedule, wired to the same node, so that it
 * can be run now from the editor (Execute workflow), and a webhook that does the same for the
 * demo and its tests (n8n listens on the loopback address only; a second run sends nothing
 * twice, as every message is claimed once).
 */
function withRunNow(flow: Flow): Flow {
  const schedule = remindsFlow(flow)
    ? flow.nodes.find((node) => node.type === SCHEDULE_TYPE)
    : undefined;
  const connections = flow.connections as Record<string, { main: unknown[][] }>;
  const next = schedule ? connections[schedule.name] : undefined;
  if (!schedule || !next) return flow;
  const position = schedule.position as [number, number];
  return {
    ...flow,
    nodes: [
      ...flow.nodes,
      {
        id: `${flow.id}-run-now`,
        name: RUN_NOW,
        type: 'n8n-nodes-base.manualTrigger',
        typeVersion: 1,
        position: [position[0], position[1] + 200],
        parameters: {},
      },
      {
        id: `${flow.id}-run-now-webhook`,
        name: RUN_NOW_WEBHOOK,
        type: 'n8n-nodes-base.webhook',
        typeVersion: 2,
        position: [position[0], position[1] - 200],
        webhookId: '3f0c6a52-0b7e-4f7e-9d1a-6f2b8c4e5a10',
        parameters: {
          httpMethod: 'POST',
          path: RUN_NOW_PATH,
          responseMode: 'onReceived',
          options: {},
        },
      },
    ],
    connections: { ...connections, [RUN_NOW]: next, [RUN_NOW_WEBHOOK]: next },
  };
}

function credentials(options: N8nOptions) {
  const tokens = options.state.tokens;
  if (!tokens) throw new Error('Strapi API tokens are missing');
  return [
    {
      ...CREDENTIAL.enrouteApi,
      type: 'enrouteApi',
      data: { url: options.strapiUrl, apiToken: tokens.fullAccess },
    },
    {
      ...CREDENTIAL.enrouteWebhook,
      type: 'enrouteWebhookApi',
      data: { secret: options.state.webhookSecret },
    },
    {
      ...CREDENTIAL.smtp,
      type: 'smtp',
      data: {
        host: options.host,
        port: options.smtpPort,
        secure: false,
        disableStartTls: true,
        user: '',
        password: '',
        hostName: '',
      },
    },
    // The original flows keep their Twilio node: the credential is there to be filled in.
    {
      ...CREDENTIAL.twilio,
      type: 'twilioApi',
      data: { authType: 'authToken', accountSid: 'AC-fill-in', authToken: 'fill-in' },
    },
    {
      ...CREDENTIAL.gateway,
      type: 'httpHeaderAuth',
      data: { name: 'X-Api-Key', value: options.state.smsApiKey },
    },
  ];
}

/**
 * The package's build, as the demo last made it: built with the package's own script when the
 * demo's copy is missing or older than the sources, then copied into the build folder, so that a
 * dist/ left by another run never stands in for the demo's build step.
 */
async function buildPackage(options: N8nOptions): Promise<string> {
  const built = path.join(options.buildDir, 'n8n-nodes-enroute');
  // The trigger bundles the plugin's names and signature check from its contracts.
  const sources = [
    path.join(N8N_NODES, 'nodes'),
    path.join(N8N_NODES, 'credentials'),
    path.join(ROOT, 'cms-plugin', 'shared', 'contracts'),
  ];
  if (!(await isStale(path.join(built, 'dist', 'package.json'), sources))) return built;
  options.log('build', 'building n8n-nodes-enroute…');
  await run('build', 'npm', ['run', 'build', '-w', 'n8n-nodes-enroute'], {
    cwd: ROOT,
    env: process.env,
    log: options.log,
  });
  await rm(built, { recursive: true, force: true });
  await mkdir(built, { recursive: true });
  await cp(path.join(N8N_NODES, 'dist'), path.join(built, 'dist'), { recursive: true });
  await cp(path.join(N8N_NODES, 'package.json'), path.join(built, 'package.json'));
  return built;
}

/** Where n8n keeps its community packages: `<user folder>/.n8n/nodes`. */
export function n8nNodesFolder(dataDir: string): string {
  return path.join(dataDir, 'n8n', '.n8n', 'nodes');
}

/** The package as n8n installs a community package: into `<user folder>/.n8n/nodes/node_modules`. */
async function installPackage(options: N8nOptions): Promise<void> {
  const built = await buildPackage(options);
  const nodes = n8nNodesFolder(options.dataDir);
  const target = path.join(nodes, 'node_modules', 'n8n-nodes-enroute');
  await rm(target, { recursive: true, force: true });
  await cp(built, target, { recursive: true });
  await writeFile(
    path.join(nodes, 'package.json'),
    JSON.stringify(
      { name: 'installed-nodes', private: true, dependencies: { 'n8n-nodes-enroute': '0.1.0' } },
      null,
      2,
    ),
  );
}

/** Credentials and flows, imported and published with n8n's own CLI (first start only). */
async function importFlows(options: N8nOptions, env: NodeJS.ProcessEnv): Promise<void> {
  const dir = path.join(options.dataDir, 'n8n', 'import');
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'workflows'), { recursive: true });
  await writeFile(
    path.join(dir, 'credentials.json'),
    JSON.stringify(credentials(options), null, 2),
    { mode: 0o600 },
  );
  const local: string[] = [];
  const shipped = await templates();
  for (const { file, flow: original } of shipped) {
    const clone = withLocalSmsGateway(original, options.smsGatewayUrl);
    local.push(clone.id);
    await writeFile(path.join(dir, 'workflows', file), JSON.stringify(original, null, 2));
    await writeFile(path.join(dir, 'workflows', `local-${file}`), JSON.stringify(clone, null, 2));
  }
  const cli = (args: string[]) =>
    run('n8n-cli', process.execPath, [N8N_BIN, ...args], { cwd: ROOT, env, log: options.log });
  options.log(
    'n8n',
    `importing the credentials and the ${shipped.length} flows (with their local-SMS clones)…`,
  );
  await cli(['import:credentials', `--input=${path.join(dir, 'credentials.json')}`]);
  await cli(['import:workflow', '--separate', `--input=${path.join(dir, 'workflows')}`]);
  for (const id of local) await cli(['publish:workflow', `--id=${id}`]);
  await rm(path.join(dir, 'credentials.json'));
}

/** The owner account of the editor, set up on the first start. */
async function setUpOwner(url: string, state: State): Promise<void> {
  const answer = await fetch(`${url}/rest/owner/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...state.n8nOwner, firstName: 'Demo', lastName: 'Admin' }),
  });
  await answer.body?.cancel();
}

export async function startN8n(options: N8nOptions): Promise<N8n> {
  const env = n8nEnv(options);
  if (options.database.client === 'postgres') {
    await ensureN8nSchema(options.database, options.database.name);
  }
  if (options.nodesPackage !== 'installed') await installPackage(options);
  if (!options.state.n8nImported) await importFlows(options, env);
  const url = `http://${options.host}:${options.port}`;
  const children: Child[] = [];
  const main = startChild('n8n', process.execPath, [N8N_BIN, 'start'], {
    cwd: ROOT,
    env,
    log: options.log,
  });
  children.push(main);
  try {
    await waitUntil(
      'n8n',
      () =>
        answers(`${url}/healthz/readiness`).then(async () => {
          const ready = await fetch(`${url}/healthz/readiness`);
          return ready.status === 200;
        }),
      { timeoutMs: 180_000, child: main },
    );
    if (options.mode === 'queue') {
      const worker = startChild(
        'worker',
        process.execPath,
        [N8N_BIN, 'worker', '--concurrency=20'],
        {
          cwd: ROOT,
          env: {
            ...env,
            QUEUE_HEALTH_CHECK_ACTIVE: 'false',
            N8N_RUNNERS_BROKER_PORT: String(await freePort(options.host)),
          },
          log: options.log,
        },
      );
      children.push(worker);
    }
    await setUpOwner(url, options.state);
  } catch (error) {
    await Promise.all(children.map((child) => child.stop()));
    throw error;
  }
  const clones = (await templates()).map(({ flow }) =>
    withLocalSmsGateway(flow, options.smsGatewayUrl),
  );
  const eventFlows = clones.flatMap((flow) =>
    flow.nodes
      .filter((node) => node.type === TRIGGER_TYPE && node.webhookId)
      .map((node) => ({
        id: flow.id,
        name: flow.name,
        url: `${url}/webhook/${node.webhookId}/${TRIGGER_PATH}`,
      })),
  );
  const reminder = clones.find(remindsFlow);
  if (!reminder) throw new Error('n8n-nodes-enroute/workflows has no scheduled (reminder) flow');

  return {
    url,
    eventFlows,
    async runReminders() {
      const answer = await fetch(`${url}/webhook/${RUN_NOW_PATH}`, { method: 'POST' });
      await answer.body?.cancel();
      if (!answer.ok) {
        throw new Error(
          `n8n did not start the reminder flow ${reminder.id}: HTTP ${answer.status}`,
        );
      }
    },
    async stop() {
      for (const child of children.reverse()) await child.stop(20_000);
    },
  };
}
