import type { Core } from '@strapi/strapi';
import { resolveLocale } from '@enroute/content';
import type { RecordReplyResponse, ReplyView } from '../../../shared/contracts/consent.ts';
import { withConsentOrigin } from '../consent/origin.ts';
import { parsePhone } from '../messages/rules/address.ts';
import { isUniqueViolation } from '../utils/db-errors.ts';
import { getService } from '../utils/get-service.ts';
import { maskRecipient } from '../utils/mask.ts';
import { documents, instant, query, relation, text, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import { KEYWORD_SNIPPETS, keywordList, replyIntent, type ReplyIntent } from './keywords.ts';

export type IncomingReply = { from: string; to: string; body: string; providerMessageId: string };
type Reply = RecordReplyResponse['data'];

/** The snippet that answers each keyword, in the customer's language. */
const ANSWERS: Partial<Record<ReplyIntent, string>> = {
  'opt-out': 'sms.stopped',
  'opt-in': 'sms.started',
  help: 'sms.help',
};

/** Fills the company placeholders of a plain-text snippet (an SMS is not HTML: no escaping). */
function fillCompany(template: string, values: Record<string, string>): string {
  return template.replace(
    /\{\{\s*company\.(name|email|phone)\s*\}\}/g,
    (_, key: string) => values[`company.${key}`] ?? '',
  );
}

/**
 * Text messages customers send back (the inbound SMS flow's *Record reply*): STOP and its
 * equivalents opt the sender's contacts out of SMS, START opts them back in, HELP is answered
 * with the company's details, and anything else is kept on the booking it is about and handed
 * to the office. Each provider message is acted on once.
 */
export const createRepliesService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function keywords(): Promise<Record<keyof typeof KEYWORD_SNIPPETS, Set<string>>> {
    const rows = await query(strapi, UID.snippet).findMany({
      where: { key: { $in: Object.values(KEYWORD_SNIPPETS) } },
      select: ['key', 'value'],
    });
    const words = (key: string) =>
      new Set(
        rows.filter((row) => row.key === key).flatMap((row) => keywordList(text(row.value) ?? '')),
      );
    return {
      'opt-out': words(KEYWORD_SNIPPETS['opt-out']),
      'opt-in': words(KEYWORD_SNIPPETS['opt-in']),
      help: words(KEYWORD_SNIPPETS.help),
    };
  }

  /** The booking a reply is about: the last one texted to that number, else the contact's latest. */
  async function currentBooking(phone: string, contacts: Row[]): Promise<Row | null> {
    const [texted] = await query(strapi, UID.notification).findMany({
      where: { recipient: phone, channel: 'sms', booking: { id: { $notNull: true } } },
      orderBy: { createdAt: 'desc' },
      limit: 1,
      populate: { booking: { select: ['id', 'documentId'] } },
    });
    const booking = relation(texted?.['booking']);
    if (booking) return booking;
    if (contacts.length === 0) return null;
    const [latest] = await query(strapi, UID.booking).findMany({
      where: {
        workOrder: { reportedBy: { documentId: { $in: contacts.map((c) => c.documentId) } } },
      },
      orderBy: { start: 'desc' },
      limit: 1,
      select: ['id', 'documentId'],
    });
    return latest ?? null;
  }

  async function setSmsOptOut(contacts: Row[], optOut: boolean, body: string): Promise<void> {
    const origin = { source: 'keyword' as const, text: body, resubscribe: false };
    for (const contact of contacts) {
      if ((contact['smsOptOut'] === true) === optOut) continue;
      await withConsentOrigin(origin, () =>
        documents(strapi, UID.contact).update({
          documentId: contact.documentId,
          data: { smsOptOut: optOut },
        }),
      );
    }
  }

  async function forwardFor(
    incoming: IncomingReply,
    phone: string,
    contacts: Row[],
    booking: Row | null,
    office: string | null,
  ): Promise<Reply['forward']> {
    if (!office) return null;
    const bookingRow = booking
      ? await query(strapi, UID.booking).findOne({
          where: { id: booking.id },
          populate: { workOrder: { select: ['documentId', 'number'] } },
        })
      : null;
    const number = text(relation(bookingRow?.['workOrder'])?.['number']);
    const names = contacts.map((contact) => text(contact['name'])).filter(Boolean);
    const sender = names.length > 0 ? `${names.join(', ')} (${phone})` : phone;
    return {
      to: office,
      subject: number ? `Text reply from ${sender} about ${number}` : `Text reply from ${sender}`,
      text: [
        incoming.body,
        '',
        `From: ${sender}`,
        number ? `Work order: ${number}` : 'No booking found for this number.',
      ].join('\n'),
      bookingId: booking?.documentId ?? null,
    };
  }

  async function decide(
    incoming: IncomingReply,
  ): Promise<{ reply: Reply; booking: Row | null; contact: Row | null }> {
    const phone = parsePhone(incoming.from)?.number ?? incoming.from;
    const contacts = await query(strapi, UID.contact).findMany({
      where: { mobilePhone: phone },
      select: ['id', 'documentId', 'name', 'locale', 'smsOptOut'],
    });
    const intent = replyIntent(incoming.body, await keywords());
    const settings = await getService('settings', { strapi }).read();
    if (intent === 'opt-out' || intent === 'opt-in') {
      await setSmsOptOut(contacts, intent === 'opt-out', incoming.body);
    }
    const booking = await currentBooking(phone, contacts);
    const snippet = ANSWERS[intent];
    // The contact's language as messages resolve it (`pt` → pt-BR, `en-GB` → en).
    const wanted = contacts.map((contact) => text(contact['locale'])).find(Boolean);
    const locale = resolveLocale(wanted ?? settings.defaultLocale);
    const words = snippet
      ? await getService('snippets', { strapi }).forLocale(locale, settings.defaultLocale)
      : null;
    const answer =
      snippet && words
        ? {
            to: phone,
            from: incoming.to,
            body: fillCompany(words.values[snippet] ?? '', words.values),
          }
        : null;
    const forward =
      intent === 'forward'
        ? await forwardFor(incoming, phone, contacts, booking, settings.repliesEmail)
        : null;
    return {
      reply: {
        kind: intent,
        answer,
        forward,
        contactIds: contacts.map((contact) => contact.documentId),
        repeated: false,
      },
      booking,
      contact: contacts[0] ?? null,
    };
  }

  async function recorded(providerMessageId: string): Promise<Reply | null> {
    const row = await query(strapi, UID.reply).findOne({ where: { providerMessageId } });
    const response = row?.['response'] as Reply | undefined;
    return response ? { ...response, repeated: true } : null;
  }

  return {
    async forBooking(bookingId: string): Promise<ReplyView[]> {
      const rows = await query(strapi, UID.reply).findMany({
        where: { booking: { documentId: bookingId } },
        orderBy: { receivedAt: 'desc' },
        limit: 100,
      });
      return rows.map((row) => ({
        documentId: row.documentId,
        receivedAt: instant(row['receivedAt']),
        from: text(row['fromMasked']),
        kind: row['kind'] as ReplyView['kind'],
        body: text(row['body']) ?? '',
        answer: text(row['answer']),
        forwardedTo: text(row['forwardedTo']),
      }));
    },

    async record(incoming: IncomingReply): Promise<Reply> {
      const earlier = await recorded(incoming.providerMessageId);
      if (earlier) return earlier;
      const { reply, booking, contact } = await decide(incoming);
      try {
        await documents(strapi, UID.reply).create({
          data: {
            providerMessageId: incoming.providerMessageId,
            receivedAt: new Date(),
            booking: booking?.documentId ?? null,
            contact: contact?.documentId ?? null,
            fromMasked: maskRecipient(parsePhone(incoming.from)?.number ?? incoming.from),
            from: incoming.from,
            body: incoming.body,
            kind: reply.kind,
            answer: reply.answer?.body ?? null,
            forwardedTo: reply.forward?.to ?? null,
            response: reply,
          },
        });
      } catch (error) {
        // The provider sent the same message twice at once: the other request recorded it.
        const other = isUniqueViolation(error) ? await recorded(incoming.providerMessageId) : null;
        if (!other) throw error;
        return other;
      }
      return reply;
    },
  };
};

export type RepliesService = ReturnType<typeof createRepliesService>;
