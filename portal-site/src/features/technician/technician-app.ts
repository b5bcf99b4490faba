import { createHash } from 'node:crypto';
import { TechnicianStatus } from '@enroute/contracts';

/** The technician app's session cookie: httpOnly, SameSite=Strict, only below /tech. */
export const SESSION_COOKIE = 'enroute_tech';
export const APP_PATH = '/tech';
/** The app's home: with the slash, inside the service worker's scope (`/tech/`). */
export const HOME_PATH = '/tech/';

/** Session and link tokens as the plugin issues them. */
const TOKEN = /^enr_t_[A-Za-z0-9_-]{43}$/;

export function isPlausibleToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

export interface CookieOptions {
  httpOnly: true;
  sameSite: 'strict';
  secure: boolean;
  path: string;
  expires: Date;
}

/** Where the session cookie goes: Secure whenever the app is served over https. */
export function sessionCookieOptions(url: URL, expiresAt: string): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: url.protocol === 'https:',
    path: APP_PATH,
    expires: new Date(expiresAt),
  };
}

/**
 * The form token of a session: derived from the session token (which never leaves the cookie),
 * so a page of another site can neither read nor compute it. Checked on every post.
 */
export function csrfToken(session: string): string {
  return createHash('sha256').update(`enroute-tech-form\n${session}`).digest('base64url');
}

export function isValidCsrf(session: string, given: unknown): boolean {
  return typeof given === 'string' && given.length > 0 && given === csrfToken(session);
}

/** The status a confirmation page asks for, from its path segment. */
export function requestedStatus(segment: string | undefined): TechnicianStatus | null {
  const parsed = TechnicianStatus.safeParse(segment);
  return parsed.success ? parsed.data : null;
}

/** What the technician may do next with a visit, as the plugin allows it. */
export function nextStatus(status: string): TechnicianStatus | null {
  switch (status) {
    case 'scheduled':
      return 'traveling';
    case 'traveling':
      return 'in-progress';
    case 'in-progress':
      return 'completed';
    default:
      return null;
  }
}

/**
 * A link that opens the phone's maps app: `geo:` with the coordinates and the address as the
 * query where known (Android), else a maps search URL that iOS and browsers understand.
 */
export function mapsLink(
  destination: { lat: number; lng: number } | null,
  address: string | null,
): string | null {
  if (destination) {
    const label = address ? `(${encodeURIComponent(address)})` : '';
    return `geo:${destination.lat},${destination.lng}?q=${destination.lat},${destination.lng}${label}`;
  }
  if (address) return `https://maps.apple.com/?q=${encodeURIComponent(address)}`;
  return null;
}

/** A visit's element id, for the page to come back to it after a change. */
export function visitAnchor(documentId: string): string {
  return `visit-${documentId.replace(/[^A-Za-z0-9_-]/g, '')}`;
}

export type DoneNotice = TechnicianStatus | 'refused' | 'failed';

/** Where a status form leads: the list, with what happened, scrolled to the visit. */
export function afterStatusPath(documentId: string, notice: DoneNotice): string {
  return `${HOME_PATH}?done=${notice}#${visitAnchor(documentId)}`;
}

export function doneNotice(url: URL): DoneNotice | null {
  const value = url.searchParams.get('done');
  return value === 'refused' || value === 'failed' ? value : requestedStatus(value ?? undefined);
}
