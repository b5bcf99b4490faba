import type { IConnections, INode, IWorkflowSettings } from 'n8n-workflow';

/**
 * The five message flows, built from one shape: trigger → Enroute prepare (one request to the
 * plugin for the whole run) → one message at a time (Loop Over Items) → n8n's own Send Email and
 * Twilio nodes (retried, failures on their error output) → the answer with its notification id →
 * next message; when the loop is done, Enroute record delivery writes every result in one request.
 *
 * The reminder flow prepares a whole day's reminders at once, so it hands its messages on in
 * batches to executions of its own (Execute Workflow, this workflow, not waiting): the batches
 * are delivered side by side, each one message at a time. A provider's round trip (an SMTP
 * connection per email in n8n's Send Email) then no longer adds up over thousands of messages.
 * A clone of the flow calls itself too (`$workflow.id`), so changing provider stays one node.
 *
 * The SMS branch sits above the email branch: n8n (execution order v1) runs the topmost branch
 * first, and a text is what a customer waiting for the technician sees first.
 *
 * One message per provider execution matters: n8n retries a node by running it again for all
 * its input items (which would send the messages that went out a second time), and provider
 * nodes that answer without paired items (Twilio's) would leave Record Delivery unable to tell
 * which prepared message an answer belongs to.
 * `npm run workflows -w @enroute/n8n-flows` writes them to n8n-nodes/workflows/; a test keeps
 * them in step.
 */

export type EventMessage = 'traveling' | 'completed' | 'rescheduled' | 'canceled';
export type WorkflowTemplate = {
  id: string;
  name: string;
  nodes: INode[];
  connections: IConnections;
  settings: IWorkflowSettings;
  active: false;
  pinData: Record<string, never>;
  meta: { templateCredsSetupCompleted: false };
  tags: [];
};

const API_CREDENTIAL = { enrouteApi: { id: 'enroute-api', name: 'Enroute API' } };
const PROVIDER_RETRY = {
  retryOnFail: true,
  maxTries: 3,
  waitBetweenTries: 1000,
  onError: 'continueErrorOutput' as const,
};

export const NODE = {
  trigger: 'Booking Event',
  schedule: 'Every Day at 10:00 UTC',
  prepare: 'Prepare',
  smsBatches: 'SMS Batches',
  emailBatches: 'Email Batches',
  deliverSmsBatch: 'Deliver SMS Batch',
  deliverEmailBatch: 'Deliver Email Batch',
  batch: 'Batch to Deliver',
  emailOrSms: 'Email or SMS',
  eachEmail: 'Each Email',
  eachSms: 'Each SMS',
  email: 'Send Email',
  sms: 'Send SMS',
  recordEmail: 'Record Email Delivery',
  recordSms: 'Record SMS Delivery',
  emailResult: 'Email Result',
  smsResult: 'SMS Result',
} as const;

/** Messages per reminder batch: each batch is an execution of its own, run side by side. */
export const REMINDER_BATCH_SIZE = 50;

/** Every delivery result of a branch in one request: the loop's "done" output holds them all. */
function recordNode(name: string, id: string, position: [number, number]): INode {
  return {
    id,
    name,
    type: 'n8n-nodes-enroute.enroute',
    typeVersion: 1,
    position,
    parameters: {
      operation: 'recordDelivery',
      notificationId: '={{ $json.notificationId }}',
      outcome: 'auto',
      providerMessageId:
        '={{ $json.sid ?? $json.messageId ?? $json.id ?? $json.messages?.[0]?.id ?? "" }}',
    },
    credentials: API_CREDENTIAL,
  };
}

/**
 * The provider's answer (or error) with the notification it belongs to, back into the loop: the
 * provider node answers for the one message it was given, whatever it says of paired items.
 */
function resultNode(name: string, id: string, position: [number, number], loop: string): INode {
  return {
    id,
    name,
    type: 'n8n-nodes-base.set',
    typeVersion: 3.4,
    position,
    parameters: {
      mode: 'manual',
      assignments: {
        assignments: [
          {
            id: `${id}-notification`,
            name: 'notificationId',
            value: `={{ $('${loop}').item.json.notificationId }}`,
            type: 'string',
          },
          {
            id: `${id}-provider`,
            name: 'provider',
            value: '={{ $prevNode.name }}',
            type: 'string',
          },
        ],
      },
      includeOtherFields: true,
      options: {},
    },
  };
}

function loopNode(name: string, id: string, position: [number, number], batchSize = 1): INode {
  return {
    id,
    name,
    type: 'n8n-nodes-base.splitInBatches',
    typeVersion: 3,
    position,
    parameters: { batchSize, options: {} },
  };
}

/** The nodes that deliver prepared messages one at a time; `dy` moves them down the canvas. */
export function deliveryNodes(idPrefix: string, dy = 0): INode[] {
  return [
    loopNode(NODE.eachEmail, `${idPrefix}-each-email`, [600, 420 + dy]),
    loopNode(NODE.eachSms, `${idPrefix}-each-sms`, [600, 200 + dy]),
    {
      id: `${idPrefix}-email`,
      name: NODE.email,
      type: 'n8n-nodes-base.emailSend',
      typeVersion: 2.1,
      position: [840, 420 + dy],
      parameters: {
        fromEmail: 'Enroute <notifications@example.com>',
        toEmail: '={{ $json.to }}',
        subject: '={{ $json.subject }}',
        emailFormat: 'both',
        text: '={{ $json.text }}',
        html: '={{ $json.html }}',
        options: { fileAttachments: 'ics', appendAttribution: false },
      },
      credentials: { smtp: { id: 'enroute-smtp', name: 'SMTP' } },
      ...PROVIDER_RETRY,
    },
    {
      id: `${idPrefix}-sms`,
      name: NODE.sms,
      type: 'n8n-nodes-base.twilio',
      typeVersion: 1,
      position: [840, 200 + dy],
      parameters: {
        resource: 'sms',
        operation: 'send',
        from: '+15005550006',
        to: '={{ $json.to }}',
        toWhatsapp: false,
        message: '={{ $json.body }}',
        options: {},
      },
      credentials: { twilioApi: { id: 'enroute-twilio', name: 'Twilio' } },
      ...PROVIDER_RETRY,
    },
    resultNode(NODE.emailResult, `${idPrefix}-email-result`, [1080, 420 + dy], NODE.eachEmail),
    resultNode(NODE.smsResult, `${idPrefix}-sms-result`, [1080, 200 + dy], NODE.eachSms),
    recordNode(NODE.recordEmail, `${idPrefix}-record-email`, [840, 640 + dy]),
    recordNode(NODE.recordSms, `${idPrefix}-record-sms`, [840, -20 + dy]),
  ];
}

function main(node: string, index = 0) {
  return { node, type: 'main' as const, index };
}

/** `source` has the email messages on its output 0 and the SMS on its output 1. */
export function deliveryConnections(source: string): IConnections {
  return {
    [source]: { main: [[main(NODE.eachEmail)], [main(NODE.eachSms)]] },
    // A loop's output 0 is "done" (every result, recorded at once), output 1 the next message.
    [NODE.eachEmail]: { main: [[main(NODE.recordEmail)], [main(NODE.email)]] },
    [NODE.eachSms]: { main: [[main(NODE.recordSms)], [main(NODE.sms)]] },
    // A provider's output 0 is success, output 1 the error output: both are recorded.
    [NODE.email]: { main: [[main(NODE.emailResult)], [main(NODE.emailResult)]] },
    [NODE.sms]: { main: [[main(NODE.smsResult)], [main(NODE.smsResult)]] },
    [NODE.emailResult]: { main: [[main(NODE.eachEmail)]] },
    [NODE.smsResult]: { main: [[main(NODE.eachSms)]] },
  };
}

const SETTINGS: IWorkflowSettings = {
  executionOrder: 'v1',
  timezone: 'UTC',
  saveManualExecutions: true,
};

function template(id: string, name: string, trigger: INode, prepare: INode): WorkflowTemplate {
  return {
    id,
    name,
    nodes: [trigger, prepare, ...deliveryNodes(id)],
    connections: {
      [trigger.name]: { main: [[main(NODE.prepare)]] },
      ...deliveryConnections(NODE.prepare),
    },
    settings: SETTINGS,
    active: false,
    pinData: {},
    meta: { templateCredsSetupCompleted: false },
    tags: [],
  };
}

/** Hands each batch of its input to a new execution of this same workflow, without waiting. */
function deliverBatchNode(name: string, id: string, position: [number, number]): INode {
  return {
    id,
    name,
    type: 'n8n-nodes-base.executeWorkflow',
    typeVersion: 1.2,
    position,
    parameters: {
      source: 'database',
      workflowId: { __rl: true, mode: 'id', value: '={{ $workflow.id }}' },
      workflowInputs: {
        mappingMode: 'defineBelow',
        value: {},
        matchingColumns: [],
        schema: [],
        attemptToConvertTypes: false,
        convertFieldsToString: true,
      },
      mode: 'once',
      options: { waitForSubWorkflow: false },
    },
  };
}

export function reminderTemplate(): WorkflowTemplate {
  const id = 'enrouteReminders';
  /** Where the batches start: a second trigger, below the first on the canvas. */
  const DY = 560;
  const nodes: INode[] = [
    {
      id: `${id}-schedule`,
      name: NODE.schedule,
      type: 'n8n-nodes-base.scheduleTrigger',
      typeVersion: 1.2,
      position: [120, 300],
      parameters: {
        rule: {
          interval: [{ field: 'days', daysInterval: 1, triggerAtHour: 10, triggerAtMinute: 0 }],
        },
      },
    },
    {
      id: `${id}-prepare`,
      name: NODE.prepare,
      type: 'n8n-nodes-enroute.enroute',
      typeVersion: 1,
      position: [380, 300],
      parameters: { operation: 'prepareReminders', pageSize: 100 },
      credentials: API_CREDENTIAL,
    },
    loopNode(NODE.emailBatches, `${id}-email-batches`, [600, 420], REMINDER_BATCH_SIZE),
    loopNode(NODE.smsBatches, `${id}-sms-batches`, [600, 200], REMINDER_BATCH_SIZE),
    deliverBatchNode(NODE.deliverEmailBatch, `${id}-deliver-email-batch`, [840, 420]),
    deliverBatchNode(NODE.deliverSmsBatch, `${id}-deliver-sms-batch`, [840, 200]),
    {
      id: `${id}-batch`,
      name: NODE.batch,
      type: 'n8n-nodes-base.executeWorkflowTrigger',
      typeVersion: 1.1,
      position: [120, 300 + DY],
      parameters: { inputSource: 'passthrough' },
    },
    {
      id: `${id}-email-or-sms`,
      name: NODE.emailOrSms,
      type: 'n8n-nodes-base.if',
      typeVersion: 2.2,
      position: [380, 300 + DY],
      parameters: {
        conditions: {
          options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
          conditions: [
            {
              id: `${id}-is-email`,
              leftValue: '={{ $json.channel }}',
              rightValue: 'email',
              operator: { type: 'string', operation: 'equals' },
            },
          ],
          combinator: 'and',
        },
        options: {},
      },
    },
    ...deliveryNodes(id, DY),
  ];
  return {
    id,
    name: 'Enroute: reminders',
    nodes,
    connections: {
      [NODE.schedule]: { main: [[main(NODE.prepare)]] },
      [NODE.prepare]: { main: [[main(NODE.emailBatches)], [main(NODE.smsBatches)]] },
      // A loop's output 0 is "done", output 1 the next batch, handed on without waiting.
      [NODE.emailBatches]: { main: [[], [main(NODE.deliverEmailBatch)]] },
      [NODE.smsBatches]: { main: [[], [main(NODE.deliverSmsBatch)]] },
      [NODE.deliverEmailBatch]: { main: [[main(NODE.emailBatches)]] },
      [NODE.deliverSmsBatch]: { main: [[main(NODE.smsBatches)]] },
      // Each batch, in an execution of its own: emails (true) and SMS, one at a time.
      [NODE.batch]: { main: [[main(NODE.emailOrSms)]] },
      ...deliveryConnections(NODE.emailOrSms),
    },
    settings: { ...SETTINGS, callerPolicy: 'workflowsFromSameOwner' },
    active: false,
    pinData: {},
    meta: { templateCredsSetupCompleted: false },
    tags: [],
  };
}

const eventOf: Record<EventMessage, string> = {
  traveling: 'booking.status_changed',
  completed: 'booking.status_changed',
  rescheduled: 'booking.rescheduled',
  canceled: 'booking.status_changed',
};

/** Stable webhook ids, so that an imported flow keeps its URL across imports. */
const webhookIds: Record<EventMessage, string> = {
  traveling: '5b0c8a31-6a0e-4b8e-9f51-1f3f6c0a7e01',
  completed: '5b0c8a31-6a0e-4b8e-9f51-1f3f6c0a7e02',
  rescheduled: '5b0c8a31-6a0e-4b8e-9f51-1f3f6c0a7e03',
  canceled: '5b0c8a31-6a0e-4b8e-9f51-1f3f6c0a7e04',
};

export function eventTemplate(message: EventMessage): WorkflowTemplate {
  const id = `enroute${message[0]?.toUpperCase()}${message.slice(1)}`;
  return template(
    id,
    `Enroute: ${message}`,
    {
      id: `${id}-trigger`,
      name: NODE.trigger,
      type: 'n8n-nodes-enroute.enrouteTrigger',
      // Registers its URL with the plugin when the flow is activated (with the Enroute API).
      typeVersion: 2,
      position: [120, 300],
      webhookId: webhookIds[message],
      // A status flow starts only for its own status: no execution for the other changes.
      parameters:
        eventOf[message] === 'booking.status_changed'
          ? { events: [eventOf[message]], statuses: [message] }
          : { events: [eventOf[message]] },
      credentials: {
        enrouteWebhookApi: { id: 'enroute-webhook', name: 'Enroute Webhook' },
        ...API_CREDENTIAL,
      },
    },
    {
      id: `${id}-prepare`,
      name: NODE.prepare,
      type: 'n8n-nodes-enroute.enroute',
      typeVersion: 1,
      position: [380, 300],
      parameters: { operation: 'prepareMessage', messageType: message, event: '={{ $json }}' },
      credentials: API_CREDENTIAL,
    },
  );
}

export const templateFiles: Record<string, () => WorkflowTemplate> = {
  'reminder.json': reminderTemplate,
  'traveling.json': () => eventTemplate('traveling'),
  'completed.json': () => eventTemplate('completed'),
  'rescheduled.json': () => eventTemplate('rescheduled'),
  'canceled.json': () => eventTemplate('canceled'),
};
