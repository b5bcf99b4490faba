import type { INode, IWebhookData, WorkflowActivateMode, WorkflowExecuteMode } from 'n8n-workflow';
import type { Engine, WorkflowJson } from './engine.ts';

const TRIGGER_TYPE = 'n8n-nodes-enroute.enrouteTrigger';

/**
 * Plays what n8n's server does when a workflow with the Enroute Trigger is activated and
 * deactivated (its WebhookService: `createWebhookIfNotExists` runs the trigger's `checkExists`
 * and `create` when that answers false; `deleteWebhook` runs `delete`), through n8n-core's own
 * HookContext: the node's webhook URL, its credentials and HTTP helper are n8n's.
 * `webhookBaseUrl` is n8n's `<WEBHOOK_URL>/webhook`.
 */
export function workflowActivation(engine: Engine, json: WorkflowJson, webhookBaseUrl: string) {
  const workflow = engine.workflowOf(json);
  const trigger = json.nodes.find((node) => node.type === TRIGGER_TYPE) as INode;
  const nodeType = engine.nodeTypes.getByNameAndVersion(trigger.type, trigger.typeVersion);
  const description = nodeType.description.webhooks?.[0];
  const methods = description ? nodeType.webhookMethods?.[description.name] : undefined;
  if (!description || !methods) throw new Error('the trigger has no webhook methods');

  async function hookContext(mode: WorkflowExecuteMode, activation: WorkflowActivateMode) {
    const { HookContext } = await import('n8n-core');
    const { additionalData } = await engine.additionalDataFor('activation');
    Object.assign(additionalData, {
      webhookBaseUrl,
      webhookTestBaseUrl: webhookBaseUrl.replace(/\/webhook$/, '/webhook-test'),
    });
    const webhookData: IWebhookData = {
      httpMethod: 'POST',
      node: trigger.name,
      path: `${trigger.webhookId}/${String(description?.path)}`,
      webhookDescription: description!,
      workflowId: workflow.id,
      workflowExecuteAdditionalData: additionalData,
      webhookId: trigger.webhookId,
      isTest: mode === 'manual',
    };
    return new HookContext(workflow, trigger, additionalData, mode, activation, webhookData);
  }

  return {
    workflow,
    /** n8n's activation (`activate`), or its start with the workflow active (`init`). */
    async activate(activation: WorkflowActivateMode = 'activate'): Promise<void> {
      const context = await hookContext('trigger', activation);
      if (!(await methods.checkExists.call(context))) await methods.create.call(context);
    },
    async deactivate(): Promise<void> {
      await methods.delete.call(await hookContext('trigger', 'activate'));
    },
  };
}
