import { z } from 'zod';
import { Channel, Instant } from './domain.ts';

/**
 * What a customer said about being contacted, per channel, and how they said it.
 *
 * - `keyword`: a text message answered with STOP, START and their equivalents;
 * - `one-click`: the email client's unsubscribe button (RFC 8058);
 * - `portal`: the customer's own choice on the portal's message preferences page;
 * - `api`: an integration (the content API, or code writing the contact);
 * - `admin`: an admin in the Content Manager.
 */
export const consentSources = ['keyword', 'one-click', 'portal', 'api', 'admin'] as const;
export const ConsentSource = z.enum(consentSources);
export type ConsentSource = z.infer<typeof ConsentSource>;

/** One opt-out or opt-in, as the contact's consent record keeps it (oldest first). */
export const ConsentEntry = z.object({
  at: Instant,
  channel: Channel,
  /** `out`: no more messages on the channel; `in`: messages again. */
  choice: z.enum(['out', 'in']),
  source: ConsentSource,
  /** What the customer sent (the keyword's message), or what the integration or admin said. */
  text: z.string().nullable(),
});
export type ConsentEntry = z.infer<typeof ConsentEntry>;
export const ConsentRecord = z.array(ConsentEntry);
export type ConsentRecord = z.infer<typeof ConsentRecord>;

/**
 * A text message a customer sent to the company's number, as the inbound flow records it:
 *
 *   POST /messaging/replies  RecordReplyRequest ⇒ RecordReplyResponse
 *
 * The plugin decides what it is (STOP, START, HELP or a free reply), applies it, and answers
 * what the flow does next: the text to send back to the customer, if any, and whether the
 * office is to read it. The same provider message id is recorded once: sending it again
 * answers what the first time answered, with `repeated: true`, and changes nothing.
 */
export const RecordReplyRequest = z.object({
  /** The customer's number, in international format. */
  from: z.string().trim().min(1).max(64),
  /** The company's number the customer wrote to. */
  to: z.string().trim().max(64).default(''),
  body: z.string().max(5000),
  /** The provider's own id of the incoming message (Twilio's MessageSid). */
  providerMessageId: z.string().trim().min(1).max(255),
});
export type RecordReplyRequest = z.input<typeof RecordReplyRequest>;

export const replyKinds = ['opt-out', 'opt-in', 'help', 'forward', 'unknown-sender'] as const;
export const ReplyKind = z.enum(replyKinds);
export type ReplyKind = z.infer<typeof ReplyKind>;

export const RecordReplyResponse = z.object({
  data: z.object({
    kind: ReplyKind,
    /**
     * The SMS to send back: `body` to `to` (the customer), from the number they wrote to (shaped
     * as a prepared SMS, so the flows' SMS node sends it as it is); null: none.
     */
    answer: z.object({ to: z.string(), from: z.string(), body: z.string() }).nullable(),
    /** Forward to the office: the address (from the settings) and what to write. Null: no. */
    forward: z
      .object({
        to: z.string(),
        subject: z.string(),
        text: z.string(),
        bookingId: z.string().nullable(),
      })
      .nullable(),
    /** The contacts the number belongs to (document ids). */
    contactIds: z.array(z.string()),
    repeated: z.boolean(),
  }),
});
export type RecordReplyResponse = z.infer<typeof RecordReplyResponse>;

/**
 * A customer's message preferences, behind the signed link every email carries (no sign-in, no
 * cookie), for the portal's preferences page:
 *
 *   GET  /preferences/:token            ⇒ { data: MessagePreferences }
 *   PUT  /preferences/:token            PreferencesUpdate ⇒ { data: MessagePreferences } (source portal)
 *   POST /preferences/:token/one-click  ⇒ { data: MessagePreferences }: no more email (RFC 8058,
 *        source one-click); again changes nothing.
 *
 * 404 for a link that is not one Enroute signed, or whose contact is gone.
 */
export const MessagePreferences = z.object({
  locale: z.string(),
  /** Whether the contact has an address on the channel, and whether they get messages on it. */
  email: z.object({ available: z.boolean(), on: z.boolean() }),
  sms: z.object({ available: z.boolean(), on: z.boolean() }),
});
export type MessagePreferences = z.infer<typeof MessagePreferences>;

export const PreferencesUpdate = z
  .object({ email: z.boolean().optional(), sms: z.boolean().optional() })
  .strict();
export type PreferencesUpdate = z.infer<typeof PreferencesUpdate>;

/** A customer's text as the admin sees it on the booking (`GET /enroute/bookings/:id/replies`). */
export const ReplyView = z.object({
  documentId: z.string(),
  receivedAt: Instant,
  /** The sender's number, masked. */
  from: z.string().nullable(),
  kind: z.enum(['opt-out', 'opt-in', 'help', 'forward']),
  body: z.string(),
  /** The SMS sent back, if any. */
  answer: z.string().nullable(),
  /** The office address it was forwarded to, if any. */
  forwardedTo: z.string().nullable(),
});
export type ReplyView = z.infer<typeof ReplyView>;
