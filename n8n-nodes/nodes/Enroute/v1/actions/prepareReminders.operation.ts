import type { MessageContext } from 'strapi-plugin-enroute/contracts';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { emitPrepared } from './emit.ts';
import { mapLimited } from './map-limited.ts';
import { prepareBooking } from './prepare.ts';
import { openSession } from './session.ts';

export const description: INodeProperties[] = [
  {
    displayName: 'Page Size',
    name: 'pageSize',
    type: 'number',
    typeOptions: { minValue: 1, maxValue: 500 },
    displayOptions: { show: { operation: ['prepareReminders'] } },
    default: 100,
    description: 'How many due bookings to ask the plugin for at a time',
  },
];

/** Bookings prepared at once: each is a few round trips to the plugin. */
const PREPARE_CONCURRENCY = 8;

/**
 * Reads every page of the plugin's due reminders first, then prepares them, several at once:
 * claiming takes a booking off the due list, so reading and claiming page by page would skip
 * bookings. The messages come out in the order of the due list.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const session = await openSession(this);
  return await emitPrepared(
    this,
    async (itemIndex) => {
      const pageSize = this.getNodeParameter('pageSize', itemIndex) as number;
      const due: MessageContext[] = [];
      for (let page = 1, pageCount = 1; page <= pageCount; page++) {
        const answer = await session.client.dueReminders(page, pageSize);
        pageCount = answer.meta.pageCount;
        due.push(...answer.data);
      }
      return await mapLimited(due, PREPARE_CONCURRENCY, (context) =>
        prepareBooking(session, 'reminder', context),
      );
    },
    // One booking that cannot be rendered (logged failed) does not hold back the others.
    { stopOnFailure: false },
  );
}
