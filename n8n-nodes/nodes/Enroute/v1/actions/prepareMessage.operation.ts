import {
  NodeOperationError,
  type IDataObject,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeProperties,
} from 'n8n-workflow';
import { batchOutputs, failureOf } from '../shared/output.ts';
import { clientFor } from '../shared/session.ts';

const show = { operation: ['prepareMessage'] };

export const description: INodeProperties[] = [
  {
    displayName: 'Message',
    name: 'messageType',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show },
    options: [
      {
        name: 'Canceled',
        value: 'canceled',
        description: 'The booking was canceled after a reminder',
      },
      { name: 'Completed', value: 'completed', description: 'The work is done' },
      {
        name: 'Request Declined',
        value: 'request-declined',
        description: 'A dispatcher declined the customer’s request for another time',
      },
      {
        name: 'Rescheduled',
        value: 'rescheduled',
        description: 'The start moved by more than the threshold after a reminder',
      },
      { name: 'Traveling', value: 'traveling', description: 'The technician is on the way' },
    ],
    default: 'traveling',
  },
  {
    displayName: 'Booking Event',
    name: 'event',
    type: 'json',
    displayOptions: { show },
    default: '={{ $json }}',
    description: 'The booking event from the Enroute Trigger',
  },
];

type EventMessage = 'traveling' | 'completed' | 'rescheduled' | 'canceled' | 'request-declined';

/** The item's booking event, as an object; the plugin checks the rest of its shape. */
function readEvent(context: IExecuteFunctions, itemIndex: number): IDataObject {
  const raw = context.getNodeParameter('event', itemIndex) as unknown;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new NodeOperationError(context.getNode(), 'Booking Event is not valid JSON', {
        itemIndex,
      });
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NodeOperationError(context.getNode(), 'Booking Event is not an object', {
      itemIndex,
      description: 'Point it at the Enroute Trigger’s output, e.g. {{ $json }}',
    });
  }
  return value as IDataObject;
}

/**
 * One request for the whole run: the plugin applies the rules to every event, claims, logs the
 * skips, issues the links and renders; the node hands the messages to its Email and SMS outputs.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const items = this.getInputData();
  const type = this.getNodeParameter('messageType', 0) as EventMessage;
  const events: IDataObject[] = [];
  const itemOfEvent: number[] = [];
  const refused: INodeExecutionData[] = [];
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    try {
      events.push(readEvent(this, itemIndex));
      itemOfEvent.push(itemIndex);
    } catch (error) {
      if (!this.continueOnFail())
        throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
      refused.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
    }
  }
  if (events.length === 0) return [refused, []];
  const client = await clientFor(this);
  let batch;
  try {
    batch = await client.prepareEvents(type, events);
  } catch (error) {
    if (this.continueOnFail()) {
      return [[...refused, ...itemOfEvent.map((item) => errorItem(error, item))], []];
    }
    throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: 0 });
  }
  const itemOf = (source: number) => itemOfEvent[source] ?? 0;
  const failure = failureOf(batch);
  if (failure && !this.continueOnFail()) {
    // The run stops here, so the messages prepared for the other events will not be sent by it:
    // logged failed with the reason, the next event of their kind prepares them again.
    const reason = `not sent: the run stopped on an error for ${failure}`.slice(0, 2000);
    const abandoned = [...batch.email, ...batch.sms].map(({ notificationId }) => ({
      notificationId,
      state: 'failed' as const,
      reason,
    }));
    if (abandoned.length > 0) await client.recordResults(abandoned);
    throw new NodeOperationError(this.getNode(), `Could not prepare a message for ${failure}`, {
      itemIndex: itemOf(batch.failed[0]?.source ?? 0),
    });
  }
  const { email, sms } = await batchOutputs(this, batch, itemOf);
  const failed = batch.failed.map((one) => errorItem(new Error(one.reason), itemOf(one.source)));
  return [[...refused, ...failed, ...email], sms];
}

function errorItem(error: unknown, item: number): INodeExecutionData {
  return { json: { error: (error as Error).message }, pairedItem: { item } };
}
