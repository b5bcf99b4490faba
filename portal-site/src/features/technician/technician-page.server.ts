import type { AstroCookies } from 'astro';
import type { Locale } from '@enroute/content';
import { visitorLocale } from '../tracking/visitor-locale.ts';
import { APP_PATH, SESSION_COOKIE, isPlausibleToken } from './technician-app.ts';

/** The session token from the cookie, when it looks like one. */
export function sessionOf(cookies: AstroCookies): string | null {
  const value = cookies.get(SESSION_COOKIE)?.value;
  return isPlausibleToken(value) ? value : null;
}

export function forgetSession(cookies: AstroCookies): void {
  cookies.delete(SESSION_COOKIE, { path: APP_PATH });
}

/** The technician's language: `?locale=`, else the phone's, else English. */
export function technicianLocale(url: URL, request: Request): Locale {
  return visitorLocale(url, request.headers.get('accept-language'));
}
