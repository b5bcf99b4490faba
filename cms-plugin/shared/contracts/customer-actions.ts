import { z } from 'zod';
import { Instant } from './domain.ts';

/**
 * Customer actions: what a customer answers from the booking's page, through the portal.
 *
 *   POST /api/enroute/portal/:code/actions          CustomerActionRequest ⇒ 200 { data: CustomerActionsView }
 *   POST /api/enroute/bookings/:documentId/customer-request   RequestDecision ⇒ 200 { data: CustomerActionsView }
 *   POST admin /enroute/bookings/:documentId/customer-request RequestDecision ⇒ 200 { data: CustomerActionsView }
 *
 * Every action carries the `revision` of the page it was made from: an action from a page that
 * is no longer current (a form sent twice, a replayed post) is refused with 409.
 */

const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time of day such as 10:00' });

/** A time window the company offers each day, in the account's zone. */
export const OfferedWindow = z
  .object({ start: TimeOfDay, end: TimeOfDay })
  .refine((window) => window.start < window.end, {
    message: 'must end after it starts',
    path: ['end'],
  });
export type OfferedWindow = z.infer<typeof OfferedWindow>;

/** The settings' `customerActions`. */
export const CustomerActionSettings = z.object({
  /** The windows offered each day when a customer asks for another time. */
  windows: z.array(OfferedWindow).max(12),
  /** How many days ahead (from tomorrow) windows are offered. */
  daysAhead: z.number().int().min(1).max(60),
  /** A customer may cancel until this many hours before the start; after it, they call. */
  cancelCutoffHours: z.number().int().min(0).max(720),
});
export type CustomerActionSettings = z.infer<typeof CustomerActionSettings>;

export const NOTE_MAX_LENGTH = 500;
export const PREFERENCE_MAX_LENGTH = 500;

const Revision = z.string().min(1).max(100);

export const CustomerActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('confirm'), revision: Revision }),
  z
    .object({
      action: z.literal('reschedule'),
      revision: Revision,
      /** One of the offered windows (its start and end as instants)… */
      window: z.object({ start: Instant, end: Instant }).optional(),
      /** …or a preference in the customer's words. */
      preference: z.string().trim().max(PREFERENCE_MAX_LENGTH).optional(),
    })
    .refine((request) => request.window !== undefined || Boolean(request.preference), {
      message: 'pick a time window or write a preference',
      path: ['window'],
    }),
  z.object({ action: z.literal('cancel'), revision: Revision }),
  z.object({
    action: z.literal('note'),
    revision: Revision,
    note: z.string().trim().max(NOTE_MAX_LENGTH),
  }),
]);
export type CustomerActionRequest = z.infer<typeof CustomerActionRequest>;
export type CustomerAction = CustomerActionRequest['action'];

export const RequestState = z.enum(['pending', 'accepted', 'declined']);
export type RequestState = z.infer<typeof RequestState>;

/** A request to move the booking, as stored on it (`customerRequest`). */
export const RescheduleRequest = z.object({
  window: z.object({ start: Instant, end: Instant }).nullable(),
  preference: z.string().nullable(),
  requestedAt: Instant,
  state: RequestState,
  decidedBy: z.string().nullable(),
  decidedAt: Instant.nullable(),
});
export type RescheduleRequest = z.infer<typeof RescheduleRequest>;

/** A dispatcher's answer to a pending request; accepting may move it elsewhere than asked. */
export const RequestDecision = z.object({
  decision: z.enum(['accept', 'decline']),
  /** With accept: the new start and end; the requested window when left out. */
  start: Instant.optional(),
  end: Instant.optional(),
});
export type RequestDecision = z.infer<typeof RequestDecision>;

/** The customer's side of a booking, as the portal shows it. */
export const CustomerActionsView = z.object({
  /** Changes with every action: a form carries it back. */
  revision: z.string(),
  confirmedAt: Instant.nullable(),
  request: RescheduleRequest.nullable(),
  note: z.string().nullable(),
  noteAt: Instant.nullable(),
  canceledAt: Instant.nullable(),
  /** Whether the customer may still cancel, and until when. */
  cancel: z.object({ allowed: z.boolean(), until: Instant }),
  /** The windows a customer may ask for, soonest first. */
  windows: z.array(z.object({ start: Instant, end: Instant })),
});
export type CustomerActionsView = z.infer<typeof CustomerActionsView>;

/**
 * On the day of the visit, where the booking stands in the technician's day: how many visits
 * come before it, and the arrival window as it narrows. Nothing about the other visits.
 */
export const DayOrder = z.object({
  visitsBefore: z.number().int().min(0),
  expected: z.object({ from: Instant, to: Instant }).nullable(),
});
export type DayOrder = z.infer<typeof DayOrder>;

const FIVE_MINUTES = 5 * 60_000;
/** The width of the arrival window once the technician is on the way. */
const ETA_WINDOW_MS = 30 * 60_000;

/**
 * The arrival window while the technician is on the way: from five minutes before the estimate
 * (rounded up to five minutes), half an hour wide. The plugin's view and the portal's live
 * updates both take it from here.
 */
export function etaWindow(arrivesAt: string): { from: string; to: string } {
  const from = Math.ceil((Date.parse(arrivesAt) - FIVE_MINUTES) / FIVE_MINUTES) * FIVE_MINUTES;
  return { from: new Date(from).toISOString(), to: new Date(from + ETA_WINDOW_MS).toISOString() };
}
