import type { INode } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE, type WorkflowTemplate } from '../workflows/templates.ts';
import { listen, readBody, sendJson, type LocalServer } from '../support/http-server.ts';
import { SEVEN_ORIGIN, startSevenStandin, type SevenStandin } from '../support/seven-standin.ts';
import {
  TWILIO_SID,
  removeUserFolder,
  startFlowEnvironment,
  statusChange,
  template,
  type FlowEnvironment,
  type PluginBooking,
} from './environment.ts';

/** A generic SMS gateway: POST JSON { to, text } with an X-Api-Key header, answers { id }. */
const GATEWAY_KEY = 'gateway-key-123';
const SEVEN_KEY = 'seven-key-456';
const gatewayReceived: { to: string; text: string }[] = [];
let gateway: LocalServer;
let seven: SevenStandin;
let env: FlowEnvironment;
const bookings: Record<string, PluginBooking> = {};

const PORTAL_LINK = /https:\/\/track\.example\.com\/t\/[A-Za-z0-9_-]{22,}/;

beforeAll(async () => {
  gateway = await listen(async (request, response) => {
    const body = JSON.parse(await readBody(request)) as { to: string; text: string };
    if (request.headers['x-api-key'] !== GATEWAY_KEY)
      return sendJson(response, 401, { error: 'bad key' });
    gatewayReceived.push(body);
    sendJson(response, 202, { id: `gw-${gatewayReceived.length}`, status: 'accepted' });
  });
  seven = await startSevenStandin(SEVEN_KEY);
  env = await startFlowEnvironment();
  for (const id of ['gateway', 'seven', 'twilio-http']) {
    bookings[id] = await env.plugin.booking(id, 1, { status: 'traveling' });
  }
  env.engine.addProvider({ httpHeaderAuth: { name: 'X-Api-Key', value: GATEWAY_KEY } });
  env.engine.addProvider(
    { sms77Api: { apiKey: SEVEN_KEY } },
    { origin: SEVEN_ORIGIN, local: seven.url },
  );
}, 180_000);

afterAll(async () => {
  await Promise.all([env?.close(), gateway?.close(), seven?.close()]);
  removeUserFolder();
});

/** What the README tells an admin to do: duplicate the flow and replace its SMS node. */
function cloneWithSmsNode(name: string, replace: (twilio: INode) => INode): WorkflowTemplate {
  const original = template('traveling.json');
  return {
    ...original,
    id: `${original.id}-${name.toLowerCase().replace(/\W+/g, '-')}`,
    name: `${original.name} (${name})`,
    nodes: original.nodes.map((node) => (node.name === NODE.sms ? replace(node) : node)),
  };
}

async function runTraveling(flow: WorkflowTemplate, id: string) {
  const booking = bookings[id]!;
  const event = statusChange(booking, 'scheduled', 'traveling');
  const run = await env.engine.run(flow, [{ json: event }], 'webhook');
  expect(run.status).toBe('success');
  return env.plugin.notifications(booking);
}

describe('a clone of the traveling flow with another SMS provider', () => {
  it('n8n’s seven node in place of Twilio: the SMS goes through seven and is logged sent with its id', async () => {
    const clone = cloneWithSmsNode('seven', (twilio) => ({
      ...twilio,
      type: 'n8n-nodes-base.sms77',
      typeVersion: 1,
      parameters: {
        resource: 'sms',
        operation: 'send',
        from: 'Enroute',
        to: '={{ $json.to }}',
        message: '={{ $json.body }}',
        options: {},
      },
      credentials: { sms77Api: { id: 'seven', name: 'seven' } },
    }));

    const log = await runTraveling(clone, 'seven');
    expect(seven.messages).toHaveLength(1);
    expect(seven.messages[0]).toMatchObject({ to: '+14155552671', from: 'Enroute' });
    expect(seven.messages[0]?.text).toMatch(PORTAL_LINK);
    expect(log.find((n) => n.channel === 'sms')).toMatchObject({
      state: 'sent',
      providerMessageId: '77229135983',
    });
    expect(log.find((n) => n.channel === 'email')?.state).toBe('sent');
    expect(env.twilio.messages).toHaveLength(0);
  });

  it('an HTTP Request to a generic gateway in place of Twilio: sends and records through the gateway', async () => {
    const clone = cloneWithSmsNode('SMS gateway', (twilio) => ({
      ...twilio,
      type: 'n8n-nodes-base.httpRequest',
      typeVersion: 4.2,
      parameters: {
        method: 'POST',
        url: `${gateway.url}/messages`,
        authentication: 'genericCredentialType',
        genericAuthType: 'httpHeaderAuth',
        sendBody: true,
        specifyBody: 'json',
        jsonBody: '={{ JSON.stringify({ to: $json.to, text: $json.body }) }}',
        options: {},
      },
      credentials: { httpHeaderAuth: { id: 'gateway', name: 'SMS gateway' } },
    }));

    const log = await runTraveling(clone, 'gateway');
    expect(gatewayReceived).toEqual([
      { to: '+14155552671', text: expect.stringMatching(PORTAL_LINK) },
    ]);
    expect(log.find((n) => n.channel === 'sms')).toMatchObject({
      state: 'sent',
      providerMessageId: 'gw-1',
    });
    expect(env.twilio.messages).toHaveLength(0);
  });

  it('an HTTP Request to Twilio’s API in place of the Twilio node: a failure is logged with Twilio’s own error', async () => {
    const clone = cloneWithSmsNode('Twilio over HTTP', (twilio) => ({
      ...twilio,
      type: 'n8n-nodes-base.httpRequest',
      typeVersion: 4.2,
      parameters: {
        method: 'POST',
        url: `https://api.twilio.com/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`,
        authentication: 'predefinedCredentialType',
        nodeCredentialType: 'twilioApi',
        sendBody: true,
        contentType: 'form-urlencoded',
        bodyParameters: {
          parameters: [
            { name: 'To', value: '={{ $json.to }}' },
            { name: 'From', value: '+15005550006' },
            { name: 'Body', value: '={{ $json.body }}' },
          ],
        },
        options: {},
      },
    }));
    env.twilio.failNext(1);

    const log = await runTraveling(clone, 'twilio-http');
    const sms = log.find((n) => n.channel === 'sms');
    expect(sms?.state).toBe('failed');
    expect(sms?.reason).toContain('the carrier gateway is down');
  });
});
