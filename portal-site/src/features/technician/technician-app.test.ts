import { describe, expect, it } from 'vitest';
import {
  afterStatusPath,
  csrfToken,
  doneNotice,
  isPlausibleToken,
  isValidCsrf,
  mapsLink,
  nextStatus,
  requestedStatus,
  sessionCookieOptions,
} from './technician-app.ts';

const SESSION = `enr_t_${'a'.repeat(43)}`;

describe('technician app', () => {
  it('keeps the session cookie httpOnly and strict, Secure on https only', () => {
    const expires = '2026-06-01T18:00:00.000Z';
    expect(sessionCookieOptions(new URL('https://track.example/tech/sign-in/x'), expires)).toEqual({
      httpOnly: true,
      sameSite: 'strict',
      secure: true,
      path: '/tech',
      expires: new Date(expires),
    });
    expect(sessionCookieOptions(new URL('http://127.0.0.1:4321/tech/'), expires).secure).toBe(
      false,
    );
  });

  it('checks form tokens against the session they were made for', () => {
    const token = csrfToken(SESSION);
    expect(token).not.toContain(SESSION.slice(6, 20));
    expect(isValidCsrf(SESSION, token)).toBe(true);
    expect(isValidCsrf(`enr_t_${'b'.repeat(43)}`, token)).toBe(false);
    expect(isValidCsrf(SESSION, '')).toBe(false);
    expect(isValidCsrf(SESSION, null)).toBe(false);
  });

  it('takes only tokens shaped as the plugin issues them', () => {
    expect(isPlausibleToken(SESSION)).toBe(true);
    expect(isPlausibleToken('enr_t_short')).toBe(false);
    expect(isPlausibleToken(`${SESSION}/../x`)).toBe(false);
  });

  it('moves a visit forward one status at a time', () => {
    expect(nextStatus('scheduled')).toBe('traveling');
    expect(nextStatus('traveling')).toBe('in-progress');
    expect(nextStatus('in-progress')).toBe('completed');
    expect(nextStatus('completed')).toBeNull();
    expect(nextStatus('canceled')).toBeNull();
    expect(requestedStatus('in-progress')).toBe('in-progress');
    expect(requestedStatus('scheduled')).toBeNull();
  });

  it("links the address to the phone's maps app", () => {
    expect(mapsLink({ lat: 48.8698, lng: 2.3311 }, '12 rue de la Paix, Paris')).toBe(
      'geo:48.8698,2.3311?q=48.8698,2.3311(12%20rue%20de%20la%20Paix%2C%20Paris)',
    );
    expect(mapsLink(null, '12 rue de la Paix')).toBe(
      'https://maps.apple.com/?q=12%20rue%20de%20la%20Paix',
    );
    expect(mapsLink(null, null)).toBeNull();
  });

  it('comes back to the list with what happened', () => {
    const path = afterStatusPath('abc123', 'traveling');
    expect(path).toBe('/tech/?done=traveling#visit-abc123');
    expect(doneNotice(new URL(path, 'http://x'))).toBe('traveling');
    expect(doneNotice(new URL('/tech/?done=<script>', 'http://x'))).toBeNull();
  });
});
