import type { DeliveryResult } from 'strapi-plugin-enroute/contracts';
import {
  NodeOperationError,
  type IDataObject,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeProperties,
} from 'n8n-workflow';
import { clientFor } from './session.ts';

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
  {
    displayName: 'Prepared Message',
    name: 'preparedMessage',
    type: 'json',
    displayOptions: { show },
    default: '',
    placeholder: "={{ $('Prepare').item.json }}",
    description:
      'The message as the prepare operation gave it; its subject, HTML, text or SMS body are kept in the log to show what was sent',
  },
];

/** What the log keeps of a prepared message: the words the customer got. */
export function sentContent(prepared: unknown): DeliveryResult['content'] {
  let value = prepared;
  if (typeof value === 'string') {
    if (!value.trim()) return undefined;
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!value || typeof value !== 'object') return undefined;
  const content: NonNullable<DeliveryResult['content']> = {};
  for (const field of ['subject', 'html', 'text', 'body'] as const) {
    const text = (value as Record<string, unknown>)[field];
    if (typeof text === 'string') content[field] = text;
  }
  return Object.keys(content).length > 0 ? content : undefined;
}

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

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const items = this.getInputData();
  const { client } = await clientFor(this);
  const out: INodeExecutionData[] = [];
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    try {
      const json = items[itemIndex]?.json ?? {};
      const notificationId = String(
        this.getNodeParameter('notificationId', itemIndex) ?? '',
      ).trim();
      if (!notificationId) {
        throw new NodeOperationError(this.getNode(), 'Notification ID is empty', {
          itemIndex,
          description:
            "Point it at the prepare node’s notificationId, e.g. {{ $('Prepare').item.json.notificationId }}",
        });
      }
      const outcome = this.getNodeParameter('outcome', itemIndex) as 'auto' | 'sent' | 'failed';
      const error = providerError(json);
      const failed = outcome === 'failed' || (outcome === 'auto' && error !== null);
      const providerMessageId = String(
        this.getNodeParameter('providerMessageId', itemIndex, '') ?? '',
      );
      const provider = this.getInputSourceData(0)?.previousNode;
      const reason = [provider, error ?? 'marked failed'].filter(Boolean).join(': ');
      const content = sentContent(this.getNodeParameter('preparedMessage', itemIndex, ''));
      const result: DeliveryResult = failed
        ? { state: 'failed', reason: reason.slice(0, 2000), providerResponse: json, content }
        : {
            state: 'sent',
            ...(providerMessageId ? { providerMessageId: providerMessageId.slice(0, 255) } : {}),
            providerResponse: json,
            content,
          };
      const notification = await client.recordResult(notificationId, result);
      out.push({ json: { ...notification }, pairedItem: { item: itemIndex } });
    } catch (error) {
      if (this.continueOnFail()) {
        out.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
        continue;
      }
      // Wrapping keeps an existing NodeOperationError as it is.
      throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
    }
  }
  return [out];
}
