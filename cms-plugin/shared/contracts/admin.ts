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
});

/** What waits for one webhook endpoint. */
export const EndpointBacklog = BacklogCounts.extend({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  enabled: z.boolean(),
});
export type EndpointBacklog = z.infer<typeof EndpointBacklog>;

export const OutboxBacklog = BacklogCounts.extend({
  endpoints: z.array(EndpointBacklog),
});
export type OutboxBacklog = z.infer<typeof OutboxBacklog>;

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
