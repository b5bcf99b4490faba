import type { RecordResult } from 'strapi-plugin-enroute/contracts';
import {
  NodeOperationError,
  type IDataObject,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeProperties,
  type IPairedItemData,
  type ISourceData,
} from 'n8n-workflow';
import { clientFor } from '../shared/session.ts';

const show = { operation: ['recordDelivery'] };

export const description: INodeProperties[] = [
  {
    displayName: 'Notification ID',
    name: 'notificationId',
    type: 'string',
    displayOptions: { show },
    default: '',
    placeholder: "={{ $('Prepare').item.json.notificationId }}",
    description:
      'The notification ID that the prepare operation gave this message. Leave empty to take it from the prepared message each item answers (its paired item), with no expression to evaluate per item.',
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
    default: '',
    placeholder: '={{ $json.sid }}',
    description:
      "The provider's ID for the message. Leave empty to take the answer's sid (Twilio), messageId (SMTP), ID or messages[0].ID, whichever it has.",
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
  const read = parametersOf(this);
  const source = inputSourceOf(this);
  const prepared = preparedMessages(this, source);
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    try {
      results.push({
        itemIndex,
        result: resultOf(this, itemIndex, read, prepared, source?.previousNode),
      });
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

/** Where the items came from; none when this node starts the run. */
function inputSourceOf(context: IExecuteFunctions): ISourceData | undefined {
  try {
    return context.getInputSourceData(0) ?? undefined;
  } catch {
    return undefined;
  }
}

type Parameters = {
  notificationId: (itemIndex: number) => string;
  outcome: (itemIndex: number) => 'auto' | 'sent' | 'failed';
  providerMessageId: (itemIndex: number) => string;
};

/**
 * The node's parameters per item. One that holds no expression has the same value for every
 * item: it is read once, so that a batch of thousands pays for it once.
 */
function parametersOf(context: IExecuteFunctions): Parameters {
  const raw = context.getNode().parameters;
  const perItem = <T>(name: string, fallback: T): ((itemIndex: number) => T) => {
    const value = raw[name];
    if (typeof value === 'string' && value.startsWith('=')) {
      return (itemIndex) => (context.getNodeParameter(name, itemIndex, fallback) ?? fallback) as T;
    }
    const once = (context.getNodeParameter(name, 0, fallback) ?? fallback) as T;
    return () => once;
  };
  const notificationId = perItem<unknown>('notificationId', '');
  const providerMessageId = perItem<unknown>('providerMessageId', '');
  return {
    notificationId: (itemIndex) => String(notificationId(itemIndex)).trim(),
    outcome: perItem<'auto' | 'sent' | 'failed'>('outcome', 'auto'),
    providerMessageId: (itemIndex) => String(providerMessageId(itemIndex)).trim(),
  };
}

/** n8n's own paired-item lookup (the one its engine uses for error outputs). */
type PairedItemLookup = (
  destinationNode: string,
  source: ISourceData,
  pairedItem: IPairedItemData,
) => INodeExecutionData | undefined;

type PreparedMessage = { notificationId: string; passedThrough: boolean };

/**
 * Finds, for each input item, the prepared message it answers: the item of the nearest earlier
 * node on its paired-item path that carries a notification ID (the provider node's input), or the
 * item itself when it carries one (an error output merges the message into the error).
 * `passedThrough`: the provider node handed on the message itself instead of an answer, which is
 * what n8n does with a node's input when the node failed as a whole and continues on failure.
 */
function preparedMessages(
  context: IExecuteFunctions,
  source: ISourceData | undefined,
): (itemIndex: number) => PreparedMessage | null {
  const items = context.getInputData();
  let lookup: { find: PairedItemLookup; ancestors: string[] } | null = null;
  const ancestry = () => {
    if (!lookup) {
      const find = context.getWorkflowDataProxy(0).$getPairedItem as PairedItemLookup;
      // The node right before this one gave the items themselves.
      const ancestors = context
        .getParentNodes(context.getNode().name)
        .map((node) => node.name)
        .filter((name) => name !== source?.previousNode);
      lookup = { find, ancestors };
    }
    return lookup;
  };
  return (itemIndex) => {
    const item = items[itemIndex];
    if (!item) return null;
    const own = notificationIdOf(item);
    if (source) {
      const { find, ancestors } = ancestry();
      for (const ancestor of ancestors) {
        let found: INodeExecutionData | undefined;
        try {
          found = find(ancestor, source, { item: itemIndex });
        } catch {
          continue; // not on this item's paired-item path (another branch), or no pairing
        }
        const notificationId = found ? notificationIdOf(found) : null;
        if (found && notificationId) {
          return { notificationId: own ?? notificationId, passedThrough: found.json === item.json };
        }
      }
    }
    return own ? { notificationId: own, passedThrough: false } : null;
  };
}

function notificationIdOf(item: INodeExecutionData): string | null {
  const { notificationId } = item.json;
  return typeof notificationId === 'string' && notificationId.trim() ? notificationId.trim() : null;
}

/** The provider's ID for a message, from the answers of the usual providers. */
function providerMessageIdOf(json: IDataObject): string {
  const { messages } = json;
  const first: unknown = Array.isArray(messages) ? messages[0] : undefined;
  const candidates: unknown[] = [
    json.sid,
    json.messageId,
    json.id,
    typeof first === 'object' && first !== null ? (first as IDataObject).id : undefined,
  ];
  const found = candidates.find(
    (value) => (typeof value === 'string' && value) || typeof value === 'number',
  );
  return found === undefined ? '' : String(found);
}

/**
 * One item's result. The provider named in a failure's reason is the item's `provider` (set by
 * a flow that collects results before recording them), else the node before this one.
 */
function resultOf(
  context: IExecuteFunctions,
  itemIndex: number,
  read: Parameters,
  prepared: (itemIndex: number) => PreparedMessage | null,
  previousNode: string | undefined,
): RecordResult {
  const json = context.getInputData()[itemIndex]?.json ?? {};
  const provider =
    typeof json.provider === 'string' && json.provider ? json.provider : previousNode;
  const given = read.notificationId(itemIndex);
  const message = given ? null : prepared(itemIndex);
  const notificationId = given || message?.notificationId;
  if (!notificationId) {
    throw new NodeOperationError(
      context.getNode(),
      'No notification ID: the item is not paired with a prepared message',
      {
        itemIndex,
        description:
          "Connect this node after the provider node that sends the prepared messages (On Error: Continue), or set Notification ID, e.g. {{ $('Prepare').item.json.notificationId }}",
      },
    );
  }
  const outcome = read.outcome(itemIndex);
  const error =
    providerError(json) ??
    (message?.passedThrough ? 'the node failed before answering for this message' : null);
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
  const providerMessageId = (read.providerMessageId(itemIndex) || providerMessageIdOf(json)).slice(
    0,
    255,
  );
  return {
    notificationId,
    state: 'sent',
    ...(providerMessageId ? { providerMessageId } : {}),
    providerResponse: json,
  };
}
