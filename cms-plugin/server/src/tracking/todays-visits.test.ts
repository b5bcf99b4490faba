import { describe, expect, it } from 'vitest';
import { startsToday, technicianMayMove } from './todays-visits.ts';

describe("today's visits", () => {
  it('is today in the account zone, not in UTC', () => {
    const now = new Date('2026-03-10T23:30:00Z');
    // 23:30 UTC is 00:30 on 11 March in Paris: a visit at 08:00 Paris on the 11th is today.
    expect(startsToday(new Date('2026-03-11T07:00:00Z'), 'Europe/Paris', now)).toBe(true);
    expect(startsToday(new Date('2026-03-10T15:00:00Z'), 'Europe/Paris', now)).toBe(false);
    // In New York it is still 10 March.
    expect(startsToday(new Date('2026-03-10T15:00:00Z'), 'America/New_York', now)).toBe(true);
    expect(startsToday(new Date('2026-03-11T15:00:00Z'), 'America/New_York', now)).toBe(false);
  });

  it('an unknown zone is never today', () => {
    expect(startsToday(new Date(), 'Mars/Olympus', new Date())).toBe(false);
  });

  it('moves a visit forward only', () => {
    expect(technicianMayMove('scheduled', 'traveling')).toBe(true);
    expect(technicianMayMove('scheduled', 'completed')).toBe(false);
    expect(technicianMayMove('traveling', 'in-progress')).toBe(true);
    expect(technicianMayMove('in-progress', 'completed')).toBe(true);
    expect(technicianMayMove('completed', 'traveling')).toBe(false);
    expect(technicianMayMove('canceled', 'traveling')).toBe(false);
  });
});
