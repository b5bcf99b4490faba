import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { startCapture, type Capture } from './capture.ts';
import {
  brandCompany,
  portalLink,
  seedDemoData,
  technicianSignInLink,
  technicianToken,
} from './demo-data.ts';
import { startN8n, type N8n, type N8nMode } from './n8n.ts';
import { checkPorts } from './ports.ts';
import { buildPortal, startPortal } from './portal.ts';
import { waitUntil, type Child, type Log } from './processes.ts';
import { startSimulator } from './simulator.ts';
import { loadState, saveState, type State } from './state.ts';
import {
  buildStrapiAdmin,
  ensureTokens,
  signInAdmin,
  startStrapi,
  updateSettings,
  webhookEndpointUrls,
  type Database,
} from './strapi.ts';

export type StackOptions = {
  host: string;
  ports: { strapi: number; n8n: number; portal: number; capture: number; smtp: number };
  dataDir: string;
  /** Where the Strapi admin panel and the portal are built (inside the repository). */
  buildDir: string;
  database: Database;
  n8n: { mode: N8nMode; redis?: { host: string; port: number } };
  /** Put the demo company's records on the first start, and move the traveling technician. */
  demo: boolean;
  /** Build and serve Strapi's admin panel (the demo); tests reach Strapi over its APIs only. */
  adminPanel: boolean;
  /** Shorter outbox polling (tests and benchmarks). */
  relayPollMs?: number;
  log: Log;
};

export type Stack = {
  urls: {
    strapi: string;
    strapiAdmin: string;
    n8n: string;
    portal: string;
    capture: string;
    smtp: string;
  };
  state: State;
  capture: Capture;
  n8n: N8n;
  /** Portal links of the demo bookings (fresh access codes, one per start). */
  samples: { label: string; url: string }[];
  /** A sign-in link of the traveling technician's phone app (a new one at each start). */
  technicianLink: string | null;
  stop(): Promise<void>;
};

const PHOTO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96"><rect width="96" height="96" rx="48" fill="#0a5ad4"/><circle cx="48" cy="38" r="18" fill="#fff"/><path d="M16 86c4-18 18-26 32-26s28 8 32 26" fill="#fff"/></svg>`;

async function photos(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (request.method !== 'GET' || !request.url?.startsWith('/photos/')) return false;
  response.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' });
  response.end(PHOTO);
  return true;
}

/**
 * Starts the whole product on one machine: mail and SMS capture, Strapi with the plugin, n8n with
 * the Enroute nodes and flows, the portal, and (for the demo) its data and a moving technician.
 * Everything started is stopped by `stop()`, in reverse order, also when a later part fails.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { host, ports, log } = options;
  await checkPorts(
    [
      { name: 'Strapi', port: ports.strapi, variable: 'ENROUTE_STRAPI_PORT' },
      { name: 'n8n', port: ports.n8n, variable: 'ENROUTE_N8N_PORT' },
      {
        name: "n8n's task runners (the n8n port + 1)",
        port: ports.n8n + 1,
        variable: 'ENROUTE_N8N_PORT',
      },
      { name: 'portal', port: ports.portal, variable: 'ENROUTE_PORTAL_PORT' },
      {
        name: 'message capture page and SMS gateway',
        port: ports.capture,
        variable: 'ENROUTE_CAPTURE_PORT',
      },
      { name: 'SMTP capture', port: ports.smtp, variable: 'ENROUTE_SMTP_PORT' },
    ],
    host,
  );
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) {
      await stopOne().catch((error: Error) => log('demo', `while stopping: ${error.message}`));
    }
    stops.length = 0;
  };
  const track = (child: Child) => stops.push(() => child.stop());

  try {
    const state = await loadState(options.dataDir);
    const strapiUrl = `http://${host}:${ports.strapi}`;
    const portalUrl = `http://${host}:${ports.portal}`;
    const captureUrl = `http://${host}:${ports.capture}`;

    const capture = await startCapture({
      host,
      httpPort: ports.capture,
      smtpPort: ports.smtp,
      smsApiKey: state.smsApiKey,
      file: path.join(options.dataDir, 'messages.jsonl'),
      log,
      routes: photos,
      // The inbound SMS flow's webhook (its path in n8n-nodes-enroute/workflows/inbound-sms.json).
      inboundSmsUrl: `http://${host}:${ports.n8n}/webhook/enroute-inbound-sms`,
    });
    stops.push(() => capture.close());

    await Promise.all([
      options.adminPanel ? buildStrapiAdmin(options.buildDir, log) : null,
      buildPortal(options.buildDir, log),
    ]);
    track(
      await startStrapi({
        host,
        port: ports.strapi,
        dataDir: options.dataDir,
        buildDir: options.buildDir,
        database: options.database,
        adminPanel: options.adminPanel,
        relayPollMs: options.relayPollMs,
        log,
      }),
    );
    const adminJwt = await signInAdmin(strapiUrl, state);
    state.tokens = await ensureTokens(strapiUrl, adminJwt, state);
    await updateSettings(strapiUrl, adminJwt, {
      webhookSecret: state.webhookSecret,
      portalBaseUrl: portalUrl,
      // Customers' text replies are forwarded here by the inbound SMS flow (the capture shows them).
      repliesEmail: 'office@example.com',
    });
    await saveState(options.dataDir, state);

    const n8n = await startN8n({
      host,
      port: ports.n8n,
      dataDir: options.dataDir,
      buildDir: options.buildDir,
      mode: options.n8n.mode,
      redis: options.n8n.redis,
      database: options.database,
      state,
      strapiUrl,
      smtpPort: ports.smtp,
      smsGatewayUrl: `${captureUrl}/sms`,
      log,
    });
    stops.push(() => n8n.stop());
    // Each event flow's trigger registers its URL with the plugin when n8n activates the flow.
    await waitUntil(
      'the event flows’ webhook endpoints in Strapi',
      async () => {
        const registered = await webhookEndpointUrls(strapiUrl, adminJwt);
        return n8n.eventFlows.every((flow) => registered.includes(flow.url));
      },
      { timeoutMs: 120_000 },
    );
    state.n8nImported = true;
    await saveState(options.dataDir, state);

    track(
      await startPortal({
        host,
        port: ports.portal,
        buildDir: options.buildDir,
        strapiUrl,
        portalToken: state.tokens.readOnly,
        log,
      }),
    );

    const samples: Stack['samples'] = [];
    let technicianLink: string | null = null;
    if (options.demo) {
      if (!state.seeded) {
        await updateSettings(strapiUrl, adminJwt, {
          branding: {
            fontFamily: 'Inter, Helvetica, Arial, sans-serif',
            textColor: '#1c2430',
            backgroundColor: '#f3efe8',
            foregroundColor: '#ffffff',
            accentColor: '#b4461f',
            logoUrl: null,
            headerImageUrl: null,
            footerImageUrl: null,
          },
        });
        await brandCompany(strapiUrl, adminJwt).catch((error: Error) =>
          log('demo', `the company name stays the default one: ${error.message}`),
        );
        state.samples = await seedDemoData(strapiUrl, state.tokens.fullAccess, captureUrl);
        state.technicianToken = await technicianToken(
          strapiUrl,
          state.tokens.fullAccess,
          'R-MARCO',
        );
        state.seeded = true;
        await saveState(options.dataDir, state);
      }
      for (const sample of state.samples) {
        samples.push({
          label: sample.label,
          url: await portalLink(strapiUrl, state.tokens.fullAccess, sample.documentId),
        });
      }
      technicianLink = await technicianSignInLink(strapiUrl, adminJwt, 'Marco Rossi').catch(
        (error: Error) => {
          log('demo', `no technician sign-in link: ${error.message}`);
          return null;
        },
      );
      if (state.technicianToken) {
        const simulator = startSimulator({
          strapiUrl,
          technicianToken: state.technicianToken,
          log,
        });
        stops.push(async () => simulator.stop());
      }
    }

    return {
      urls: {
        strapi: strapiUrl,
        strapiAdmin: `${strapiUrl}/admin`,
        n8n: `http://${host}:${ports.n8n}`,
        portal: portalUrl,
        capture: captureUrl,
        smtp: `smtp://${host}:${ports.smtp}`,
      },
      state,
      capture,
      n8n,
      samples,
      technicianLink,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
