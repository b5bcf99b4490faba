import { describe, expect, it } from 'vitest';
import { formatDate, formatTime, formatTimeWindow, formatZoneName } from './booking-time.ts';

const start = '2026-11-25T13:00:00.000Z';
const end = '2026-11-25T15:00:00.000Z';

describe('booking times in the account zone', () => {
  it('shows the window in the zone of the booking, not of the server', () => {
    expect(formatTimeWindow(start, end, 'en', 'Europe/Paris')).toMatch(/2:00\s?[–-]\s?4:00\s?PM/);
    expect(formatTimeWindow(start, end, 'en', 'America/New_York')).toMatch(
      /8:00\s?[–-]\s?10:00\s?AM/,
    );
  });

  it('writes the date in the view locale', () => {
    expect(formatDate(start, 'en', 'Europe/Paris')).toBe('Wednesday, November 25, 2026');
    expect(formatDate(start, 'fr', 'Europe/Paris')).toBe('mercredi 25 novembre 2026');
    expect(formatDate(start, 'ar', 'Asia/Dubai')).toContain('نوفمبر');
  });

  it('crosses midnight into the next day when the zone says so', () => {
    expect(formatDate('2026-11-25T23:30:00.000Z', 'en', 'Asia/Tokyo')).toBe(
      'Thursday, November 26, 2026',
    );
  });

  it('names the zone', () => {
    expect(formatZoneName(start, 'en', 'Europe/Paris')).toMatch(/GMT\+1|CET/);
    expect(formatTime(start, 'en', 'Europe/Paris')).toMatch(/^2:00\s?PM$/);
  });
});
