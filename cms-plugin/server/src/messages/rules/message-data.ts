import type { MessageData } from '@enroute/content';
import type {
  BookingEvent,
  ContactView,
  MessageContext,
  MessageType,
  MessagingSettings,
} from '../../../../shared/contracts/index.ts';
import { lastToldStart } from './history.ts';

/**
 * What the renderer needs for one recipient, from the plugin's view of the booking: the one place
 * that decides what a message, the admin's preview and the portal page say about a booking.
 * `previousStart` is the start the customer was last told ("moved from"), for a rescheduled
 * message; the booking event's own previous start only when nothing was told yet.
 */
export function messageData(input: {
  /** A message, or the portal page (which says "moved from" as a rescheduled message does). */
  type: MessageType | 'portal';
  context: MessageContext;
  recipient: Pick<ContactView, 'name' | 'email'> | null;
  settings: Pick<MessagingSettings, 'showTechnicianName'>;
  event?: BookingEvent;
  link: string;
  /** The static map an "on the way" message shows, when there is one. */
  map?: { url: string } | null;
}): MessageData {
  const { context, recipient, settings, event, type } = input;
  const { booking } = context;
  const told = lastToldStart(context);
  const previousStart =
    type === 'rescheduled' || type === 'portal' ? (told ?? event?.previous?.start ?? null) : null;
  return {
    recipient: { name: recipient?.name ?? '', email: recipient?.email ?? null },
    booking: {
      id: booking.documentId,
      number: context.workOrder.number,
      start: booking.start,
      end: booking.end,
      timeZone: context.serviceAccount.timeZone,
      previousStart:
        previousStart && Date.parse(previousStart) !== Date.parse(booking.start)
          ? previousStart
          : null,
      completedAt: booking.completedAt,
      confirmedAt: booking.confirmedAt ?? null,
      etaAt: booking.eta?.arrivesAt ?? null,
    },
    account: { name: context.serviceAccount.name, address: context.serviceAccount.address },
    technician:
      settings.showTechnicianName && context.technician ? { name: context.technician.name } : null,
    link: input.link,
    map: input.map ?? null,
  };
}
