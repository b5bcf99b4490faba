import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { mapLimited } from './map-limited.ts';
import { toOutputItems } from './output-items.ts';
import type { Prepared } from './prepare.ts';

export type EmitOptions = {
  /** Whether a booking whose claimed messages could not be rendered fails its item. */
  stopOnFailure: boolean;
  /** Items prepared at once (each is a few round trips to the plugin); 1 by default. */
  concurrency?: number;
  /**
   * Called when the node fails on one item after other items claimed their messages: those
   * messages will not be sent by this run, and are to be logged as such.
   */
  abandon?: (notificationIds: string[], reason: string) => Promise<void>;
};

type Outcome = { prepared: Prepared[] } | { error: unknown };

/**
 * Runs a prepare operation over the input items and sends what it prepared to the email and SMS
 * outputs, in the order of the items. A booking whose claimed messages could not be rendered is
 * already logged failed; `stopOnFailure` decides whether that also fails the item (one event) or
 * not (a reminder run). Items are prepared independently: an item that fails gives an error item
 * when the node continues on failure; otherwise the node fails after the items in progress are
 * done, and the messages the other items claimed are handed to `abandon`, so that none is left
 * waiting in the log.
 */
export async function emitPrepared(
  context: IExecuteFunctions,
  prepareItem: (itemIndex: number) => Promise<Prepared[]>,
  options: EmitOptions,
): Promise<INodeExecutionData[][]> {
  const email: INodeExecutionData[] = [];
  const sms: INodeExecutionData[] = [];
  const items = context.getInputData();
  const outcomes = await mapLimited(
    items,
    options.concurrency ?? 1,
    async (_, itemIndex): Promise<Outcome> => {
      try {
        const prepared = await prepareItem(itemIndex);
        const failure = prepared.find((one) => one.failure)?.failure;
        if (failure && options.stopOnFailure) {
          return { error: new NodeOperationError(context.getNode(), failure, { itemIndex }) };
        }
        return { prepared };
      } catch (error) {
        return { error };
      }
    },
  );
  const failed = outcomes.findIndex((outcome) => 'error' in outcome);
  if (failed >= 0 && !context.continueOnFail()) {
    const error = (outcomes[failed] as { error: unknown }).error;
    const message = error instanceof Error ? error.message : String(error);
    const claimed = outcomes.flatMap((outcome) =>
      'prepared' in outcome
        ? outcome.prepared.flatMap((one) =>
            [...one.email, ...one.sms].map(({ notificationId }) => notificationId),
          )
        : [],
    );
    if (claimed.length > 0 && options.abandon) {
      await options.abandon(
        claimed,
        `not sent: the run stopped on an error for item ${failed}: ${message}`,
      );
    }
    // Wrapping keeps an existing NodeOperationError as it is.
    throw new NodeOperationError(context.getNode(), error as Error, { itemIndex: failed });
  }
  for (const [itemIndex, outcome] of outcomes.entries()) {
    if ('error' in outcome) {
      const message =
        outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      email.push({ json: { error: message }, pairedItem: { item: itemIndex } });
      continue;
    }
    for (const prepared of outcome.prepared) {
      const out = await toOutputItems(context, prepared, itemIndex);
      email.push(...out.email);
      sms.push(...out.sms);
    }
  }
  return [email, sms];
}
