import type { PreparedBatch } from 'strapi-plugin-enroute/contracts';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { batchOutputs } from '../shared/output.ts';
import { clientFor } from '../shared/session.ts';

export const description: INodeProperties[] = [
  {
    displayName: 'Page Size',
    name: 'pageSize',
    type: 'number',
    typeOptions: { minValue: 1, maxValue: 500 },
    displayOptions: { show: { operation: ['prepareReminders'] } },
    default: 25,
    description: 'How many bookings the plugin looks at per request',
  },
  {
    displayName: 'Cursor',
    name: 'cursor',
    type: 'string',
    displayOptions: { show: { operation: ['prepareReminders'] } },
    default: '={{ $json.cursor }}',
    description:
      'Where the page starts: empty for the first page of a run. The Next Page output carries the cursor of the page after this one; connect it back to this node to go through every page.',
  },
];

/**
 * Asks the plugin for one page of the reminders due now per input item: each page comes back
 * prepared (claimed, skips logged, rendered) and says where the next one starts. The page's
 * messages leave on Email and SMS while the next page is still to be asked for, so a flow that
 * loops Next Page back to this node hands each page to its providers as soon as it is ready.
 * A booking whose messages could not be rendered is logged failed by the plugin and does not
 * hold back the others.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const client = await clientFor(this);
  const email: INodeExecutionData[] = [];
  const sms: INodeExecutionData[] = [];
  const next: INodeExecutionData[] = [];
  const items = this.getInputData();
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    const limit = this.getNodeParameter('pageSize', itemIndex) as number;
    const given = this.getNodeParameter('cursor', itemIndex, '') as unknown;
    if (given !== undefined && given !== null && typeof given !== 'string') {
      throw new NodeOperationError(this.getNode(), 'The cursor must be text', { itemIndex });
    }
    const cursor = given ? given : null;
    const page: PreparedBatch = await client.prepareReminders({ cursor, limit });
    const out = await batchOutputs(this, page, () => itemIndex);
    email.push(...out.email);
    sms.push(...out.sms);
    if (page.next) next.push({ json: { cursor: page.next }, pairedItem: { item: itemIndex } });
  }
  return [email, sms, next];
}
