import { describe, expect, it } from 'vitest';
import { readLocalClock } from './local-time.ts';

describe('readLocalClock', () => {
  it("reads the hour and weekday on the zone's wall clock", () => {
    // Tuesday 24 November 2026, 23:30 UTC: already Wednesday in Tokyo.
    const instant = new Date('2026-11-24T23:30:00Z');
    expect(readLocalClock(instant, 'UTC')).toEqual({
      hour: 23,
      weekday: 2,
      secondsToNextHour: 1800,
    });
    expect(readLocalClock(instant, 'Asia/Tokyo')).toEqual({
      hour: 8,
      weekday: 3,
      secondsToNextHour: 1800,
    });
  });

  it('counts to the next local hour in a zone offset by half an hour', () => {
    // 10:00 UTC is 15:30 in Kolkata.
    expect(readLocalClock(new Date('2026-11-24T10:00:00Z'), 'Asia/Kolkata')).toEqual({
      hour: 15,
      weekday: 2,
      secondsToNextHour: 1800,
    });
  });

  it('follows the clock change at the end of summer time', () => {
    // Paris, 25 October 2026: 03:00 summer time becomes 02:00 winter time at 01:00 UTC.
    expect(readLocalClock(new Date('2026-10-25T00:59:59Z'), 'Europe/Paris').hour).toBe(2);
    expect(readLocalClock(new Date('2026-10-25T01:00:00Z'), 'Europe/Paris').hour).toBe(2);
    expect(readLocalClock(new Date('2026-10-25T02:00:00Z'), 'Europe/Paris').hour).toBe(3);
  });

  it('counts fractions of a second', () => {
    expect(readLocalClock(new Date('2026-11-24T10:59:59.750Z'), 'UTC').secondsToNextHour).toBe(
      0.25,
    );
  });
});
