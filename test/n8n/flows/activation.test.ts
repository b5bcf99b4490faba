import type { IRun } from 'n8n-workflow';
import { SettingsView } from 'strapi-plugin-enroute/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteDatabase, type TestDatabase } from '../../../cms-plugin/tests/support/database.ts';
import { inDays, putBooking } from '../../../cms-plugin/tests/support/fixtures.ts';
import { startHost, type Host } from '../../../cms-plugin/tests/support/host.ts';
import { eventually } from '../../../cms-plugin/tests/support/receiver.ts';
import { workflowActivation } from '../support/activation.ts';
import { createEngine, type Engine } from '../support/engine.ts';
import { listen, readBody, sendJson, type LocalServer } from '../support/http-server.ts';
import { activateWebhookWorkflow } from '../support/webhook-receiver.ts';
import type { WorkflowTemplate } from '../workflows/templates.ts';
import {
  flowEngine,
  removeUserFolder,
  startProviders,
  template,
  WEBHOOK_SECRET,
  type Providers,
} from './environment.ts';

/**
 * The event flows activated as n8n activates them: each Enroute Trigger registers its production
 * URL with a real Strapi's Enroute plugin, the plugin's relay then signs and posts booking events
 * to that URL, and deactivating the flow removes the endpoint.
 */
const EVENT_FLOWS = ['traveling', 'completed', 'rescheduled', 'canceled'] as const;

let database: TestDatabase;
let host: Host;
let providers: Providers;
let engine: Engine;
/** n8n's webhook server: `<url>/webhook/<webhookId>/enroute` reaches that trigger's flow. */
let n8n: LocalServer;
let webhookBaseUrl = '';
const receivers = new Map<string, ReturnType<typeof activateWebhookWorkflow>>();
const runs: Promise<IRun | null>[] = [];

beforeAll(async () => {
  database = await sqliteDatabase();
  host = await startHost({ database });
  providers = await startProviders();
  engine = flowEngine({ url: host.url, token: host.tokens.fullAccess }, providers);
  const settings = await host.admin('PUT', '/settings', {
    portalBaseUrl: 'https://track.example.com',
  });
  expect(settings.status).toBe(200);
  n8n = await listen(async (request, response) => {
    const webhookId = /^\/webhook\/([^/]+)\/enroute$/.exec(request.url ?? '')?.[1] ?? '';
    const receiver = receivers.get(webhookId);
    if (!receiver) return sendJson(response, 404, { message: 'no active webhook here' });
    const answer = await receiver.receive(request.headers, await readBody(request));
    runs.push(answer.run ?? Promise.resolve(null));
    sendJson(response, answer.status, answer.body);
  });
  webhookBaseUrl = `${n8n.url}/webhook`;
}, 120_000);

afterAll(async () => {
  await Promise.all([host?.stop(), providers?.close(), n8n?.close()]);
  await database?.drop();
  removeUserFolder();
});

async function endpoints() {
  const answer = await host.admin('GET', '/settings');
  expect(answer.status).toBe(200);
  expect(JSON.stringify(answer.body)).not.toContain(WEBHOOK_SECRET);
  return SettingsView.parse(answer.body.data).webhooks;
}

const urlOf = (flow: WorkflowTemplate) => {
  const trigger = flow.nodes.find((node) => node.type === 'n8n-nodes-enroute.enrouteTrigger');
  return `${webhookBaseUrl}/${String(trigger?.webhookId)}/enroute`;
};

/** A flow activated in the test's n8n: registered with the plugin, and reachable at its URL. */
async function activate(flow: WorkflowTemplate, withEngine: Engine = engine) {
  const activation = workflowActivation(withEngine, flow, webhookBaseUrl);
  await activation.activate();
  const trigger = flow.nodes.find((node) => node.type === 'n8n-nodes-enroute.enrouteTrigger');
  receivers.set(String(trigger?.webhookId), activateWebhookWorkflow(withEngine, flow));
  return activation;
}

const activations = new Map<string, ReturnType<typeof workflowActivation>>();

describe('activating a flow with the Enroute Trigger', () => {
  it('fails, saying so, while the plugin has no signing secret', async () => {
    await expect(
      workflowActivation(engine, template('traveling.json'), webhookBaseUrl).activate(),
    ).rejects.toThrow(/no signing secret is set in the Enroute settings/);
    expect(await endpoints()).toEqual([]);
    // The admin sets the secret the n8n credential holds: the flows can be activated.
    const settings = await host.admin('PUT', '/settings', { webhookSecret: WEBHOOK_SECRET });
    expect(settings.status).toBe(200);
  });

  it('registers each trigger’s production URL with the workflow’s name, its events, statuses and events per request', async () => {
    for (const message of EVENT_FLOWS) {
      activations.set(message, await activate(template(`${message}.json`)));
    }
    const registered = await endpoints();
    expect(
      registered.map(({ name, url, events, statuses, enabled, maxEventsPerDelivery }) => ({
        name,
        url,
        events,
        statuses,
        enabled,
        maxEventsPerDelivery,
      })),
    ).toEqual(
      EVENT_FLOWS.map((message) => ({
        name: `Enroute: ${message}`,
        url: urlOf(template(`${message}.json`)),
        events: [message === 'rescheduled' ? 'booking.rescheduled' : 'booking.status_changed'],
        statuses: message === 'rescheduled' ? [] : [message],
        enabled: true,
        maxEventsPerDelivery: 25,
      })),
    );
  });

  it('the plugin then posts a booking’s change to the flow registered for it, which sends the message', async () => {
    const { booking } = await putBooking(host, host.tokens.fullAccess, 'activated', {
      start: inDays(0, 1),
      end: inDays(0, 3),
    });
    const answer = await host.api(
      'PATCH',
      `/bookings/${booking.documentId}`,
      host.tokens.fullAccess,
      {
        status: 'traveling',
      },
    );
    expect(answer.status).toBe(200);
    const messages = async () =>
      (
        await database.select(
          `select type, channel, state from enroute_notifications where idempotency_key like $1`,
          [`${booking.documentId}:%`],
        )
      )
        .map((row) => `${String(row.type)}:${String(row.channel)}:${String(row.state)}`)
        .sort();
    await eventually(
      async () => (await messages()).filter((message) => message.endsWith(':sent')).length >= 2,
      () => 'the traveling message sent by email and SMS',
    );
    await Promise.all(runs);
    expect(await messages()).toEqual(['traveling:email:sent', 'traveling:sms:sent']);
  });

  it('activating again (n8n starting with the flow active) keeps the endpoint; a trigger changed meanwhile updates it', async () => {
    const before = await endpoints();
    await activations.get('completed')?.activate('init');
    expect(await endpoints()).toEqual(before);

    const changed = template('canceled.json');
    const trigger = changed.nodes.find((node) => node.type === 'n8n-nodes-enroute.enrouteTrigger');
    if (!trigger) throw new Error('the canceled flow has no trigger');
    trigger.parameters = {
      ...trigger.parameters,
      statuses: ['canceled', 'scheduled'],
      eventsPerRequest: 5,
    };
    await workflowActivation(
      engine,
      { ...changed, name: 'Cancellations' },
      webhookBaseUrl,
    ).activate('init');
    const after = await endpoints();
    const canceled = after.find((endpoint) => endpoint.url === urlOf(changed));
    expect(canceled).toMatchObject({
      id: before.find((endpoint) => endpoint.url === urlOf(changed))?.id,
      name: 'Cancellations',
      statuses: ['canceled', 'scheduled'],
      maxEventsPerDelivery: 5,
    });
    expect(after).toHaveLength(EVENT_FLOWS.length);
  });

  it('deactivating the flow removes its endpoint and nothing else', async () => {
    await activations.get('rescheduled')?.deactivate();
    const left = await endpoints();
    expect(left.map((endpoint) => endpoint.url)).toEqual(
      ['traveling', 'completed', 'canceled'].map((message) => urlOf(template(`${message}.json`))),
    );
    // Deactivating twice finds nothing to remove, and says nothing.
    await activations.get('rescheduled')?.deactivate();
    expect(await endpoints()).toEqual(left);
  });

  it('a trigger whose signing secret is not the plugin’s fails to activate, saying so, and registers nothing', async () => {
    const before = await endpoints();
    const otherSecret = createEngine({
      credentials: {
        enrouteApi: { url: host.url, apiToken: host.tokens.fullAccess },
        enrouteWebhookApi: { secret: 'not-the-plugins-secret-0123' },
      },
    });
    await expect(
      workflowActivation(otherSecret, template('rescheduled.json'), webhookBaseUrl).activate(),
    ).rejects.toThrow(/signing secret is not the one in the Enroute settings/);
    expect(await endpoints()).toEqual(before);
  });

  it('a read-only API token can neither read nor register endpoints', async () => {
    const readOnly = createEngine({
      credentials: {
        enrouteApi: { url: host.url, apiToken: host.tokens.readOnly },
        enrouteWebhookApi: { secret: WEBHOOK_SECRET },
      },
    });
    await expect(
      workflowActivation(readOnly, template('rescheduled.json'), webhookBaseUrl).activate(),
    ).rejects.toThrow(/HTTP 403/);
  });

  it('a version 1 trigger registers nothing: its endpoint is added by an admin, as before', async () => {
    const before = await endpoints();
    const flow = template('rescheduled.json');
    const trigger = flow.nodes.find((node) => node.type === 'n8n-nodes-enroute.enrouteTrigger');
    if (!trigger) throw new Error('the rescheduled flow has no trigger');
    trigger.typeVersion = 1;
    const activation = workflowActivation(engine, flow, webhookBaseUrl);
    await activation.activate();
    await activation.deactivate();
    expect(await endpoints()).toEqual(before);
  });
});
