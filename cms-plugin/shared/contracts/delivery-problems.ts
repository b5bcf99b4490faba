import { z } from 'zod';
import { Instant } from './domain.ts';

/**
 * `GET /api/enroute/messaging/delivery-problems` (the "delivery problems" flow) and
 * `GET /enroute/delivery-problems` (the admin pages' banner): the messages that failed or expired
 * and the booking events that died within the window the settings set, and whether there are as
 * many as the threshold: then someone is to be told (`operationsEmail`, when set).
 */
export const DeliveryProblems = z.object({
  from: Instant,
  until: Instant,
  windowMinutes: z.number().int(),
  threshold: z.number().int(),
  /** Messages logged failed (the provider refused them, or the last try failed) in the window. */
  failed: z.number().int(),
  /** Messages logged expired (their moment passed before they could go) in the window. */
  expired: z.number().int(),
  /** Booking events that stopped being retried in the window, not yet retried or discarded. */
  dead: z.number().int(),
  total: z.number().int(),
  /** `total` reached the threshold. */
  alert: z.boolean(),
  operationsEmail: z.email().nullable(),
});
export type DeliveryProblems = z.infer<typeof DeliveryProblems>;
