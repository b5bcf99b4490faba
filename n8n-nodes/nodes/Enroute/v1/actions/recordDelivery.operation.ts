import type { RecordResult } from 'strapi-plugin-enroute/contracts';
import {
  NodeOperationError,
  type IDataObject,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeProperties,
} from 'n8n-workflow';
import { clientFor } from '../shared/session.ts';

const show = { operation: ['recordDelivery'] };

export const description: INodeProperties[] = [
  {
    displayName: 'Notification ID',
    name: 'notificationId',
    type: 'string',
    required: true,
    displayOptions: { show },
    default: '',
    placeholder: "={{ $('Prepare').item.json.notificationId }}",
    description: 'The notification ID that the prepare operation gave this message',
  },
  {
    displayName: 'Outcome',
    name: 'outcome',
    type: 'options',
    displayOptions: { show },
    options: [
      {
        name: 'From the Provider Node',
        value: 'auto',
        description: 'Failed when the incoming item carries an error, sent otherwise',
      },
      { name: 'Sent', value: 'sent' },
      { name: 'Failed', value: 'failed' },
    ],
    default: 'auto',
  },
  {
    displayName: 'Provider Message ID',
    name: 'providerMessageId',
    type: 'string',
    displayOptions: { show },
    default: '={{ $json.sid ?? $json.messageId ?? $json.id ?? $json.messages?.[0]?.id ?? "" }}',
    description: "The provider's ID for the message: Twilio's sid, the SMTP message ID, …",
  },
];

/** The provider node's error, as n8n passes it on: a string, or an object with a message. */
export function providerError(json: IDataObject): string | null {
  const { error } = json;
  if (error === undefined || error === null || error === false) return null;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && 'message' in error) {
    const { message, description } = error as { message?: unknown; description?: unknown };
    return [message, description].filter((part) => typeof part === 'string' && part).join(': ');
  }
  return JSON.stringify(error);
}

/** Results recorded per request; a run with more sends several. */
const RESULTS_PER_REQUEST = 500;

/**
 * Every item's delivery result in one request to the plugin (per 500). A result the plugin cannot
 * record (an unknown notification, one already recorded) fails its item, or gives an error item
 * when the node continues on failure; the others are recorded all the same.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const items = this.getInputData();
  const out: INodeExecutionData[] = [];
  const results: { itemIndex: number; result: RecordResult }[] = [];
  const previousNode = this.getInputSourceData(0)?.previousNode;
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    try {
      results.push({ itemIndex, result: resultOf(this, itemIndex, previousNode) });
    } catch (error) {
      if (!this.continueOnFail()) {
        throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
      }
      out.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
    }
  }
  const client = await clientFor(this);
  for (let start = 0; start < results.length; start += RESULTS_PER_REQUEST) {
    const chunk = results.slice(start, start + RESULTS_PER_REQUEST);
    const answer = await client.recordResults(chunk.map(({ result }) => result));
    const refused = new Map(answer.errors.map((error) => [error.index, error]));
    let recorded = 0;
    for (const [index, { itemIndex }] of chunk.entries()) {
      const error = refused.get(index);
      if (!error) {
        out.push({ json: { ...answer.data[recorded++] }, pairedItem: { item: itemIndex } });
        continue;
      }
      const message = `Enroute could not record the result (HTTP ${error.status}): ${error.message}`;
      if (!this.continueOnFail()) {
        throw new NodeOperationError(this.getNode(), message, { itemIndex });
      }
      out.push({ json: { error: message }, pairedItem: { item: itemIndex } });
    }
  }
  return [out];
}

/**
 * One item's result. The provider named in a failure's reason is the item's `provider` (set by
 * the flow where results are collected before they are recorded), else the node before this one.
 */
function resultOf(
  context: IExecuteFunctions,
  itemIndex: number,
  previousNode: string | undefined,
): RecordResult {
  const json = context.getInputData()[itemIndex]?.json ?? {};
  const provider =
    typeof json.provider === 'string' && json.provider ? json.provider : previousNode;
  const notificationId = String(context.getNodeParameter('notificationId', itemIndex) ?? '').trim();
  if (!notificationId) {
    throw new NodeOperationError(context.getNode(), 'Notification ID is empty', {
      itemIndex,
      description:
        "Point it at the prepare node’s notificationId, e.g. {{ $('Prepare').item.json.notificationId }}",
    });
  }
  const outcome = context.getNodeParameter('outcome', itemIndex) as 'auto' | 'sent' | 'failed';
  const error = providerError(json);
  const failed = outcome === 'failed' || (outcome === 'auto' && error !== null);
  if (failed) {
    const reason = [provider, error ?? 'marked failed'].filter(Boolean).join(': ');
    return {
      notificationId,
      state: 'failed',
      reason: reason.slice(0, 2000),
      providerResponse: json,
    };
  }
  const providerMessageId = String(
    context.getNodeParameter('providerMessageId', itemIndex, '') ?? '',
  ).slice(0, 255);
  return {
    notificationId,
    state: 'sent',
    ...(providerMessageId ? { providerMessageId } : {}),
    providerResponse: json,
  };
}
