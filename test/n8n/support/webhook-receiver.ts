import type { IncomingHttpHeaders } from 'node:http';
import type { INode, IRun, IWebhookData, Workflow } from 'n8n-workflow';
import type { Engine, WorkflowJson } from './engine.ts';

export type WebhookAnswer = { status: number; body: unknown; run: Promise<IRun> | null };

/**
 * Plays n8n's webhook server for one active workflow: hands each request to the trigger node's
 * webhook() through n8n-core's own WebhookContext, answers as the node says, and starts the
 * workflow with the items the node returns. Static data lives on the one Workflow, as with an
 * active workflow in n8n.
 */
export function activateWebhookWorkflow(engine: Engine, json: WorkflowJson) {
  const workflow: Workflow = engine.workflowOf(json);
  const trigger = json.nodes.find(
    (node) => node.type === 'n8n-nodes-enroute.enrouteTrigger',
  ) as INode;
  const nodeType = engine.nodeTypes.getByNameAndVersion(trigger.type, trigger.typeVersion);
  const webhookDescription = nodeType.description.webhooks?.[0];
  if (!nodeType.webhook || !webhookDescription) throw new Error('the trigger has no webhook');
  const webhook = nodeType.webhook;

  async function receive(headers: IncomingHttpHeaders, rawBody: string): Promise<WebhookAnswer> {
    const { WebhookContext } = await import('n8n-core');
    const { additionalData } = await engine.additionalDataFor('webhook');
    let answered: { status: number; body: unknown } | null = null;
    const response = {
      statusCode: 200,
      status(code: number) {
        this.statusCode = code;
        return this;
      },
      json(body: unknown) {
        answered = { status: this.statusCode, body };
        return this;
      },
    };
    let parsedBody: unknown = null;
    try {
      parsedBody = JSON.parse(rawBody);
    } catch {
      // the node decides what to answer
    }
    Object.assign(additionalData, {
      httpRequest: {
        headers,
        rawBody: Buffer.from(rawBody),
        body: parsedBody,
        params: {},
        query: {},
        method: 'POST',
      },
      httpResponse: response,
    });
    const webhookData: IWebhookData = {
      httpMethod: 'POST',
      node: trigger.name,
      path: String(webhookDescription?.path),
      webhookDescription: webhookDescription!,
      workflowId: workflow.id,
      workflowExecuteAdditionalData: additionalData,
      webhookId: trigger.webhookId,
    };
    const context = new WebhookContext(
      workflow,
      trigger,
      additionalData,
      'webhook',
      webhookData,
      [],
      null,
    );
    const result = await webhook.call(context);
    if (result.noWebhookResponse) {
      const sent = answered as { status: number; body: unknown } | null;
      return { status: sent?.status ?? 500, body: sent?.body ?? null, run: null };
    }
    if (!result.workflowData)
      return { status: 200, body: result.webhookResponse ?? null, run: null };
    const items = result.workflowData[0] ?? [];
    // n8n answers when the run is over (responseMode lastNode, no data): 500 when it failed.
    const run = await engine.run({ ...json, staticData: workflow.staticData }, items, 'webhook');
    return {
      status: run.data.resultData.error ? 500 : 200,
      body: null,
      run: Promise.resolve(run),
    };
  }

  return { receive, workflow };
}
