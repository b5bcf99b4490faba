import { z } from 'zod';
import { BookingStatus, GeoPoint, Instant, TimeZone } from './domain.ts';
import { Branding } from './branding.ts';
import { CustomerActionsView, DayOrder } from './customer-actions.ts';

/**
 * Portal view: `GET /api/enroute/portal/:code?locale=xx` with the portal's read-only API token.
 * 200 with an `available` view for a valid code; 404 with an `unavailable` view, the same for
 * unknown, expired and blocked codes (and answered in the same time), which says nothing of the
 * booking. Every view counts on the access code.
 */

export const EtaSource = z.enum(['builtin', 'osrm', 'valhalla', 'azure-maps']);
export type EtaSource = z.infer<typeof EtaSource>;

export const Eta = z.object({
  /** When the technician is expected at the service location. Never in the past. */
  arrivesAt: Instant,
  computedAt: Instant,
  source: EtaSource,
  /** True when the configured provider failed and the built-in estimate stands in. */
  fallback: z.boolean(),
});
export type Eta = z.infer<typeof Eta>;

export const TechnicianPosition = GeoPoint.extend({
  accuracy: z.number().nonnegative().nullable(),
  recordedAt: Instant,
  /** Older than the settings' staleness limit (default 2 minutes): show it as stale. */
  stale: z.boolean(),
});
export type TechnicianPosition = z.infer<typeof TechnicianPosition>;

export const Technician = z.object({
  /** Null when the settings hide the name. */
  name: z.string().nullable(),
  /** Always present: initials stand in when there is no photo or it is hidden. */
  initials: z.string(),
  photoUrl: z.url().nullable(),
  /** E.164; null when hidden by the settings or when the technician has none. */
  phone: z.string().nullable(),
});
export type Technician = z.infer<typeof Technician>;

export const Company = z.object({
  name: z.string(),
  email: z.string(),
  phone: z.string(),
});

export const MapSettings = z.object({
  enabled: z.boolean(),
  /** XYZ template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png */
  tileUrl: z.string(),
  attribution: z.string(),
});

/**
 * A CSP `frame-ancestors` source allowed to embed the portal in an iframe: an http(s) origin,
 * optionally with a wildcard first label (`https://www.contoso.example`,
 * `https://*.contoso.example`, `http://127.0.0.1:8080`). Nothing else (no paths, no keywords).
 */
export const FrameAncestor = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^https?:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?$/, {
    message: 'must be an origin such as https://www.example.com or https://*.example.com',
  });
export type FrameAncestor = z.infer<typeof FrameAncestor>;

export const PortalChrome = z.object({
  locale: z.string(),
  direction: z.enum(['ltr', 'rtl']),
  /** The locales the visitor may switch to. */
  locales: z.array(z.string()),
  company: Company,
  branding: Branding,
  /** Every snippet in the locale, placeholders already filled; html snippets sanitized. */
  snippets: z.record(z.string(), z.string()),
  /**
   * Sites allowed to embed the portal in an iframe (the settings' `portalFrameAncestors`).
   * Absent or empty: the portal refuses to be framed.
   */
  embedding: z.object({ frameAncestors: z.array(FrameAncestor) }).optional(),
});

export type PortalChrome = z.infer<typeof PortalChrome>;

export const AvailablePortalView = PortalChrome.extend({
  available: z.literal(true),
  state: BookingStatus,
  booking: z.object({
    number: z.string(),
    start: Instant,
    end: Instant,
    timeZone: TimeZone,
    /** The start before the last reschedule beyond the threshold, if any. */
    previousStart: Instant.nullable(),
    completedAt: Instant.nullable(),
    serviceType: z.string().nullable(),
  }),
  serviceAccount: z.object({
    name: z.string(),
    address: z.string(),
    location: GeoPoint.nullable(),
  }),
  /** Present only while traveling or in progress. */
  technician: Technician.nullable(),
  /** Present only while traveling; never after. */
  position: TechnicianPosition.nullable(),
  /** Present only while traveling. */
  eta: Eta.nullable(),
  map: MapSettings,
  /** An allowlisted survey to embed once completed; null when none is configured. */
  survey: z
    .object({
      url: z.url(),
      /** The settings' `surveyAllowedHosts`; the portal frames only a survey on one of them. */
      allowedHosts: z.array(z.string()).optional(),
    })
    .nullable(),
  rating: z.object({
    /** True when completed and no survey is configured: the built-in 1–5 rating is offered. */
    enabled: z.boolean(),
    submitted: z
      .object({ score: z.number().int().min(1).max(5), comment: z.string().nullable() })
      .nullable(),
  }),
  /** The customer's answers and what they may still do; absent from older plugins. */
  customer: CustomerActionsView.optional(),
  /** On the visit day while scheduled or traveling: the technician's visits before this one. */
  dayOrder: DayOrder.nullable().optional(),
});
export type AvailablePortalView = z.infer<typeof AvailablePortalView>;

export const UnavailablePortalView = PortalChrome.extend({
  available: z.literal(false),
});
export type UnavailablePortalView = z.infer<typeof UnavailablePortalView>;

export const PortalView = z.discriminatedUnion('available', [
  AvailablePortalView,
  UnavailablePortalView,
]);
export type PortalView = z.infer<typeof PortalView>;

/** `POST /api/enroute/portal/:code/rating` with the portal token. */
export const RatingRequest = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});
export type RatingRequest = z.infer<typeof RatingRequest>;

/**
 * Live: a change of position, ETA or status for one booking, as the portal receives it.
 * The portal keeps one upstream subscription per booking however many viewers it serves.
 *
 * `GET /api/enroute/portal/:code/live` with the portal token answers Server-Sent Events
 * (`text/event-stream`): `event: update` whose data is a LiveUpdate (JSON), the current one
 * first and then one per change; `event: end` once the booking has left traveling (after the
 * update that says so) or the code stops being available, and the stream closes. Unknown,
 * expired and blocked codes answer 404 like the view. Watching does not count as a view.
 */
export const LiveUpdate = z.object({
  state: BookingStatus,
  position: TechnicianPosition.nullable(),
  eta: Eta.nullable(),
  at: Instant,
});
export type LiveUpdate = z.infer<typeof LiveUpdate>;

/** The event names of the live stream. */
export const LiveEventName = z.enum(['update', 'end']);
export type LiveEventName = z.infer<typeof LiveEventName>;
