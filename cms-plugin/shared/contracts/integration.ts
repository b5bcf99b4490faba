import { z } from 'zod';
import { BookingStatus, Instant, Latitude, Longitude, TimeZone } from './domain.ts';
import { TEXT_LIMITS } from './vocabulary.ts';

/**
 * The content API that a dispatch system calls to feed Enroute (Strapi API token, prefix
 * /api/enroute). Each record is put by the caller's own id (`externalId`): sending the same
 * record again changes nothing and creates no duplicate. Relations name the related record by
 * its externalId too.
 *
 *   PUT   /service-accounts/:externalId  ServiceAccountInput ⇒ 201 (created) or 200 (updated) Upserted
 *   PUT   /contacts/:externalId          ContactInput
 *   PUT   /service-types/:externalId     ServiceTypeInput
 *   PUT   /resources/:externalId         ResourceInput
 *   PUT   /work-orders/:externalId       WorkOrderInput
 *   PUT   /bookings/:externalId          BookingInput
 *   PATCH /bookings/:documentId          BookingChange ⇒ 200 Upserted (status, times, technician)
 *
 * Errors: 400 with `error.details.errors: [{ path, message }]` naming every wrong field; 404
 * when the booking to change does not exist. A refused request changes nothing.
 */

const ExternalRef = z.string().trim().min(1).max(255);
const Name = z.string().trim().min(1).max(255);

export const ServiceAccountInput = z.object({
  name: Name,
  address: z.string().trim().min(1).max(2000),
  latitude: Latitude.nullable().optional(),
  longitude: Longitude.nullable().optional(),
  timeZone: TimeZone,
  /** externalId of a contact */
  primaryContact: ExternalRef.nullable().optional(),
});
export type ServiceAccountInput = z.infer<typeof ServiceAccountInput>;

export const ContactInput = z.object({
  /** At most what a message can carry (a longer name could be stored but never sent). */
  name: z.string().trim().min(1).max(TEXT_LIMITS.contactName),
  email: z.email().nullable().optional(),
  /** International format; stored as E.164. */
  mobilePhone: z.string().nullable().optional(),
  locale: z.string().trim().min(2).max(16).nullable().optional(),
  emailOptOut: z.boolean().optional(),
  smsOptOut: z.boolean().optional(),
  /**
   * The customer asked to get messages again: required to set an opt-out back to false once
   * they opted out (by STOP, one-click or the portal). Recorded in the contact's consent record.
   */
  resubscribe: z.literal(true).optional(),
});
export type ContactInput = z.infer<typeof ContactInput>;

export const ServiceTypeInput = z.object({ name: Name });
export type ServiceTypeInput = z.infer<typeof ServiceTypeInput>;

export const ResourceInput = z.object({
  name: Name,
  /** International format; stored as E.164. */
  phone: z.string().nullable().optional(),
  photoUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
});
export type ResourceInput = z.infer<typeof ResourceInput>;

export const WorkOrderInput = z.object({
  /** At most what a message can carry (a longer number could be stored but never sent). */
  number: z.string().trim().min(1).max(TEXT_LIMITS.workOrderNumber),
  serviceAccount: ExternalRef,
  serviceType: ExternalRef.nullable().optional(),
  /** externalId of the contact who reported the work: the one who gets the messages. */
  reportedBy: ExternalRef.nullable().optional(),
});
export type WorkOrderInput = z.infer<typeof WorkOrderInput>;

const endAfterStart = (value: { start?: string | undefined; end?: string | undefined }) =>
  !value.start || !value.end || Date.parse(value.end) >= Date.parse(value.start);

export const BookingInput = z
  .object({
    workOrder: ExternalRef,
    resource: ExternalRef.nullable().optional(),
    start: Instant,
    end: Instant,
    status: BookingStatus.optional(),
  })
  .refine(endAfterStart, { message: 'must not be before start', path: ['end'] });
export type BookingInput = z.infer<typeof BookingInput>;

export const BookingChange = z
  .object({
    status: BookingStatus.optional(),
    start: Instant.optional(),
    end: Instant.optional(),
    /** externalId of a resource; null removes the technician. */
    resource: ExternalRef.nullable().optional(),
  })
  .strict()
  .refine((change) => Object.keys(change).length > 0, {
    message: 'give at least one of status, start, end, resource',
  })
  .refine(endAfterStart, { message: 'must not be before start', path: ['end'] });
export type BookingChange = z.infer<typeof BookingChange>;

export const Upserted = z.object({
  data: z.object({
    documentId: z.string(),
    externalId: z.string().nullable(),
    created: z.boolean(),
  }),
});
export type Upserted = z.infer<typeof Upserted>;

/** `GET /access-codes/:token` (read scope): 200 for a code that opens its booking now, else 404. */
export const AccessCodeCheck = z.object({
  data: z.object({ bookingId: z.string(), expiresAt: Instant }),
});
export type AccessCodeCheck = z.infer<typeof AccessCodeCheck>;
