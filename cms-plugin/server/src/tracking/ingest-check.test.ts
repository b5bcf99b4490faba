import { describe, expect, it } from 'vitest';
import { checkPositions, itemsOf } from './ingest-check.ts';

const now = new Date('2026-11-24T10:00:00.000Z');
const rules = { now, retentionDays: 30 };
const at = (secondsFromNow: number) =>
  new Date(now.getTime() + secondsFromNow * 1000).toISOString();

describe('itemsOf', () => {
  it('takes one position or a batch, and refuses anything else', () => {
    expect(itemsOf({ lat: 1, lng: 2 })).toEqual([{ lat: 1, lng: 2 }]);
    expect(itemsOf({ positions: [1, 2] })).toEqual([1, 2]);
    expect(itemsOf([{ lat: 1 }])).toEqual({
      problem: 'must be a position or { positions: [...] }',
    });
    expect(itemsOf({ positions: 'many' })).toEqual({ problem: 'positions must be an array' });
    expect(itemsOf({ positions: [] })).toHaveProperty('problem');
    expect(itemsOf({ positions: Array.from({ length: 501 }) })).toHaveProperty('problem');
  });
});

describe('checkPositions', () => {
  it('keeps good items and reports each bad one by index and field', () => {
    const checked = checkPositions(
      [
        { lat: 48.85, lng: 2.35, recordedAt: at(-10) },
        { lat: -91, lng: 2.35, recordedAt: at(-9) },
        { lat: 48.85, lng: 181, accuracy: -1, recordedAt: at(-8) },
      ],
      rules,
    );
    expect(checked.positions).toEqual([
      {
        index: 0,
        lat: 48.85,
        lng: 2.35,
        accuracy: null,
        recordedAt: new Date(at(-10)),
        source: 'app',
      },
    ]);
    expect(checked.rejected).toEqual([
      { index: 1, errors: [{ path: 'lat', message: expect.any(String) }] },
      {
        index: 2,
        errors: [
          { path: 'lng', message: expect.any(String) },
          { path: 'accuracy', message: expect.any(String) },
        ],
      },
    ]);
  });

  it('tolerates a minute of clock skew, not more, and nothing older than retention', () => {
    const checked = checkPositions(
      [
        { lat: 1, lng: 1, recordedAt: at(60) },
        { lat: 1, lng: 1, recordedAt: at(61) },
        { lat: 1, lng: 1, recordedAt: at(-31 * 86_400) },
      ],
      rules,
    );
    expect(checked.positions.map((position) => position.index)).toEqual([0]);
    expect(checked.rejected.map((item) => item.errors[0]?.message)).toEqual([
      'must not be in the future (more than 60 s ahead of the server)',
      'is older than the 30 days positions are kept',
    ]);
  });

  it('counts a repeated recorded time within the batch as a duplicate', () => {
    const checked = checkPositions(
      [
        { lat: 1, lng: 1, recordedAt: at(-5) },
        { lat: 2, lng: 2, recordedAt: at(-5) },
      ],
      rules,
    );
    expect(checked.positions).toHaveLength(1);
    expect(checked.duplicates).toBe(1);
  });
});
