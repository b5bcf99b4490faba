import type { INode } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE, type WorkflowTemplate } from '../workflows/templates.ts';
import { listen, readBody, type LocalServer } from '../support/http-server.ts';
import {
  PORTAL,
  removeUserFolder,
  startFlowEnvironment,
  statusChange,
  template,
  type FlowEnvironment,
} from './environment.ts';

/**
 * n8n's Send Email cannot set headers, so the emails of the shipped flows go without
 * List-Unsubscribe. The README's way to send them: clone the flow and replace Send Email with a
 * node that can, here n8n's SendGrid node against a local server answering SendGrid's v3 API.
 */
const SENDGRID_ORIGIN = 'https://api.sendgrid.com';
const SENDGRID_KEY = 'SG.test-key';
type SendGridMail = {
  personalizations: { to: { email: string }[] }[];
  headers?: Record<string, string>;
};
const received: SendGridMail[] = [];
let sendgrid: LocalServer;
let env: FlowEnvironment;

beforeAll(async () => {
  sendgrid = await listen(async (request, response) => {
    const body = JSON.parse(await readBody(request)) as SendGridMail;
    if (
      request.url !== '/v3/mail/send' ||
      request.headers.authorization !== `Bearer ${SENDGRID_KEY}`
    ) {
      response.writeHead(401).end();
      return;
    }
    received.push(body);
    response.writeHead(202, { 'x-message-id': `sg-${received.length}` }).end();
  });
  env = await startFlowEnvironment();
  env.engine.addProvider(
    { sendGridApi: { apiKey: SENDGRID_KEY } },
    { origin: SENDGRID_ORIGIN, local: sendgrid.url },
  );
}, 180_000);

afterAll(async () => {
  await Promise.all([env?.close(), sendgrid?.close()]);
  removeUserFolder();
});

function withSendGrid(original: WorkflowTemplate): WorkflowTemplate {
  const replace = (node: INode): INode => ({
    ...node,
    type: 'n8n-nodes-base.sendGrid',
    typeVersion: 1,
    parameters: {
      resource: 'mail',
      operation: 'send',
      fromEmail: 'notifications@example.com',
      fromName: 'Enroute',
      toEmail: '={{ $json.to }}',
      subject: '={{ $json.subject }}',
      contentType: 'text/html',
      contentValue: '={{ $json.html }}',
      additionalFields: {
        headers: {
          details: [
            { key: 'List-Unsubscribe', value: "={{ $json.headers['List-Unsubscribe'] }}" },
            {
              key: 'List-Unsubscribe-Post',
              value: "={{ $json.headers['List-Unsubscribe-Post'] }}",
            },
          ],
        },
      },
    },
    credentials: { sendGridApi: { id: 'enroute-sendgrid', name: 'SendGrid' } },
  });
  return {
    ...original,
    id: `${original.id}-sendgrid`,
    name: `${original.name} (SendGrid)`,
    nodes: original.nodes.map((node) => (node.name === NODE.email ? replace(node) : node)),
  };
}

describe('List-Unsubscribe with an email node that sets headers', () => {
  it('goes out with every email of a clone whose email node is SendGrid, and the delivery is recorded', async () => {
    const booking = await env.plugin.booking('sendgrid', 1, { status: 'traveling' });
    const run = await env.engine.run(
      withSendGrid(template('traveling.json')),
      [{ json: statusChange(booking, 'scheduled', 'traveling') }],
      'webhook',
    );
    expect(run.status).toBe('success');
    expect(received).toHaveLength(1);
    const headers = received[0]?.headers ?? {};
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(headers['List-Unsubscribe']).toMatch(
      new RegExp(`^<${PORTAL.replaceAll('.', '\\.')}/u/[\\w-]+\\.[\\w-]{22}>$`),
    );
    const email = (await env.plugin.notifications(booking)).find((n) => n.channel === 'email');
    expect(email).toMatchObject({ state: 'sent', providerMessageId: 'sg-1' });
  });
});
