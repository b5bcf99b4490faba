import { describe, expect, it } from 'vitest';
import { distanceMeters, positionBody, shouldSend, type Fix } from './position-throttle.ts';

const at = (seconds: number, north = 0): Fix => ({
  lat: 48.8566 + north / 111_195,
  lng: 2.3522,
  accuracy: 8,
  at: Date.parse('2026-03-10T09:00:00Z') + seconds * 1000,
});

describe('position throttle: every 10 s or 50 m, whichever first', () => {
  it('measures metres on the ground', () => {
    expect(distanceMeters(at(0), at(0, 50))).toBeCloseTo(50, 0);
    // Paris to London, about 344 km.
    expect(
      distanceMeters({ lat: 48.8566, lng: 2.3522 }, { lat: 51.5074, lng: -0.1278 }),
    ).toBeCloseTo(343_500, -3);
  });

  it('sends the first fix, then after 10 s, or after 50 m', () => {
    expect(shouldSend(null, at(0))).toBe(true);
    expect(shouldSend(at(0), at(9, 10))).toBe(false);
    expect(shouldSend(at(0), at(10, 0))).toBe(true);
    expect(shouldSend(at(0), at(3, 51))).toBe(true);
    expect(shouldSend(at(0), at(3, 49))).toBe(false);
  });

  it('posts what the ingest takes', () => {
    expect(positionBody({ ...at(0), accuracy: 7.44 })).toEqual({
      lat: 48.8566,
      lng: 2.3522,
      accuracy: 7.4,
      recordedAt: '2026-03-10T09:00:00.000Z',
      source: 'app',
    });
    expect(positionBody({ ...at(0), accuracy: null })).not.toHaveProperty('accuracy');
  });
});
