import { z } from 'zod';
import { Branding } from './branding.ts';
import { FieldError } from './errors.ts';
import { Channel, Instant, Latitude, Longitude, MessageType, NotificationState } from './domain.ts';
import { Notification } from './messaging.ts';
import { TemplateParts } from './message-templates.ts';

/**
 * The admin pages' routes (admin JWT and the plugin's permissions, prefix /enroute), beside
 * `GET|PUT /settings`, `GET /booking-events/backlog` and the access-code routes of admin.ts.
 *
 *   GET  /notifications?bookingId=&type=&channel=&state=&from=&to=&page=&pageSize=
 *                                         → NotificationLogPage (recipients masked)
 *   GET  /notifications/:documentId       → NotificationDetail (exact content, provider answer)
 *   GET  /snippets?locale=xx              → SnippetList
 *   POST /preview                         → PreviewRequest ⇒ PreviewResponse
 *   GET  /positions?resourceId=&page=     → PositionPage
 *   POST /positions                       → ManualPosition ⇒ 201 PositionView
 *   GET  /lookups/bookings?search=        → BookingOption[]
 *   GET  /lookups/resources               → ResourceOption[]
 */

/** A field error as the admin routes answer it; template problems carry their position. */
export const AdminFieldError = FieldError.extend({
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});
export type AdminFieldError = z.infer<typeof AdminFieldError>;

const PageNumber = z.coerce.number().int().min(1).default(1);

export const PageMeta = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
});
export type PageMeta = z.infer<typeof PageMeta>;

export const NotificationLogQuery = z.object({
  bookingId: z.string().min(1).optional(),
  type: MessageType.optional(),
  channel: Channel.optional(),
  state: NotificationState.optional(),
  /** Created at or after (ISO instant or YYYY-MM-DD). */
  from: z.union([Instant, z.iso.date()]).optional(),
  /** Created before the end of this day, or before this instant. */
  to: z.union([Instant, z.iso.date()]).optional(),
  page: PageNumber,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationLogQuery = z.infer<typeof NotificationLogQuery>;

export const NotificationLogEntry = Notification.extend({
  /** The work order number of the booking, for people. */
  bookingLabel: z.string().nullable(),
});
export type NotificationLogEntry = z.infer<typeof NotificationLogEntry>;

export const NotificationLogPage = z.object({
  data: z.array(NotificationLogEntry),
  meta: PageMeta,
});
export type NotificationLogPage = z.infer<typeof NotificationLogPage>;

export const NotificationDetail = NotificationLogEntry.extend({
  /** The exact content sent, as the flow recorded it. */
  content: z
    .object({
      subject: z.string().optional(),
      html: z.string().optional(),
      text: z.string().optional(),
      body: z.string().optional(),
    })
    .nullable(),
  providerResponse: z.unknown(),
});
export type NotificationDetail = z.infer<typeof NotificationDetail>;

export const SnippetEntry = z.object({
  key: z.string(),
  value: z.string(),
  description: z.string().nullable(),
});
export type SnippetEntry = z.infer<typeof SnippetEntry>;

export const SnippetList = z.object({
  locale: z.string(),
  locales: z.array(z.string()),
  snippets: z.array(SnippetEntry),
});
export type SnippetList = z.infer<typeof SnippetList>;

/** Snippet edits saved with the settings: one locale, the changed keys. */
export const SnippetEdits = z.object({
  locale: z.string().min(2).max(16),
  values: z.record(z.string(), z.string().max(10_000)),
});
export type SnippetEdits = z.infer<typeof SnippetEdits>;

export const PreviewRequest = z.object({
  type: MessageType,
  locale: z.string().min(2).max(16),
  /** Without a booking, sample data stands in. */
  bookingId: z.string().min(1).nullable().optional(),
  /** Unsaved display settings and snippets, for the live preview while editing. */
  branding: Branding.optional(),
  snippets: z.record(z.string(), z.string().max(10_000)).optional(),
  /** An unsaved template of this message and locale (its parts over the stored ones). */
  template: TemplateParts.partial().optional(),
});
export type PreviewRequest = z.infer<typeof PreviewRequest>;

export const PreviewResponse = z.object({
  locale: z.string(),
  /** True when sample data stood in for a booking. */
  sample: z.boolean(),
  recipient: z.object({ name: z.string(), email: z.string().nullable() }),
  email: z.object({ subject: z.string(), html: z.string(), text: z.string() }),
  sms: z.object({
    body: z.string(),
    encoding: z.enum(['GSM-7', 'UCS-2']),
    segments: z.number().int(),
    units: z.number().int(),
  }),
});
export type PreviewResponse = z.infer<typeof PreviewResponse>;

export const PositionView = z.object({
  documentId: z.string(),
  resourceId: z.string(),
  lat: z.number(),
  lng: z.number(),
  accuracy: z.number().nullable(),
  recordedAt: Instant,
  source: z.enum(['app', 'manual']),
});
export type PositionView = z.infer<typeof PositionView>;

export const PositionQuery = z.object({
  resourceId: z.string().min(1),
  page: PageNumber,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PositionQuery = z.infer<typeof PositionQuery>;

export const PositionPage = z.object({ data: z.array(PositionView), meta: PageMeta });
export type PositionPage = z.infer<typeof PositionPage>;

/** A technician placed by hand, as the reference product allows. */
export const ManualPosition = z.object({
  resourceId: z.string().min(1),
  lat: Latitude,
  lng: Longitude,
  accuracy: z.number().nonnegative().max(100_000).optional(),
  /** Defaults to now; a position from the future is refused. */
  recordedAt: Instant.optional(),
});
export type ManualPosition = z.infer<typeof ManualPosition>;

export const BookingOption = z.object({
  documentId: z.string(),
  label: z.string(),
  start: Instant,
  status: z.string(),
});
export type BookingOption = z.infer<typeof BookingOption>;

export const ResourceOption = z.object({ documentId: z.string(), name: z.string() });
export type ResourceOption = z.infer<typeof ResourceOption>;
