import type { RecordReplyRequest } from 'strapi-plugin-enroute/contracts';
import {
  NodeOperationError,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeProperties,
} from 'n8n-workflow';
import { clientFor } from '../shared/session.ts';

const show = { operation: ['recordReply'] };

/** Where each field is in the item n8n's Webhook node gives for Twilio's inbound webhook. */
export const description: INodeProperties[] = [
  {
    displayName: 'From',
    name: 'from',
    type: 'string',
    displayOptions: { show },
    default: '={{ $json.body.From }}',
    description: "The customer's number, in international format",
  },
  {
    displayName: 'To',
    name: 'to',
    type: 'string',
    displayOptions: { show },
    default: '={{ $json.body.To }}',
    description: 'The company number the customer wrote to: the answer is sent from it',
  },
  {
    displayName: 'Text',
    name: 'text',
    type: 'string',
    displayOptions: { show },
    default: '={{ $json.body.Body }}',
    description: 'What the customer wrote',
  },
  {
    displayName: 'Provider Message ID',
    name: 'providerMessageId',
    type: 'string',
    displayOptions: { show },
    default: '={{ $json.body.MessageSid }}',
    description:
      "The provider's ID of the incoming message: the same message delivered twice is acted on once",
  },
];

function field(context: IExecuteFunctions, name: string, itemIndex: number): string {
  const value = context.getNodeParameter(name, itemIndex, '') as unknown;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * Hands each text message to the plugin, which decides (STOP, START, HELP or a reply for the
 * office) and answers what to do: the text to send back goes to the Answer output, the reply to
 * forward to the Forward output. Nothing is decided here.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const items = this.getInputData();
  const client = await clientFor(this);
  const answers: INodeExecutionData[] = [];
  const forwards: INodeExecutionData[] = [];
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    const request: RecordReplyRequest = {
      from: field(this, 'from', itemIndex),
      to: field(this, 'to', itemIndex),
      body: field(this, 'text', itemIndex),
      providerMessageId: field(this, 'providerMessageId', itemIndex),
    };
    try {
      const { data } = await client.recordReply(request);
      const pairedItem = { item: itemIndex };
      // A message the provider delivered again was answered the first time.
      if (data.repeated) continue;
      if (data.answer) answers.push({ json: { kind: data.kind, ...data.answer }, pairedItem });
      if (data.forward) forwards.push({ json: { kind: data.kind, ...data.forward }, pairedItem });
    } catch (error) {
      if (!this.continueOnFail()) {
        throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
      }
      answers.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
    }
  }
  return [answers, forwards];
}
