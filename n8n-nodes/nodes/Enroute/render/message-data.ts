import type { MessageData } from '@enroute/content';
import type {
  BookingEvent,
  ContactView,
  MessageContext,
  MessagingSettings,
} from 'strapi-plugin-enroute/contracts';

/** What the renderer needs for one recipient, from the CMS's view of the booking. */
export function messageData(
  context: MessageContext,
  recipient: ContactView,
  settings: MessagingSettings,
  event: BookingEvent | undefined,
  link: string,
): MessageData {
  const { booking } = context;
  return {
    recipient: { name: recipient.name, email: recipient.email },
    booking: {
      id: booking.documentId,
      number: context.workOrder.number,
      start: booking.start,
      end: booking.end,
      timeZone: context.serviceAccount.timeZone,
      previousStart: event?.type === 'booking.rescheduled' ? (event.previous?.start ?? null) : null,
      completedAt: booking.completedAt,
      etaAt: booking.eta?.arrivesAt ?? null,
    },
    account: { name: context.serviceAccount.name, address: context.serviceAccount.address },
    technician:
      settings.showTechnicianName && context.technician ? { name: context.technician.name } : null,
    link,
  };
}
