import { z } from 'zod';
import {
  BookingStatus,
  Channel,
  ChannelSetting,
  Instant,
  MessageType,
  NotificationState,
  SkipReason,
  TimeZone,
} from './domain.ts';
import { Branding } from './branding.ts';
import { QuietHours } from './settings.ts';

/**
 * The plugin's view of messages: its settings as the rules read them, a booking as the rules see
 * it, the log, and delivery results. The routes the flows call are in prepare.ts; besides them:
 *
 *   GET  /messaging/settings                          → MessagingSettings (read-only tokens too)
 *   GET  /messaging/snippets?locale=xx                → SnippetSet (version changes on every edit)
 *   GET  /messaging/bookings/:documentId              → MessageContext (what the rules see)
 *   POST /messaging/bookings/:documentId/access-codes → IssuedAccessCode: the booking's link,
 *        the one its messages carry (201 when this made the booking's code, 200 when it exists;
 *        409 when an admin blocked or expired it)
 */

export const MessagingSettings = z.object({
  messages: z.record(MessageType, z.boolean()),
  channel: ChannelSetting,
  /** Documentation id of the contact who gets messages when a work order has no reporter;
   * null means the service account's primary contact. */
  fallbackContactId: z.string().nullable(),
  excludedAccountIds: z.array(z.string()),
  excludedServiceTypeIds: z.array(z.string()),
  reminder: z.object({
    windowDays: z.number().int().min(1).max(60),
    /** "HH:MM" */
    sendTime: z.string().regex(/^\d{2}:\d{2}$/),
    /** 'utc' sends at sendTime UTC; 'account' at sendTime in each account's zone. */
    sendTimeZone: z.enum(['utc', 'account']),
  }),
  quietHours: QuietHours,
  rescheduleThresholdMinutes: z.number().int().min(0),
  sandbox: z.object({
    enabled: z.boolean(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  portalBaseUrl: z.url(),
  defaultLocale: z.string(),
  branding: Branding,
  showTechnicianName: z.boolean(),
});
export type MessagingSettings = z.infer<typeof MessagingSettings>;

export const SnippetSet = z.object({
  locale: z.string(),
  version: z.string(),
  values: z.record(z.string(), z.string()),
});
export type SnippetSet = z.infer<typeof SnippetSet>;

export const ContactView = z.object({
  documentId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  /** E.164 */
  mobilePhone: z.string().nullable(),
  locale: z.string().nullable(),
  emailOptOut: z.boolean(),
  smsOptOut: z.boolean(),
});
export type ContactView = z.infer<typeof ContactView>;

/** Everything the rules need to decide about one booking's messages, in one answer. */
export const MessageContext = z.object({
  booking: z.object({
    documentId: z.string(),
    externalId: z.string().nullable(),
    status: BookingStatus,
    start: Instant,
    end: Instant,
    completedAt: Instant.nullable(),
    /** When the customer confirmed the appointment from their page; absent from older plugins. */
    confirmedAt: Instant.nullable().optional(),
    eta: z.object({ arrivesAt: Instant, source: z.string() }).nullable(),
    /** Journeys to this booking so far: each change to traveling from another status is one. */
    trip: z.number().int().min(0).default(0),
  }),
  workOrder: z.object({ documentId: z.string(), number: z.string() }),
  serviceAccount: z.object({
    documentId: z.string(),
    name: z.string(),
    address: z.string(),
    timeZone: TimeZone,
    primaryContact: ContactView.nullable(),
  }),
  serviceType: z.object({ documentId: z.string(), name: z.string() }).nullable(),
  reportedBy: ContactView.nullable(),
  /** The settings' fallback contact, resolved; null when none is set. */
  fallbackContact: ContactView.nullable(),
  technician: z
    .object({ documentId: z.string(), name: z.string(), phone: z.string().nullable() })
    .nullable(),
  /**
   * Reminders and rescheduled messages claimed (pending) or sent, with the start each was about
   * and when it was last written: what the customer was told, or is being told.
   */
  history: z.array(
    z.object({
      type: z.enum(['reminder', 'rescheduled']),
      channel: Channel,
      start: Instant,
      state: z.enum(['pending', 'sent']),
      at: Instant,
    }),
  ),
});
export type MessageContext = z.infer<typeof MessageContext>;

export const ClaimRequest = z.object({
  idempotencyKey: z.string().min(1).max(255),
  bookingId: z.string(),
  type: MessageType,
  channel: Channel,
  /** Plain recipient; the log masks it in lists. */
  recipient: z.string().nullable(),
  /** 'pending' claims the right to send; 'skipped' logs a message that will not be sent. */
  state: z.enum(['pending', 'skipped']).default('pending'),
  reason: SkipReason.optional(),
});
export type ClaimRequest = z.infer<typeof ClaimRequest>;

export const Notification = z.object({
  documentId: z.string(),
  idempotencyKey: z.string(),
  bookingId: z.string(),
  type: MessageType,
  channel: Channel,
  recipientMasked: z.string().nullable(),
  state: NotificationState,
  reason: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Notification = z.infer<typeof Notification>;

export const ClaimResponse = z.object({
  claimed: z.boolean(),
  notification: Notification,
});
export type ClaimResponse = z.infer<typeof ClaimResponse>;

export const DeliveryResult = z.object({
  state: z.enum(['sent', 'failed', 'skipped']),
  reason: z.string().max(2000).optional(),
  providerMessageId: z.string().max(255).optional(),
  /** The exact content sent, for the log's detail view. */
  content: z
    .object({
      subject: z.string().optional(),
      html: z.string().optional(),
      text: z.string().optional(),
      body: z.string().optional(),
    })
    .optional(),
  providerResponse: z.unknown().optional(),
});
export type DeliveryResult = z.infer<typeof DeliveryResult>;

/** A fresh code for one link-bearing message; `token` is shown here once and stored hashed. */
export const IssuedAccessCode = z.object({
  documentId: z.string(),
  token: z.string().regex(/^[A-Za-z0-9_-]{22,}$/),
  url: z.url(),
  expiresAt: Instant,
});
export type IssuedAccessCode = z.infer<typeof IssuedAccessCode>;
