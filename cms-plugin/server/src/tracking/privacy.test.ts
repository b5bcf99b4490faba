import { describe, expect, it } from 'vitest';
import { visibleEta, visiblePosition } from './privacy.ts';

const now = new Date('2026-11-24T10:00:00.000Z');
const position = (secondsAgo: number) => ({
  lat: 48.8566,
  lng: 2.3522,
  accuracy: 12,
  recordedAt: new Date(now.getTime() - secondsAgo * 1000),
});
const rules = { now, staleSeconds: 120 };

describe('visiblePosition', () => {
  it('shows the position of a traveling booking, current within the staleness limit', () => {
    expect(visiblePosition('traveling', position(30), rules)).toEqual({
      lat: 48.8566,
      lng: 2.3522,
      accuracy: 12,
      recordedAt: '2026-11-24T09:59:30.000Z',
      stale: false,
    });
    expect(visiblePosition('traveling', position(120), rules)?.stale).toBe(false);
    expect(visiblePosition('traveling', position(121), rules)?.stale).toBe(true);
  });

  it('never shows a position outside traveling', () => {
    for (const state of ['scheduled', 'in-progress', 'completed', 'canceled'] as const) {
      expect(visiblePosition(state, position(1), rules)).toBeNull();
    }
    expect(visiblePosition('traveling', null, rules)).toBeNull();
  });
});

describe('visibleEta', () => {
  const eta = (arrivesAt: string) => ({
    arrivesAt: new Date(arrivesAt),
    computedAt: new Date('2026-11-24T09:50:00.000Z'),
    source: 'osrm',
    fallback: false,
  });

  it('shows the stored estimate while traveling, with its source', () => {
    expect(visibleEta('traveling', eta('2026-11-24T10:20:00.000Z'), now)).toEqual({
      arrivesAt: '2026-11-24T10:20:00.000Z',
      computedAt: '2026-11-24T09:50:00.000Z',
      source: 'osrm',
      fallback: false,
    });
  });

  it('never shows an arrival in the past: a late technician arrives "in the next minute"', () => {
    const late = new Date('2026-11-24T10:00:20.000Z');
    expect(visibleEta('traveling', eta('2026-11-24T09:58:00.000Z'), late)?.arrivesAt).toBe(
      '2026-11-24T10:01:00.000Z',
    );
  });

  it('shows nothing outside traveling or without an estimate', () => {
    expect(visibleEta('in-progress', eta('2026-11-24T10:20:00.000Z'), now)).toBeNull();
    expect(
      visibleEta(
        'traveling',
        { arrivesAt: null, computedAt: null, source: null, fallback: false },
        now,
      ),
    ).toBeNull();
  });
});
