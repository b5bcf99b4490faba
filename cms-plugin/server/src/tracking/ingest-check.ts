import { PositionInput } from '../../../shared/contracts/locations.ts';
import type { FieldError } from '../validation/errors.ts';

/** A device clock a little ahead is tolerated; a position further in the future is refused. */
export const CLOCK_SKEW_MS = 60_000;
/** Positions per request. */
export const MAX_BATCH = 500;

export type CheckedPosition = {
  index: number;
  lat: number;
  lng: number;
  accuracy: number | null;
  recordedAt: Date;
  source: 'app' | 'manual';
};

export type CheckedBatch = {
  positions: CheckedPosition[];
  rejected: { index: number; errors: FieldError[] }[];
  /** Items repeating an earlier item of the same request (same recordedAt). */
  duplicates: number;
};

export type BatchProblem = { problem: string };

/** The items of a request body: one position, or `{ positions: [...] }`. */
export function itemsOf(body: unknown): unknown[] | BatchProblem {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { problem: 'must be a position or { positions: [...] }' };
  }
  if (!('positions' in body)) return [body];
  const { positions } = body;
  if (!Array.isArray(positions)) return { problem: 'positions must be an array' };
  if (positions.length === 0) return { problem: 'positions must hold at least one position' };
  if (positions.length > MAX_BATCH) {
    return { problem: `positions may hold at most ${MAX_BATCH} positions per request` };
  }
  return positions;
}

/**
 * Checks each item on its own, so that one bad item does not sink the others: coordinates and
 * accuracy in range, a recorded time neither in the future (beyond the skew) nor older than
 * what is kept.
 */
export function checkPositions(
  items: unknown[],
  rules: { now: Date; retentionDays: number },
): CheckedBatch {
  const latest = rules.now.getTime() + CLOCK_SKEW_MS;
  const oldest = rules.now.getTime() - rules.retentionDays * 86_400_000;
  const result: CheckedBatch = { positions: [], rejected: [], duplicates: 0 };
  const seen = new Set<number>();
  items.forEach((item, index) => {
    const parsed = PositionInput.safeParse(item);
    if (!parsed.success) {
      result.rejected.push({
        index,
        errors: parsed.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.') || '(position)',
          message: issue.message,
        })),
      });
      return;
    }
    const recordedAt = new Date(parsed.data.recordedAt);
    const at = recordedAt.getTime();
    const problem =
      at > latest
        ? `must not be in the future (more than ${CLOCK_SKEW_MS / 1000} s ahead of the server)`
        : at < oldest
          ? `is older than the ${rules.retentionDays} days positions are kept`
          : null;
    if (problem) {
      result.rejected.push({ index, errors: [{ path: 'recordedAt', message: problem }] });
      return;
    }
    if (seen.has(at)) {
      result.duplicates += 1;
      return;
    }
    seen.add(at);
    result.positions.push({
      index,
      lat: parsed.data.lat,
      lng: parsed.data.lng,
      accuracy: parsed.data.accuracy ?? null,
      recordedAt,
      source: parsed.data.source,
    });
  });
  return result;
}
