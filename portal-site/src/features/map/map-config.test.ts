import { describe, expect, it } from 'vitest';
import { distanceMetres, formatDistance, glideMilliseconds, interpolate } from './map-config.ts';

describe('marker motion', () => {
  const from = { lat: 48.85, lng: 2.35 };
  const to = { lat: 48.87, lng: 2.33 };

  it('starts at the old position, ends at the new one, passes halfway in the middle', () => {
    expect(interpolate(from, to, 0)).toEqual(from);
    expect(interpolate(from, to, 1)).toEqual(to);
    const middle = interpolate(from, to, 0.5);
    expect(middle.lat).toBeCloseTo(48.86, 6);
    expect(interpolate(from, to, 7)).toEqual(to);
  });

  it('jumps when the visitor asked for reduced motion', () => {
    expect(glideMilliseconds(true)).toBe(0);
    expect(glideMilliseconds(false)).toBeGreaterThan(0);
  });
});

describe('distance for the text alternative', () => {
  it('measures and words it in the locale', () => {
    const metres = distanceMetres({ lat: 48.8566, lng: 2.3522 }, { lat: 48.8686, lng: 2.3317 });
    expect(metres).toBeGreaterThan(1800);
    expect(metres).toBeLessThan(2100);
    expect(formatDistance(1840, 'en')).toBe('1.8 km');
    expect(formatDistance(1840, 'ar')).toContain('كم');
    expect(formatDistance(640, 'en')).toBe('640 m');
  });
});
