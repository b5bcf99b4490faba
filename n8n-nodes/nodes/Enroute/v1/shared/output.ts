import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { Prepared } from './prepare.ts';

/**
 * Email items carry the calendar invitation as the binary property `ics`, ready to attach. Every
 * item says its `channel`, so that messages handed on together can be told apart again.
 */
export async function toOutputItems(
  context: IExecuteFunctions,
  prepared: Prepared,
  itemIndex: number,
): Promise<{ email: INodeExecutionData[]; sms: INodeExecutionData[] }> {
  const email = await Promise.all(
    prepared.email.map(async ({ ics, ...message }): Promise<INodeExecutionData> => {
      const item: INodeExecutionData = {
        json: {
          ...message,
          channel: 'email',
          ics: ics?.content ?? null,
          icsMethod: ics?.method ?? null,
        },
        pairedItem: { item: itemIndex },
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
  const sms = prepared.sms.map((message): INodeExecutionData => ({
    json: { ...message, channel: 'sms' },
    pairedItem: { item: itemIndex },
  }));
  return { email, sms };
}
