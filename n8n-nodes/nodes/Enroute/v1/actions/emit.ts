import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { toOutputItems } from './output-items.ts';
import type { Prepared } from './prepare.ts';

/**
 * Runs a prepare operation over the input items and sends what it prepared to the email and SMS
 * outputs. A booking whose claimed messages could not be rendered is already logged failed;
 * `stopOnFailure` decides whether that also fails the item (one event) or not (a reminder run).
 */
export async function emitPrepared(
  context: IExecuteFunctions,
  prepareItem: (itemIndex: number) => Promise<Prepared[]>,
  options: { stopOnFailure: boolean },
): Promise<INodeExecutionData[][]> {
  const email: INodeExecutionData[] = [];
  const sms: INodeExecutionData[] = [];
  const items = context.getInputData();
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    try {
      for (const prepared of await prepareItem(itemIndex)) {
        if (prepared.failure && options.stopOnFailure) {
          throw new NodeOperationError(context.getNode(), prepared.failure, { itemIndex });
        }
        const out = await toOutputItems(context, prepared, itemIndex);
        email.push(...out.email);
        sms.push(...out.sms);
      }
    } catch (error) {
      if (context.continueOnFail()) {
        email.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
        continue;
      }
      // Wrapping keeps an existing NodeOperationError as it is.
      throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
    }
  }
  return [email, sms];
}
