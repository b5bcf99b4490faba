import type {
  IDataObject,
  IExecuteFunctions,
  INodeExecutionData,
  INodeProperties,
} from 'n8n-workflow';
import { clientFor } from '../shared/session.ts';

/** Nothing to set: the window, the threshold and who is told are the plugin's settings. */
export const description: INodeProperties[] = [];

/**
 * Asks the plugin for the messages that failed or expired and the booking events that died in
 * its window: one item per input item, with `alert` true when they reach the threshold and the
 * operations address to tell (`operationsEmail`).
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const client = await clientFor(this);
  const items = this.getInputData();
  const out: INodeExecutionData[] = [];
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    const problems = await client.deliveryProblems();
    out.push({ json: problems as unknown as IDataObject, pairedItem: { item: itemIndex } });
  }
  return [out];
}
