import type { IConnections, INode, IWorkflowSettings } from 'n8n-workflow';

/**
 * The message flows, built from one shape: trigger → Enroute prepare (one request to the
 * plugin for the whole run) → n8n's own Send Email and Twilio nodes, each given every message of
 * its branch at once → Enroute record delivery, every result in one request.
 *
 * A provider node sends its items one after another and answers one item per message, in order;
 * with On Error → Continue (regular output) a failed message is an item carrying its error. n8n
 * pairs the answers with the messages (the node's own pairedItem, or by position when a node
 * such as Twilio gives none), and Record Delivery walks those pairs back to the prepared message
 * in its own code: no Loop Over Items, no Edit Fields node, and no expression per message besides
 * the provider's own fields ($json.to, …). With a loop of one message at a time, each message
 * cost three node executions (loop, provider, Edit Fields) and four more expressions (two in Edit
 * Fields, two in Record Delivery); now the node executions are a few per batch.
 *
 * No n8n retry (Retry On Fail): n8n retries a node by running it again for all its items, which
 * would send the messages that went out a second time. A failed message is recorded failed with
 * the provider's reason, and the plugin prepares it again on the next run that calls for it.
 *
 * The reminder flow prepares a whole day's reminders at once, so it hands its messages on in
 * batches of REMINDER_BATCH_SIZE to executions of its own (Execute Workflow, this workflow, not
 * waiting): the batches are delivered side by side. A provider's round trip (an SMTP connection
 * per email in n8n's Send Email) then no longer adds up over thousands of messages; the batch
 * size is how many messages one provider connection sends in a row. A clone of the flow calls
 * itself too (`$workflow.id`), so changing provider stays one node.
 *
 * The SMS branch sits above the email branch: n8n (execution order v1) runs the topmost branch
 * first, and a text is what a customer waiting for the technician sees first.
 * `npm run workflows -w @enroute/n8n-flows` writes them to n8n-nodes/workflows/; a test keeps
 * them in step.
 */

export type EventMessage =
  'traveling' | 'completed' | 'rescheduled' | 'canceled' | 'request-declined';
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
/**
 * A provider node takes every message of its run and answers one item per message, in order, a
 * failed one as an item carrying its error: n8n pairs the answers with the messages. No retry:
 * n8n retries a node by running it again for all its items.
 */
const PROVIDER_SETTINGS = { onError: 'continueRegularOutput' as const };

export const NODE = {
  trigger: 'Booking Event',
  schedule: 'Every 5 Minutes',
  prepare: 'Prepare',
  smsBatches: 'SMS Batches',
  emailBatches: 'Email Batches',
  deliverSmsBatch: 'Deliver SMS Batch',
  deliverEmailBatch: 'Deliver Email Batch',
  batch: 'Batch to Deliver',
  emailOrSms: 'Email or SMS',
  email: 'Send Email',
  sms: 'Send SMS',
  recordEmail: 'Record Email Delivery',
  recordSms: 'Record SMS Delivery',
} as const;

/**
 * Messages per reminder batch: each batch is an execution of its own, and the batches run side by
 * side, so this is how many messages one provider connection sends one after another.
 */
export const REMINDER_BATCH_SIZE = 25;

/** Bookings looked at per request for due reminders. */
export const REMINDER_PAGE_SIZE = 25;

/**
 * Every delivery result of a branch in one request. The notification ID and the provider's
 * message ID are found by the node itself (the prepared message paired with each answer; the
 * answer's sid, messageId, …): no expression to evaluate per message.
 */
function recordNode(name: string, id: string, position: [number, number]): INode {
  return {
    id,
    name,
    type: 'n8n-nodes-enroute.enroute',
    typeVersion: 1,
    position,
    parameters: { operation: 'recordDelivery' },
    credentials: API_CREDENTIAL,
  };
}

function loopNode(name: string, id: string, position: [number, number], batchSize: number): INode {
  return {
    id,
    name,
    type: 'n8n-nodes-base.splitInBatches',
    typeVersion: 3,
    position,
    parameters: { batchSize, options: {} },
  };
}

/** The nodes that deliver prepared messages; `dy` moves them down the canvas. */
export function deliveryNodes(idPrefix: string, dy = 0): INode[] {
  return [
    {
      id: `${idPrefix}-email`,
      name: NODE.email,
      type: 'n8n-nodes-base.emailSend',
      typeVersion: 2.1,
      position: [600, 420 + dy],
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
      ...PROVIDER_SETTINGS,
    },
    {
      id: `${idPrefix}-sms`,
      name: NODE.sms,
      type: 'n8n-nodes-base.twilio',
      typeVersion: 1,
      position: [600, 200 + dy],
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
      ...PROVIDER_SETTINGS,
    },
    recordNode(NODE.recordEmail, `${idPrefix}-record-email`, [840, 420 + dy]),
    recordNode(NODE.recordSms, `${idPrefix}-record-sms`, [840, 200 + dy]),
  ];
}

function main(node: string, index = 0) {
  return { node, type: 'main' as const, index };
}

/** `source` has the email messages on its output 0 and the SMS on its output 1. */
export function deliveryConnections(source: string): IConnections {
  return {
    [source]: { main: [[main(NODE.email)], [main(NODE.sms)]] },
    // A provider's one output holds its answers and its failures alike: both are recorded.
    [NODE.email]: { main: [[main(NODE.recordEmail)]] },
    [NODE.sms]: { main: [[main(NODE.recordSms)]] },
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
      // Every few minutes: the plugin answers the reminders due now (each at its send time in its
      // own zone, quiet hours kept) and what waited for the end of quiet hours.
      parameters: { rule: { interval: [{ field: 'minutes', minutesInterval: 5 }] } },
    },
    {
      id: `${id}-prepare`,
      name: NODE.prepare,
      type: 'n8n-nodes-enroute.enroute',
      typeVersion: 1,
      position: [380, 300],
      // Small pages: each answer (rendered emails included) stays quick to write and to read.
      parameters: { operation: 'prepareReminders', pageSize: REMINDER_PAGE_SIZE },
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
  'request-declined': 'customer.reschedule_declined',
};

/** Stable webhook ids, so that an imported flow keeps its URL across imports. */
const webhookIds: Record<EventMessage, string> = {
  traveling: '5b0c8a31-6a0e-4b8e-9f51-1f3f6c0a7e01',
  completed: '5b0c8a31-6a0e-4b8e-9f51-1f3f6c0a7e02',
  rescheduled: '5b0c8a31-6a0e-4b8e-9f51-1f3f6c0a7e03',
  canceled: '5b0c8a31-6a0e-4b8e-9f51-1f3f6c0a7e04',
  'request-declined': '5b0c8a31-6a0e-4b8e-9f51-1f3f6c0a7e05',
};

export function eventTemplate(message: EventMessage): WorkflowTemplate {
  const words = message.split('-');
  const id = `enroute${words.map((word) => `${word[0]?.toUpperCase()}${word.slice(1)}`).join('')}`;
  return template(
    id,
    `Enroute: ${words.join(' ')}`,
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

/** The inbound SMS flow's node names. */
export const INBOUND = {
  webhook: 'Text Received',
  record: 'Record Reply',
  /** The flows' SMS node: a provider swap replaces it here as in the message flows. */
  answer: NODE.sms,
  forward: 'Forward to Office',
} as const;

/**
 * Customers who text back: the provider's inbound webhook (Twilio's form fields From, To, Body,
 * MessageSid) → Enroute *Record reply*, where the plugin decides (STOP, START, HELP or a reply)
 * → the same provider node as the message flows sends the answer (Answer output), n8n's Send
 * Email hands a reply to the office (Forward output). Changing provider is still one node: the
 * webhook's field names in Record Reply, and the node that sends the answer.
 */
export function inboundSmsTemplate(): WorkflowTemplate {
  const id = 'enrouteInboundSms';
  const nodes: INode[] = [
    {
      id: `${id}-webhook`,
      name: INBOUND.webhook,
      type: 'n8n-nodes-base.webhook',
      typeVersion: 2,
      position: [120, 300],
      webhookId: '5b0c8a31-6a0e-4b8e-9f51-1f3f6c0a7e10',
      // Twilio posts the message form-encoded and takes an empty answer as "nothing to say":
      // the answer goes out through the provider node below, as every other message does.
      parameters: {
        httpMethod: 'POST',
        path: 'enroute-inbound-sms',
        responseMode: 'onReceived',
        options: { noResponseBody: true },
      },
    },
    {
      id: `${id}-record`,
      name: INBOUND.record,
      type: 'n8n-nodes-enroute.enroute',
      typeVersion: 1,
      position: [380, 300],
      parameters: {
        operation: 'recordReply',
        from: '={{ $json.body.From }}',
        to: '={{ $json.body.To }}',
        text: '={{ $json.body.Body }}',
        providerMessageId: '={{ $json.body.MessageSid }}',
      },
      credentials: API_CREDENTIAL,
    },
    {
      id: `${id}-answer`,
      name: INBOUND.answer,
      type: 'n8n-nodes-base.twilio',
      typeVersion: 1,
      position: [600, 200],
      parameters: {
        resource: 'sms',
        operation: 'send',
        from: '={{ $json.from }}',
        to: '={{ $json.to }}',
        toWhatsapp: false,
        message: '={{ $json.body }}',
        options: {},
      },
      credentials: { twilioApi: { id: 'enroute-twilio', name: 'Twilio' } },
    },
    {
      id: `${id}-forward`,
      name: INBOUND.forward,
      type: 'n8n-nodes-base.emailSend',
      typeVersion: 2.1,
      position: [600, 420],
      parameters: {
        fromEmail: 'Enroute <notifications@example.com>',
        toEmail: '={{ $json.to }}',
        subject: '={{ $json.subject }}',
        emailFormat: 'text',
        text: '={{ $json.text }}',
        options: { appendAttribution: false },
      },
      credentials: { smtp: { id: 'enroute-smtp', name: 'SMTP' } },
    },
  ];
  return {
    id,
    name: 'Enroute: inbound SMS',
    nodes,
    connections: {
      [INBOUND.webhook]: { main: [[main(INBOUND.record)]] },
      [INBOUND.record]: { main: [[main(INBOUND.answer)], [main(INBOUND.forward)]] },
    },
    settings: SETTINGS,
    active: false,
    pinData: {},
    meta: { templateCredsSetupCompleted: false },
    tags: [],
  };
}

/** The customer requests flow's node names. */
export const CUSTOMER_REQUESTS = {
  trigger: 'Customer Answered',
  email: 'Email the Office',
} as const;

/** Where the customer requests flow writes: set it to the office's address after importing. */
export const OFFICE_ADDRESS = 'office@example.com';

const customerEvent = (booking: string) =>
  `{{ { "customer.confirmed": "The customer confirmed", "customer.reschedule_requested": "The customer asks for another time", "customer.cancel_requested": "The customer canceled", "customer.note": "The customer left a note for the technician" }[$json.type] }}: booking ${booking}`;

/**
 * What customers answer from their booking's page (confirm, another time, cancel, a note): the
 * Enroute Trigger on the `customer.*` events → n8n's Send Email to the office. A company routes
 * the requests to its own tools (a ticket, a chat) by swapping the email node. The note itself
 * never travels: the email says a note was left; the technician reads it in the app.
 */
export function customerRequestsTemplate(): WorkflowTemplate {
  const id = 'enrouteCustomerRequests';
  const booking = '{{ $json.booking.externalId ?? $json.booking.documentId }}';
  const request = '$json.booking.customer?.request';
  return {
    id,
    name: 'Enroute: customer requests',
    nodes: [
      {
        id: `${id}-trigger`,
        name: CUSTOMER_REQUESTS.trigger,
        type: 'n8n-nodes-enroute.enrouteTrigger',
        typeVersion: 2,
        position: [120, 300],
        webhookId: '5b0c8a31-6a0e-4b8e-9f51-1f3f6c0a7e20',
        parameters: {
          events: [
            'customer.confirmed',
            'customer.reschedule_requested',
            'customer.cancel_requested',
            'customer.note',
          ],
        },
        credentials: {
          enrouteWebhookApi: { id: 'enroute-webhook', name: 'Enroute Webhook' },
          ...API_CREDENTIAL,
        },
      },
      {
        id: `${id}-email`,
        name: CUSTOMER_REQUESTS.email,
        type: 'n8n-nodes-base.emailSend',
        typeVersion: 2.1,
        position: [380, 300],
        parameters: {
          fromEmail: 'Enroute <notifications@example.com>',
          toEmail: OFFICE_ADDRESS,
          subject: `=${customerEvent(booking)}`,
          emailFormat: 'text',
          text: [
            `=${customerEvent(booking)}`,
            'Starts: {{ $json.booking.start }} (status {{ $json.booking.status }})',
            `{{ $json.type === "customer.reschedule_requested" ? "Asked for: " + (${request}?.window ? ${request}.window.start + " – " + ${request}.window.end : ${request}?.preference) : "" }}`,
            'Answer a request in the Enroute admin, or with POST /api/enroute/bookings/{{ $json.booking.documentId }}/customer-request.',
          ].join('\n'),
          options: { appendAttribution: false },
        },
        credentials: { smtp: { id: 'enroute-smtp', name: 'SMTP' } },
      },
    ],
    connections: { [CUSTOMER_REQUESTS.trigger]: { main: [[main(CUSTOMER_REQUESTS.email)]] } },
    settings: SETTINGS,
    active: false,
    pinData: {},
    meta: { templateCredsSetupCompleted: false },
    tags: [],
  };
}

/** The delivery problems flow's node names. */
export const PROBLEMS = {
  schedule: 'Every 15 Minutes',
  check: 'Check Delivery Problems',
  alert: 'Above the Threshold',
  email: 'Email Operations',
} as const;

/**
 * Someone is told when deliveries go wrong: every 15 minutes, Enroute *Check delivery problems*
 * asks the plugin how many messages failed or expired and how many booking events died in the
 * window of its settings → when they reach the threshold and the settings name an operations
 * address, n8n's Send Email tells it. The admin pages show the same banner meanwhile.
 */
export function deliveryProblemsTemplate(): WorkflowTemplate {
  const id = 'enrouteDeliveryProblems';
  const counts =
    '{{ $json.failed }} failed, {{ $json.expired }} expired, {{ $json.dead }} booking events dead';
  return {
    id,
    name: 'Enroute: delivery problems',
    nodes: [
      {
        id: `${id}-schedule`,
        name: PROBLEMS.schedule,
        type: 'n8n-nodes-base.scheduleTrigger',
        typeVersion: 1.2,
        position: [120, 300],
        parameters: { rule: { interval: [{ field: 'minutes', minutesInterval: 15 }] } },
      },
      {
        id: `${id}-check`,
        name: PROBLEMS.check,
        type: 'n8n-nodes-enroute.enroute',
        typeVersion: 1,
        position: [380, 300],
        parameters: { operation: 'checkDeliveryProblems' },
        credentials: API_CREDENTIAL,
      },
      {
        id: `${id}-alert`,
        name: PROBLEMS.alert,
        type: 'n8n-nodes-base.if',
        typeVersion: 2.2,
        position: [600, 300],
        parameters: {
          conditions: {
            options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
            conditions: [
              {
                id: `${id}-is-alert`,
                leftValue: '={{ $json.alert && !!$json.operationsEmail }}',
                rightValue: '',
                operator: { type: 'boolean', operation: 'true', singleValue: true },
              },
            ],
            combinator: 'and',
          },
          options: {},
        },
      },
      {
        id: `${id}-email`,
        name: PROBLEMS.email,
        type: 'n8n-nodes-base.emailSend',
        typeVersion: 2.1,
        position: [840, 200],
        parameters: {
          fromEmail: 'Enroute <notifications@example.com>',
          toEmail: '={{ $json.operationsEmail }}',
          subject: `=Enroute delivery problems: ${counts}`,
          emailFormat: 'text',
          text: [
            `=In the last {{ $json.windowMinutes }} minutes: ${counts} (threshold {{ $json.threshold }}).`,
            'The notification log and the outbox backlog in the Enroute admin say which and why.',
          ].join('\n'),
          options: { appendAttribution: false },
        },
        credentials: { smtp: { id: 'enroute-smtp', name: 'SMTP' } },
      },
    ],
    connections: {
      [PROBLEMS.schedule]: { main: [[main(PROBLEMS.check)]] },
      [PROBLEMS.check]: { main: [[main(PROBLEMS.alert)]] },
      [PROBLEMS.alert]: { main: [[main(PROBLEMS.email)], []] },
    },
    settings: SETTINGS,
    active: false,
    pinData: {},
    meta: { templateCredsSetupCompleted: false },
    tags: [],
  };
}

export const templateFiles: Record<string, () => WorkflowTemplate> = {
  'delivery-problems.json': deliveryProblemsTemplate,
  'inbound-sms.json': inboundSmsTemplate,
  'reminder.json': reminderTemplate,
  'traveling.json': () => eventTemplate('traveling'),
  'completed.json': () => eventTemplate('completed'),
  'rescheduled.json': () => eventTemplate('rescheduled'),
  'canceled.json': () => eventTemplate('canceled'),
  'request-declined.json': () => eventTemplate('request-declined'),
  'customer-requests.json': customerRequestsTemplate,
};
