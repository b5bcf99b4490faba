import { z } from 'zod';
import { Instant, Latitude, Longitude } from './domain.ts';

/**
 * Location ingest: `POST /api/enroute/locations` from a technician's app, with a token scoped to
 * that technician (resource). One position or a batch; bad items are reported per item and the
 * good ones kept; a position already stored (same resource and recordedAt) counts as a duplicate.
 */
export const PositionInput = z.object({
  lat: Latitude,
  lng: Longitude,
  /** Metres, 68% confidence radius as reported by the device. */
  accuracy: z.number().nonnegative().max(100_000).optional(),
  recordedAt: Instant,
  source: z.enum(['app', 'manual']).default('app'),
});
export type PositionInput = z.infer<typeof PositionInput>;

/** Items are validated one by one (see PositionInput) so that one bad item does not sink a batch. */
export const LocationIngestRequest = z.union([
  z.object({ positions: z.array(z.unknown()).min(1).max(500) }),
  z.record(z.string(), z.unknown()),
]);

export const LocationIngestResponse = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(
    z.object({
      index: z.number().int(),
      errors: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  ),
});
export type LocationIngestResponse = z.infer<typeof LocationIngestResponse>;
