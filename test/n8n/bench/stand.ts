import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  postgresDatabase,
  postgresUnavailable,
} from '../../../cms-plugin/tests/support/database.ts';
import { QUIET_HOURS_OFF } from '../../../cms-plugin/tests/support/fixtures.ts';
import { startHost } from '../../../cms-plugin/tests/support/host.ts';
import { PORTAL, WEBHOOK_SECRET } from '../flows/environment.ts';
import type { FromProviders, ToProviders } from './providers.process.ts';

/**
 * Strapi's environment for the benchmarks at scale, as the plugin's README says to run it in
 * production: Node's young generation kept to 16 MB semi-spaces (left alone, V8 grows them to
 * 64 MB each on a machine with this much memory, about 100 MB of Strapi's resident memory for no
 * measurable gain in speed).
 */
export const AT_SCALE = {
  NODE_ENV: 'production',
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-semi-space-size=16', '--max-old-space-size=256']
    .filter(Boolean)
    .join(' '),
};

/**
 * What the flow benchmarks stand on: a real Strapi with the plugin on a fresh PostgreSQL schema
 * (relay off unless `env` says otherwise: the benchmarks deliver events themselves), set up for the flows, with one account
 * and one technician.
 */
export async function startBenchPlugin(bench: string, env: Record<string, string> = {}) {
  const problem = await postgresUnavailable();
  if (problem) throw new Error(`${bench} needs PostgreSQL: ${problem}`);
  const database = await postgresDatabase();
  const host = await startHost({ database, env: { ENROUTE_RELAY_ENABLED: 'false', ...env } });
  const token = host.tokens.fullAccess;
  await host.admin('PUT', '/settings', {
    portalBaseUrl: PORTAL,
    webhookSecret: WEBHOOK_SECRET,
    ...QUIET_HOURS_OFF,
  });
  const put = async (route: string, body: unknown): Promise<{ documentId: string }> => {
    const answer = await host.api('PUT', route, token, body);
    if (answer.status >= 300) throw new Error(`PUT ${route}: ${JSON.stringify(answer.body)}`);
    return answer.body.data as { documentId: string };
  };
  await put('/service-accounts/bench-account', {
    name: 'Harbour Bakery',
    address: '1 Quay Street, Bristol',
    latitude: 51.4504,
    longitude: -2.5973,
    timeZone: 'Europe/London',
  });
  await put('/resources/bench-tech', { name: 'Sam Fixer', phone: '+441174960123' });
  return {
    database,
    host,
    token,
    put,
    async stop() {
      await host.stop();
      await database.drop();
    },
  };
}

/**
 * A proxy in front of the plugin through which n8n makes every request: each is counted, and
 * `answered` hears of each one's path and time (from its arrival to its answer's end). `headers`
 * adds headers to each request (a test clock); an answer `withhold` returns true for reaches the
 * proxy, not n8n (the plugin did the work, n8n never hears of it).
 */
export async function pluginProxy(
  pluginUrl: string,
  answered: (path: string, ms: number) => void = () => undefined,
  options: {
    headers?: () => Record<string, string>;
    withhold?: (path: string) => boolean;
  } = {},
) {
  let requests = 0;
  const target = new URL(pluginUrl);
  const server = createServer((incoming, outgoing) => {
    requests += 1;
    const started = performance.now();
    const forward = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, ...options.headers?.() },
      },
      (answer) => {
        if (options.withhold?.(incoming.url ?? '')) {
          answer.resume();
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        answer.on('end', () => answered(incoming.url ?? '', performance.now() - started));
      },
    );
    // The plugin not answering (stopped): the client sees its connection reset.
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/**
 * The SMTP server and the Twilio stand-in, in a process of their own as they would be on other
 * machines in production: `arrived()` says what they received so far.
 */
export async function startProviderProcess() {
  const providers = fork(new URL('./providers.process.ts', import.meta.url));
  const answer = async <K extends FromProviders['kind']>(kind: K) => {
    for (;;) {
      const [message] = (await once(providers, 'message')) as [FromProviders];
      if (message.kind === kind) return message as Extract<FromProviders, { kind: K }>;
    }
  };
  const tell = (message: ToProviders) => providers.send(message);
  const started = answer('started');
  tell({ kind: 'start' });
  const { smtpPort, twilioUrl } = await started;
  return {
    smtpPort,
    twilioUrl,
    async arrived() {
      const next = answer('arrived');
      tell({ kind: 'arrived' });
      return await next;
    },
    async close() {
      tell({ kind: 'close' });
      await once(providers, 'exit');
    },
  };
}
