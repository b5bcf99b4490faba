import { z } from 'zod';
import { Instant } from './domain.ts';

/** Admin routes (admin JWT and the plugin's permissions, prefix /enroute). */

/** `GET /booking-events/backlog` */
const BacklogCounts = z.object({
  /** Deliveries waiting (an event waiting for two endpoints counts twice). */
  pending: z.number().int(),
  /** Pending deliveries that failed at least once. */
  retrying: z.number().int(),
  oldestPendingAt: Instant.nullable(),
  lastError: z.string().nullable(),
  /** Dead letters: deliveries no longer retried, waiting for an admin to retry or discard them. */
  dead: z.number().int(),
});

/** What waits for one webhook endpoint. */
export const EndpointBacklog = BacklogCounts.extend({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  enabled: z.boolean(),
});
export type EndpointBacklog = z.infer<typeof EndpointBacklog>;

/**
 * One event's delivery to one endpoint that stopped being retried: `dead` until an admin decides,
 * then `pending` again (retried) or `discarded` (kept, never delivered); `delivered` once a retry
 * went through.
 */
export const DeadLetter = z.object({
  id: z.number().int(),
  endpointId: z.string(),
  eventId: z.string(),
  type: z.string(),
  bookingDocumentId: z.string(),
  occurredAt: Instant,
  state: z.enum(['dead', 'pending', 'delivered', 'discarded']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  deadAt: Instant.nullable(),
  retriedAt: Instant.nullable(),
  retriedBy: z.string().nullable(),
  discardedAt: Instant.nullable(),
  discardedBy: z.string().nullable(),
});
export type DeadLetter = z.infer<typeof DeadLetter>;

export const OutboxBacklog = BacklogCounts.extend({
  /** The Strapi instance that answered, as named on the deliveries it holds the lease of. */
  instance: z.string(),
  endpoints: z.array(EndpointBacklog),
  /**
   * Dead letters and what became of them (dead, discarded, or retried: pending or delivered
   * again), the most recent events first (up to 100).
   */
  deadLetters: z.array(DeadLetter),
});
export type OutboxBacklog = z.infer<typeof OutboxBacklog>;

/** `POST /booking-events/deliveries/:id/actions`: an admin's decision on a dead letter. */
export const DeadLetterAction = z.object({ action: z.enum(['retry', 'discard']) });
export type DeadLetterAction = z.infer<typeof DeadLetterAction>;

export const AccessCodeAction = z.object({
  action: z.enum(['extend', 'expire', 'block', 'unblock']),
  /** Days added to the expiry (from now when it has already passed); extend only. */
  days: z.number().int().min(1).max(365).optional(),
});
export type AccessCodeAction = z.infer<typeof AccessCodeAction>;

export const AccessCodeView = z.object({
  documentId: z.string(),
  bookingId: z.string(),
  expiresAt: Instant,
  blockedAt: Instant.nullable(),
  views: z.number().int(),
  lastViewedAt: Instant.nullable(),
  state: z.enum(['active', 'expired', 'blocked']),
  history: z.array(
    z.object({ action: z.string(), by: z.string(), at: Instant, expiresAt: Instant.optional() }),
  ),
});
export type AccessCodeView = z.infer<typeof AccessCodeView>;
