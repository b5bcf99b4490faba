import { z } from 'zod';
import { BookingStatus, ChannelSetting, MessageType } from './domain.ts';
import { Branding } from './branding.ts';
import { FrameAncestor } from './portal-view.ts';
import { BookingEventType } from './booking-event-types.ts';
import { bookingEventTypes, MAX_EVENTS_PER_DELIVERY } from './vocabulary.ts';
import { CustomerActionSettings } from './customer-actions.ts';

/**
 * Settings as the admin reads and writes them: `GET /enroute/settings`, `PUT /enroute/settings`
 * (admin routes). Secrets are write-only: the view says whether one is set.
 */
const HostName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.-]+$/, { message: 'must be a host name such as surveys.example.com' });

/**
 * A webhook endpoint: every booking event of the types it lists is POSTed to its URL, signed
 * with the shared webhook secret. An endpoint receives only the events created after it was
 * added (or enabled), never an older backlog.
 */
export const WebhookEndpoint = z.object({
  /** Assigned when the endpoint is added; keep it when editing, so its deliveries stay its own. */
  id: z.string().trim().min(1).max(64).optional(),
  name: z.string().trim().min(1).max(100),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
  events: z
    .array(BookingEventType, {
      message: `must list event types among ${bookingEventTypes.join(', ')}`,
    })
    .min(1, { message: 'must list at least one event type' }),
  /**
   * For `booking.status_changed`: only changes to these statuses are sent; none listed means any.
   * A flow that acts on one status (traveling, say) is then not called for every other change.
   */
  statuses: z.array(BookingStatus).default([]),
  enabled: z.boolean().default(true),
  /**
   * Events per request: 1 posts each event alone (a bare booking event); more posts the events
   * waiting for different bookings together, up to this many, as `{ "events": [...] }`. n8n's
   * Enroute Trigger takes both; batches let a crowd of changes start fewer workflow runs.
   */
  maxEventsPerDelivery: z.number().int().min(1).max(MAX_EVENTS_PER_DELIVERY).default(1),
});
export type WebhookEndpointInput = z.input<typeof WebhookEndpoint>;
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint> & { id: string };

const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time of day such as 10:00' });

/**
 * Hours in each customer's own time (their account's zone) when no message that waits goes out:
 * a waiting message goes at their end; one that would wait past the booking's start is skipped
 * (`quiet-hours`). `start` after `end` spans midnight (21:00–08:00); equal times mean none.
 */
export const QuietHours = z.object({
  enabled: z.boolean(),
  start: TimeOfDay,
  end: TimeOfDay,
  /** The messages that wait for the end of quiet hours; the others go at once. */
  wait: z.record(MessageType, z.boolean()),
});
export type QuietHours = z.infer<typeof QuietHours>;

/** The placeholders a static map URL may carry: the technician, the visit, the image's size. */
export const STATIC_MAP_PLACEHOLDERS = [
  'lat',
  'lng',
  'destLat',
  'destLng',
  'width',
  'height',
] as const;

/**
 * A static map image URL with placeholders, as self-hosted renderers and commercial providers
 * take it (`https://maps.example/static?center={lat},{lng}&markers={destLat},{destLng}&size={width}x{height}`):
 * https only (mail clients block the rest), the technician's position in it, nothing unknown.
 */
export const StaticMapUrl = z
  .url({ protocol: /^https$/, message: 'must be an https URL' })
  .max(2_000)
  .refine((url) => url.includes('{lat}') && url.includes('{lng}'), {
    message: 'must place the technician with {lat} and {lng}',
  })
  .refine(
    (url) =>
      [...url.matchAll(/\{([^{}]*)\}/g)].every((match) =>
        (STATIC_MAP_PLACEHOLDERS as readonly string[]).includes(match[1] ?? ''),
      ),
    { message: `may only use ${STATIC_MAP_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}` },
  );

export const SettingsFields = z.object({
  messages: z.record(MessageType, z.boolean()),
  channel: ChannelSetting,
  fallbackContactId: z.string().nullable(),
  excludedAccountIds: z.array(z.string()),
  excludedServiceTypeIds: z.array(z.string()),
  surveyUrl: z.url({ protocol: /^https$/ }).nullable(),
  surveyAllowedHosts: z.array(HostName),
  /** Origins allowed to embed the portal in an iframe; none (the default) forbids framing. */
  portalFrameAncestors: z.array(FrameAncestor),
  reminderWindowDays: z.number().int().min(1).max(60),
  reminderSendTime: TimeOfDay,
  reminderSendTimeZone: z.enum(['utc', 'account']),
  quietHours: QuietHours,
  rescheduleThresholdMinutes: z.number().int().min(0).max(10_080),
  showMap: z.boolean(),
  showTechnicianName: z.boolean(),
  showTechnicianPhoto: z.boolean(),
  showTechnicianPhone: z.boolean(),
  branding: Branding,
  mapTileUrl: z.string().regex(/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/, {
    message: 'must be an http(s) tile template with {z}, {x} and {y}',
  }),
  mapAttribution: z.string().max(500),
  /** The traveling email's map image (see StaticMapUrl); null: address and arrival only. */
  staticMapUrl: StaticMapUrl.nullable(),
  /** An SMS template rendering to more segments than this is refused. */
  smsSegmentLimit: z.number().int().min(1).max(10),
  webhooks: z.array(WebhookEndpoint).max(50),
  etaProvider: z.enum(['builtin', 'osrm', 'valhalla', 'azure-maps']),
  etaProviderUrl: z.url({ protocol: /^https?$/ }).nullable(),
  sandboxEnabled: z.boolean(),
  sandboxEmail: z.email().nullable(),
  sandboxPhone: z.string().nullable(),
  /** Where the inbound SMS flow forwards customers' text replies (the office); null: nowhere. */
  repliesEmail: z.email().nullable(),
  /** Who hears of delivery problems (the operations team, not the office); null: nobody. */
  operationsEmail: z.email().nullable(),
  /** Failed, expired and dead deliveries within the window that make a problem worth telling. */
  deliveryAlertThreshold: z.number().int().min(1).max(100_000),
  deliveryAlertWindowMinutes: z.number().int().min(5).max(10_080),
  portalBaseUrl: z.url({ protocol: /^https?$/ }),
  defaultLocale: z.string().min(2).max(16),
  accessCodeValidityDays: z.number().int().min(0).max(365),
  positionStaleSeconds: z.number().int().min(10).max(3600),
  locationRetentionDays: z.number().int().min(1).max(3650),
  /** What a customer may answer from the page: windows offered, cancel cut-off. */
  customerActions: CustomerActionSettings,
});

const WebhookUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

export const SettingsView = SettingsFields.extend({
  webhooks: z.array(WebhookEndpoint.extend({ id: z.string() })),
  /** The first endpoint's URL, for clients written when there was only one. */
  webhookUrl: WebhookUrl.nullable(),
  webhookSecretSet: z.boolean(),
  etaProviderKeySet: z.boolean(),
});
export type SettingsView = z.infer<typeof SettingsView>;

/** A partial update; a secret given as null is cleared. */
export const SettingsUpdate = SettingsFields.partial()
  .extend({
    webhookSecret: z.string().min(16).max(500).nullable(),
    /** Older clients: replaces the endpoints with one for every event type (null: none). */
    webhookUrl: WebhookUrl.nullable(),
    etaProviderKey: z.string().max(500).nullable(),
  })
  .partial()
  .strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

/** `GET /enroute/settings/reminder-schedule`: the send time and zone to show (the draft's). */
export const ReminderScheduleQuery = z.object({
  sendTime: TimeOfDay.optional(),
  sendTimeZone: z.enum(['utc', 'account']).optional(),
});

/**
 * When the next reminders go out, for each time zone the accounts use: the next send time (in UTC
 * or in that zone, as set), moved to the end of that zone's quiet hours when it falls inside them.
 */
export const ReminderSchedule = z.object({
  zones: z.array(
    z.object({
      timeZone: z.string(),
      accounts: z.number().int(),
      nextAt: z.string(),
      heldByQuietHours: z.boolean(),
    }),
  ),
});
export type ReminderSchedule = z.infer<typeof ReminderSchedule>;
