import type { IConnections, INode, IWorkflowSettings } from 'n8n-workflow';

/**
 * The five message flows, built from one shape: trigger → Enroute prepare → one message at a
 * time (Loop Over Items) → n8n's own Send Email and Twilio nodes (retried, failures on their
 * error output) → Enroute record delivery → next message.
 *
 * The SMS branch sits above the email branch: n8n (execution order v1) runs the topmost branch
 * first, and a text is what a customer waiting for the technician sees first.
 *
 * One message per provider execution matters: n8n retries a node by running it again for all
 * its input items (which would send the messages that went out a second time), and provider
 * nodes that answer without paired items (Twilio's) would leave Record Delivery unable to tell
 * which prepared message an answer belongs to.
 * `npm run workflows -w n8n-nodes-enroute` writes them to workflows/; a test keeps them in step.
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
  eachEmail: 'Each Email',
  eachSms: 'Each SMS',
  email: 'Send Email',
  sms: 'Send SMS',
  recordEmail: 'Record Email Delivery',
  recordSms: 'Record SMS Delivery',
} as const;

function recordNode(name: string, id: string, position: [number, number]): INode {
  return {
    id,
    name,
    type: 'n8n-nodes-enroute.enroute',
    typeVersion: 1,
    position,
    parameters: {
      operation: 'recordDelivery',
      notificationId: `={{ $('${NODE.prepare}').item.json.notificationId }}`,
      outcome: 'auto',
      providerMessageId:
        '={{ $json.sid ?? $json.messageId ?? $json.id ?? $json.messages?.[0]?.id ?? "" }}',
      preparedMessage: `={{ $('${NODE.prepare}').item.json }}`,
    },
    credentials: API_CREDENTIAL,
  };
}

function loopNode(name: string, id: string, position: [number, number]): INode {
  return {
    id,
    name,
    type: 'n8n-nodes-base.splitInBatches',
    typeVersion: 3,
    position,
    parameters: { batchSize: 1, options: {} },
  };
}

export function deliveryNodes(idPrefix: string): INode[] {
  return [
    loopNode(NODE.eachEmail, `${idPrefix}-each-email`, [600, 420]),
    loopNode(NODE.eachSms, `${idPrefix}-each-sms`, [600, 200]),
    {
      id: `${idPrefix}-email`,
      name: NODE.email,
      type: 'n8n-nodes-base.emailSend',
      typeVersion: 2.1,
      position: [840, 420],
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
      position: [840, 200],
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
    recordNode(NODE.recordEmail, `${idPrefix}-record-email`, [1080, 420]),
    recordNode(NODE.recordSms, `${idPrefix}-record-sms`, [1080, 200]),
  ];
}

function main(node: string, index = 0) {
  return { node, type: 'main' as const, index };
}

export function deliveryConnections(): IConnections {
  return {
    [NODE.prepare]: { main: [[main(NODE.eachEmail)], [main(NODE.eachSms)]] },
    // A loop's output 0 is "done" (nothing left to do), output 1 the next message.
    [NODE.eachEmail]: { main: [[], [main(NODE.email)]] },
    [NODE.eachSms]: { main: [[], [main(NODE.sms)]] },
    // A provider's output 0 is success, output 1 the error output: both are recorded.
    [NODE.email]: { main: [[main(NODE.recordEmail)], [main(NODE.recordEmail)]] },
    [NODE.sms]: { main: [[main(NODE.recordSms)], [main(NODE.recordSms)]] },
    [NODE.recordEmail]: { main: [[main(NODE.eachEmail)]] },
    [NODE.recordSms]: { main: [[main(NODE.eachSms)]] },
  };
}

function template(id: string, name: string, trigger: INode, prepare: INode): WorkflowTemplate {
  return {
    id,
    name,
    nodes: [trigger, prepare, ...deliveryNodes(id)],
    connections: { [trigger.name]: { main: [[main(NODE.prepare)]] }, ...deliveryConnections() },
    settings: { executionOrder: 'v1', timezone: 'UTC', saveManualExecutions: true },
    active: false,
    pinData: {},
    meta: { templateCredsSetupCompleted: false },
    tags: [],
  };
}

export function reminderTemplate(): WorkflowTemplate {
  return template(
    'enrouteReminders',
    'Enroute: reminders',
    {
      id: 'enrouteReminders-schedule',
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
      id: 'enrouteReminders-prepare',
      name: NODE.prepare,
      type: 'n8n-nodes-enroute.enroute',
      typeVersion: 1,
      position: [380, 300],
      parameters: { operation: 'prepareReminders', pageSize: 100 },
      credentials: API_CREDENTIAL,
    },
  );
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
      typeVersion: 1,
      position: [120, 300],
      webhookId: webhookIds[message],
      // A status flow starts only for its own status: no execution for the other changes.
      parameters:
        eventOf[message] === 'booking.status_changed'
          ? { events: [eventOf[message]], statuses: [message] }
          : { events: [eventOf[message]] },
      credentials: { enrouteWebhookApi: { id: 'enroute-webhook', name: 'Enroute Webhook' } },
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
