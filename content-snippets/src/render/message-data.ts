import { z } from 'zod';
import { TEXT_LIMITS } from '../../../cms-plugin/shared/contracts/vocabulary.ts';

const Instant = z.iso.datetime({ offset: true });

/** What one message is about, for one recipient. Validated where it enters the renderer. */
export const MessageData = z.object({
  recipient: z.object({
    name: z.string().max(TEXT_LIMITS.contactName),
    email: z.string().nullable().optional(),
  }),
  booking: z.object({
    /** Stable booking id: the calendar event's UID. */
    id: z.string().min(1),
    number: z.string().max(TEXT_LIMITS.workOrderNumber),
    start: Instant,
    end: Instant,
    timeZone: z.string().min(1),
    previousStart: Instant.nullable().optional(),
    completedAt: Instant.nullable().optional(),
    /** When the customer confirmed the appointment from their page. */
    confirmedAt: Instant.nullable().optional(),
    etaAt: Instant.nullable().optional(),
  }),
  account: z.object({ name: z.string(), address: z.string() }),
  /** Null when the settings hide the technician or none is assigned yet. */
  technician: z.object({ name: z.string() }).nullable().optional(),
  /** The portal link; may be empty for a message without one. */
  link: z.string(),
  /** A static map of the technician and the visit, when the settings name a provider. */
  map: z
    .object({ url: z.url({ protocol: /^https$/ }).max(4_000) })
    .nullable()
    .optional(),
});
export type MessageData = z.input<typeof MessageData>;
