import type { PreparedBatch } from 'strapi-plugin-enroute/contracts';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * A prepared batch as the node's two outputs, in the plugin's order. Email items carry the
 * calendar invitation as the binary property `ics`, ready to attach; every item says its
 * `channel`, so that messages handed on together can be told apart again. `itemOf` maps a
 * message's source (its event's index in the request) to the input item it answers.
 */
export async function batchOutputs(
  context: IExecuteFunctions,
  batch: PreparedBatch,
  itemOf: (source: number) => number,
): Promise<{ email: INodeExecutionData[]; sms: INodeExecutionData[] }> {
  const email = await Promise.all(
    batch.email.map(async ({ ics, source, ...message }): Promise<INodeExecutionData> => {
      const item: INodeExecutionData = {
        json: { ...message, ics: ics?.content ?? null, icsMethod: ics?.method ?? null },
        pairedItem: { item: itemOf(source) },
      };
      if (ics) {
        item.binary = {
          ics: await context.helpers.prepareBinaryData(
            Buffer.from(ics.content, 'utf8'),
            ics.filename,
            'text/calendar',
          ),
        };
      }
      return item;
    }),
  );
  const sms = batch.sms.map(({ source, ...message }): INodeExecutionData => ({
    json: { ...message },
    pairedItem: { item: itemOf(source) },
  }));
  return { email, sms };
}

/** What the plugin could not prepare, in one line for an error. */
export function failureOf(batch: PreparedBatch): string | null {
  const [first, ...others] = batch.failed;
  if (!first) return null;
  const more = others.length > 0 ? ` (and ${others.length} more)` : '';
  return `booking ${first.bookingId}: ${first.reason}${more}`;
}
