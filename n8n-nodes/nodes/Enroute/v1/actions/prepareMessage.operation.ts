import { BookingEvent } from 'strapi-plugin-enroute/contracts';
import {
  NodeOperationError,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeProperties,
} from 'n8n-workflow';
import { EnrouteApiError } from '../../transport/client.ts';
import { emitPrepared } from './emit.ts';
import { prepareBooking } from './prepare.ts';
import { openSession } from './session.ts';

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

type EventMessage = 'traveling' | 'completed' | 'rescheduled' | 'canceled';

function readEvent(context: IExecuteFunctions, itemIndex: number): BookingEvent {
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
  const parsed = BookingEvent.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new NodeOperationError(
      context.getNode(),
      'Booking Event is not an Enroute booking event',
      {
        itemIndex,
        description: problems.slice(0, 5).join('; '),
      },
    );
  }
  return parsed.data;
}

/** Events prepared at once when a run carries several (each is a few round trips to the plugin). */
const PREPARE_CONCURRENCY = 8;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const session = await openSession(this);
  return await emitPrepared(
    this,
    async (itemIndex) => {
      const type = this.getNodeParameter('messageType', itemIndex) as EventMessage;
      const event = readEvent(this, itemIndex);
      let context;
      try {
        context = await session.client.messageContext(event.booking.documentId);
      } catch (error) {
        // The booking was deleted after the event: there is no one left to tell.
        if (error instanceof EnrouteApiError && error.statusCode === 404) return [];
        throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
      }
      return [await prepareBooking(session, type, context, event)];
    },
    {
      stopOnFailure: true,
      concurrency: PREPARE_CONCURRENCY,
      abandon: async (notificationIds, reason) => {
        await Promise.all(
          notificationIds.map((id) => session.client.recordResult(id, { state: 'failed', reason })),
        );
      },
    },
  );
}
