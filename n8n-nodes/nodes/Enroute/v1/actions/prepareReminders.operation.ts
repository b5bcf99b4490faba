import type { PreparedBatch } from 'strapi-plugin-enroute/contracts';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { batchOutputs } from '../shared/output.ts';
import { clientFor } from '../shared/session.ts';

export const description: INodeProperties[] = [
  {
    displayName: 'Page Size',
    name: 'pageSize',
    type: 'number',
    typeOptions: { minValue: 1, maxValue: 500 },
    displayOptions: { show: { operation: ['prepareReminders'] } },
    default: 100,
    description: 'How many bookings the plugin looks at per request',
  },
];

/**
 * Asks the plugin for the reminders due now, a page at a time: each page comes back prepared
 * (claimed, skips logged, rendered), and says where the next one starts. A booking whose
 * messages could not be rendered is logged failed by the plugin and does not hold back the others.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const client = await clientFor(this);
  const email: INodeExecutionData[] = [];
  const sms: INodeExecutionData[] = [];
  const items = this.getInputData();
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    const limit = this.getNodeParameter('pageSize', itemIndex) as number;
    let cursor: string | null = null;
    do {
      const page: PreparedBatch = await client.prepareReminders({ cursor, limit });
      const out = await batchOutputs(this, page, () => itemIndex);
      email.push(...out.email);
      sms.push(...out.sms);
      cursor = page.next ?? null;
    } while (cursor !== null);
  }
  return [email, sms];
}
