import {
  NodeConnectionTypes,
  type ICredentialDataDecryptedObject,
  type ICredentialsDecrypted,
  type ICredentialTestFunctions,
  type IExecuteFunctions,
  type INodeCredentialTestResult,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeBaseDescription,
  type INodeTypeDescription,
} from 'n8n-workflow';
import { checkConnection } from '../transport/connection-check.ts';
import * as checkDeliveryProblems from './actions/checkDeliveryProblems.operation.ts';
import * as prepareMessage from './actions/prepareMessage.operation.ts';
import * as prepareReminders from './actions/prepareReminders.operation.ts';
import * as recordDelivery from './actions/recordDelivery.operation.ts';
import * as recordReply from './actions/recordReply.operation.ts';

const operations = {
  prepareMessage,
  prepareReminders,
  recordDelivery,
  recordReply,
  checkDeliveryProblems,
};
type Operation = keyof typeof operations;

const versionDescription: Omit<INodeTypeDescription, keyof INodeTypeBaseDescription> = {
  version: 1,
  defaults: { name: 'Enroute' },
  inputs: [NodeConnectionTypes.Main],
  outputs: `={{ $parameter.operation === "recordDelivery" || $parameter.operation === "checkDeliveryProblems" ? ["main"] : $parameter.operation === "recordReply" ? [{ "type": "main", "displayName": "Answer" }, { "type": "main", "displayName": "Forward" }] : [{ "type": "main", "displayName": "Email" }, { "type": "main", "displayName": "SMS" }] }}`,
  credentials: [{ name: 'enrouteApi', required: true, testedBy: 'enrouteApiConnection' }],
  properties: [
    {
      displayName: 'Operation',
      name: 'operation',
      type: 'options',
      noDataExpression: true,
      options: [
        {
          name: 'Check Delivery Problems',
          value: 'checkDeliveryProblems',
          action: 'Check for delivery problems',
          description:
            'Count the messages that failed or expired and the booking events that died lately, against the threshold in the settings',
        },
        {
          name: 'Prepare Message',
          value: 'prepareMessage',
          action: 'Prepare the messages for a booking event',
          description: 'Apply the message rules to a booking event and render what is to be sent',
        },
        {
          name: 'Prepare Reminders',
          value: 'prepareReminders',
          action: 'Prepare the due reminders',
          description: 'Page through the due bookings and render their reminders',
        },
        {
          name: 'Record Delivery',
          value: 'recordDelivery',
          action: 'Record a delivery',
          description: 'Write sent or failed, with the provider’s answer, to the notification log',
        },
        {
          name: 'Record Reply',
          value: 'recordReply',
          action: 'Record a customer reply',
          description:
            'Hand a text message a customer sent (STOP, START, HELP or a reply) to Enroute, and get what to answer and whether to forward it',
        },
      ],
      default: 'prepareMessage',
    },
    ...prepareMessage.description,
    ...prepareReminders.description,
    ...recordDelivery.description,
    ...recordReply.description,
    ...checkDeliveryProblems.description,
  ],
};

export class EnrouteV1 implements INodeType {
  // The icon files sit beside this file and beside the bundle in dist/nodes/Enroute/ alike.
  description: INodeTypeDescription = {
    displayName: 'Enroute',
    name: 'enroute',
    icon: { light: 'file:enroute.svg', dark: 'file:enroute.dark.svg' },
    group: ['transform'],
    subtitle: '={{ $parameter["operation"] }}',
    usableAsTool: true,
    description: 'Prepare Enroute’s reminders and booking messages, and record their delivery',
    ...versionDescription,
  };

  constructor(baseDescription: INodeTypeBaseDescription) {
    this.description = { ...baseDescription, ...this.description };
  }

  methods = {
    credentialTest: {
      async enrouteApiConnection(
        this: ICredentialTestFunctions,
        credential: ICredentialsDecrypted<ICredentialDataDecryptedObject>,
      ): Promise<INodeCredentialTestResult> {
        const { url, apiToken } = credential.data ?? {};
        const check = await checkConnection(String(url ?? ''), String(apiToken ?? ''));
        return check.ok
          ? { status: 'OK', message: 'Connected to the Enroute plugin' }
          : { status: 'Error', message: check.message };
      },
    },
  };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const operation = this.getNodeParameter('operation', 0) as Operation;
    return await operations[operation].execute.call(this);
  }
}
