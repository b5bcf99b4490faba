import { z } from 'zod';
import { BookingEvent } from './booking-event.ts';
import { Channel, Instant, MessageType, SkipReason } from './domain.ts';
import { DeliveryResult, Notification } from './messaging.ts';

/**
 * The two requests a message flow makes to the plugin per batch (Strapi API token, prefix
 * /api/enroute). The plugin applies the message rules, claims each message's idempotency key,
 * logs every skip with its reason, issues the booking's link and renders the messages; the flow
 * sends them with its own email and SMS nodes and records what the providers answered.
 *
 *   POST /messaging/prepare/events     PrepareEventsRequest    ⇒ 200 PreparedBatch
 *   POST /messaging/prepare/reminders  PrepareRemindersRequest ⇒ 200 PreparedBatch (with `next`)
 *   POST /messaging/results            RecordResultsRequest    ⇒ 200 RecordResultsResponse
 */

export const EventMessageType = MessageType.exclude(['reminder']);
export type EventMessageType = z.infer<typeof EventMessageType>;

/** Most events or results in one request. */
export const MAX_PREPARE_BATCH = 500;

export const PrepareEventsRequest = z.object({
  /** The message the flow sends; events that call for another one are passed over. */
  type: EventMessageType,
  events: z.array(BookingEvent).min(1).max(MAX_PREPARE_BATCH),
});
export type PrepareEventsRequest = z.infer<typeof PrepareEventsRequest>;

export const PrepareRemindersRequest = z.object({
  /** Where the previous page ended (its `next`, as given); absent for the first page. */
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'a cursor is the `next` of the page before, as given')
    .nullable()
    .default(null),
  /** Bookings looked at in this page. */
  limit: z.number().int().min(1).max(MAX_PREPARE_BATCH).default(100),
});
export type PrepareRemindersRequest = z.input<typeof PrepareRemindersRequest>;

const PreparedMeta = z.object({
  notificationId: z.string(),
  idempotencyKey: z.string(),
  bookingId: z.string(),
  type: MessageType,
  locale: z.string(),
  /** The index of the event in the request this message answers (reminders: of the booking in the page). */
  source: z.number().int().min(0),
});

export const PreparedEmail = PreparedMeta.extend({
  channel: z.literal('email'),
  to: z.string(),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  /** A calendar invitation (iCalendar) to attach, for messages about a visit still to come. */
  ics: z.object({ filename: z.string(), method: z.string(), content: z.string() }).nullable(),
  /** Extra headers for the email, by name. */
  headers: z.record(z.string(), z.string()),
});
export type PreparedEmail = z.infer<typeof PreparedEmail>;

export const PreparedSms = PreparedMeta.extend({
  channel: z.literal('sms'),
  to: z.string(),
  body: z.string(),
  segments: z.number().int().min(1),
  encoding: z.string(),
});
export type PreparedSms = z.infer<typeof PreparedSms>;

export const PreparedBatch = z.object({
  email: z.array(PreparedEmail),
  sms: z.array(PreparedSms),
  /** Messages logged as skipped in this request, with their reasons. */
  skipped: z.array(
    z.object({
      notificationId: z.string().nullable(),
      bookingId: z.string(),
      type: MessageType,
      channel: Channel,
      reason: SkipReason,
      source: z.number().int().min(0),
    }),
  ),
  /**
   * Messages claimed to go later (quiet hours): the scheduled run hands them out once `notBefore`
   * has come, if the booking is still as they describe it, and logs them expired if not.
   */
  waiting: z
    .array(
      z.object({
        notificationId: z.string(),
        bookingId: z.string(),
        type: MessageType,
        channel: Channel,
        notBefore: Instant,
        source: z.number().int().min(0),
      }),
    )
    .default([]),
  /** Messages another run claimed first: not prepared again. */
  alreadyClaimed: z.number().int().min(0),
  /** Bookings whose claimed messages could not be rendered; those messages are logged failed. */
  failed: z.array(
    z.object({ bookingId: z.string(), source: z.number().int().min(0), reason: z.string() }),
  ),
  /** Events about a booking that no longer exists: nobody to tell. */
  missing: z.array(z.object({ bookingId: z.string(), source: z.number().int().min(0) })),
  /** Reminders only: the cursor of the next page, null after the last. */
  next: z.string().nullable().optional(),
  preparedAt: Instant,
});
export type PreparedBatch = z.infer<typeof PreparedBatch>;

export const RecordResult = DeliveryResult.omit({ content: true }).extend({
  notificationId: z.string().min(1).max(64),
});
export type RecordResult = z.infer<typeof RecordResult>;

export const RecordResultsRequest = z.object({
  results: z.array(RecordResult).min(1).max(MAX_PREPARE_BATCH),
});
export type RecordResultsRequest = z.infer<typeof RecordResultsRequest>;

export const RecordResultsResponse = z.object({
  data: z.array(Notification),
  /** Results that could not be recorded (unknown id, already recorded), by index. */
  errors: z.array(
    z.object({
      index: z.number().int(),
      notificationId: z.string(),
      status: z.number().int(),
      message: z.string(),
    }),
  ),
});
export type RecordResultsResponse = z.infer<typeof RecordResultsResponse>;
