import { resolveLocale, type Locale } from '@enroute/content';
import type {
  BookingEvent,
  Channel,
  MessageContext,
  MessageType,
  MessagingSettings,
  SkipReason,
  SnippetSet,
} from 'strapi-plugin-enroute/contracts';
import { messageData } from '../../render/message-data.ts';
import { rendererFor } from '../../render/renderers.ts';
import { decideMessages, resolveRecipient, type ChannelDecision } from '../../rules/index.ts';
import type { EnrouteClient } from '../../transport/client.ts';

type Sendable = Extract<ChannelDecision, { decision: 'send' }>;

type MessageMeta = {
  notificationId: string;
  idempotencyKey: string;
  bookingId: string;
  type: MessageType;
  locale: Locale;
};
export type EmailMessage = MessageMeta & {
  to: string;
  subject: string;
  html: string;
  text: string;
  ics: { filename: string; method: string; content: string } | null;
};
export type SmsMessage = MessageMeta & {
  to: string;
  body: string;
  segments: number;
  encoding: string;
};
export type Prepared = {
  email: EmailMessage[];
  sms: SmsMessage[];
  skipped: { channel: Channel; reason: SkipReason }[];
  /** Messages another run claimed first: not sent again. */
  alreadyClaimed: number;
  /** Set when claimed messages could not be rendered; they are logged failed. */
  failure?: string;
};

/** What one execution shares between items: settings once, snippets once per locale. */
export type PrepareSession = {
  client: EnrouteClient;
  /** Identifies the CMS for the renderer cache. */
  cms: string;
  settings: MessagingSettings;
  snippets(locale: Locale): Promise<SnippetSet>;
  now: Date;
};

export function createSession(
  client: EnrouteClient,
  cms: string,
  settings: MessagingSettings,
  now: Date,
): PrepareSession {
  const snippets = new Map<Locale, Promise<SnippetSet>>();
  return {
    client,
    cms,
    settings,
    now,
    snippets(locale) {
      let found = snippets.get(locale);
      if (!found) {
        found = client.snippets(locale);
        snippets.set(locale, found);
      }
      return found;
    },
  };
}

/**
 * Applies the rules to one booking, logs every skip with its reason, claims each message that
 * may go out (a key claimed before means another run sends it) and renders what was claimed.
 */
export async function prepareBooking(
  session: PrepareSession,
  type: MessageType,
  context: MessageContext,
  event?: BookingEvent,
): Promise<Prepared> {
  const { client, settings } = session;
  const prepared: Prepared = { email: [], sms: [], skipped: [], alreadyClaimed: 0 };
  const decisions = decideMessages({ type, context, settings, event, now: session.now });
  const bookingId = context.booking.documentId;
  const claimed: { decision: Sendable; notificationId: string }[] = [];

  // One claim per channel, side by side: each is a round trip to the plugin.
  const answers = await Promise.all(
    decisions.map(async (decision) => {
      const request = {
        idempotencyKey: decision.idempotencyKey,
        bookingId,
        type,
        channel: decision.channel,
        recipient: decision.to,
      };
      if (decision.decision === 'skip') {
        await client.claim({ ...request, state: 'skipped', reason: decision.reason });
        return { decision, answer: null };
      }
      return { decision, answer: await client.claim({ ...request, state: 'pending' }) };
    }),
  );
  for (const { decision, answer } of answers) {
    if (decision.decision === 'skip') {
      prepared.skipped.push({ channel: decision.channel, reason: decision.reason });
    } else if (answer?.claimed) {
      claimed.push({ decision, notificationId: answer.notification.documentId });
    } else {
      prepared.alreadyClaimed += 1;
    }
  }
  if (claimed.length === 0) return prepared;

  const recipient = resolveRecipient(context);
  try {
    if (!recipient) throw new Error('a claimed message has no recipient');
    const locale = resolveLocale(recipient.contact.locale ?? settings.defaultLocale);
    const [snippets, access] = await Promise.all([
      session.snippets(locale),
      client.issueAccessCode(bookingId),
    ]);
    const renderer = rendererFor(session.cms, locale, {
      snippets: { [locale]: snippets.values },
      snippetsVersion: snippets.version,
      branding: settings.branding,
    });
    const data = messageData(context, recipient.contact, settings, event, access.url);
    for (const { decision, notificationId } of claimed) {
      const meta = {
        notificationId,
        idempotencyKey: decision.idempotencyKey,
        bookingId,
        type,
        locale,
      };
      if (decision.channel === 'email') {
        const email = await renderer.renderEmail(type, locale, data);
        prepared.email.push({ ...meta, to: decision.to, ...email });
      } else {
        const sms = await renderer.renderSms(type, locale, data);
        prepared.sms.push({ ...meta, to: decision.to, ...sms });
      }
    }
  } catch (error) {
    // A claimed message that cannot be prepared is logged as failed, never left pending.
    const reason = `could not prepare the message: ${error instanceof Error ? error.message : String(error)}`;
    await Promise.all(
      claimed.map(({ notificationId }) =>
        client.recordResult(notificationId, { state: 'failed', reason }),
      ),
    );
    return { ...prepared, failure: reason };
  }
  return prepared;
}
