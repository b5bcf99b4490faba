import { z } from 'zod';
import { BookingStatus, GeoPoint, Instant } from './domain.ts';

/**
 * The technician's phone app (the portal's `/tech` pages) and the plugin. An admin makes a
 * sign-in link for a technician; the app exchanges the link's token for a session token, which
 * the portal keeps in an httpOnly cookie and sends as `Authorization: Bearer` on every call
 * below, and on `POST /api/enroute/locations`. Links and sessions are technician tokens of their
 * own kinds: stored hashed, revocable, expiring.
 *
 *   POST /api/enroute/technician/sessions                      SignInRequest ⇒ 201 TechnicianSession
 *   DELETE /api/enroute/technician/session                     ⇒ 204 (signs out)
 *   GET  /api/enroute/technician/visits                        ⇒ 200 { data: TodaysVisits }
 *   POST /api/enroute/technician/visits/:documentId/status     StatusChangeRequest ⇒ 200 { data: TechnicianVisit }
 *   POST admin /enroute/resources/:documentId/sign-in-links    ⇒ 201 { data: SignInLink }
 */

/** The statuses a technician sets from the phone, in the order of a visit. */
export const TechnicianStatus = z.enum(['traveling', 'in-progress', 'completed']);
export type TechnicianStatus = z.infer<typeof TechnicianStatus>;

export const SignInRequest = z.object({ link: z.string().min(1).max(200) });
export type SignInRequest = z.infer<typeof SignInRequest>;

export const TechnicianSession = z.object({
  /** Shown this once; the portal keeps it in a cookie, Strapi only its hash. */
  token: z.string(),
  expiresAt: Instant,
  technician: z.object({ name: z.string() }),
});
export type TechnicianSession = z.infer<typeof TechnicianSession>;

export const TechnicianVisit = z.object({
  documentId: z.string(),
  start: Instant,
  end: Instant,
  /** The account's IANA zone: the time window is shown in it. */
  timeZone: z.string(),
  status: BookingStatus,
  customer: z.string().nullable(),
  address: z.string().nullable(),
  destination: GeoPoint.nullable(),
  workOrder: z.string().nullable(),
  serviceType: z.string().nullable(),
  /** What the customer wrote for the technician, when the booking carries a note. */
  note: z.string().nullable(),
});
export type TechnicianVisit = z.infer<typeof TechnicianVisit>;

export const TodaysVisits = z.object({
  technician: z.object({ name: z.string() }),
  visits: z.array(TechnicianVisit),
});
export type TodaysVisits = z.infer<typeof TodaysVisits>;

export const StatusChangeRequest = z.object({ status: TechnicianStatus });
export type StatusChangeRequest = z.infer<typeof StatusChangeRequest>;

export const SignInLink = z.object({
  /** The token's documentId, to revoke the link (`DELETE /api/enroute/technician-tokens/:id`). */
  documentId: z.string(),
  /** The portal's `/tech/sign-in/<token>` on the settings' portal address. Shown this once. */
  url: z.string(),
  expiresAt: Instant,
});
export type SignInLink = z.infer<typeof SignInLink>;
