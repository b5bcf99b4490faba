import { CARRIES_LINK, type MessageData } from '@enroute/content';
import type { MessageType } from '../../../../shared/contracts/index.ts';

const isInstant = (value: string | null | undefined): boolean =>
  typeof value === 'string' && value !== '' && !Number.isNaN(Date.parse(value));

/**
 * What a message cannot go without, or null when it has it all: the visit's start for every
 * message, the customer's portal link for a message that carries one, the completion time for a
 * completed message, the start the customer was told for a move. A message lacking any of it is
 * logged failed with this reason instead of going out with empty words.
 */
export function missingContent(type: MessageType, data: MessageData): string | null {
  if (!isInstant(data.booking.start)) return 'the booking has no start';
  if (CARRIES_LINK[type] && !/^https?:\/\/\S+$/.test(data.link ?? '')) {
    return 'the booking has no portal link';
  }
  if (type === 'completed' && !isInstant(data.booking.completedAt)) {
    return 'the booking has no completion time';
  }
  if (type === 'rescheduled' && !isInstant(data.booking.previousStart)) {
    return 'the booking has no start it was moved from';
  }
  return null;
}
