import { MessagePreferences, type PreferencesUpdate } from '@enroute/contracts';
import { resolveLocale, type Locale } from '@enroute/content';

/** The signed link's token, as the plugin makes it: a document id, a dot, 128 bits base64url. */
export function isPlausibleToken(token: string | undefined): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{22}$/.test(token);
}

export function preferencesUrl(strapiUrl: string, token: string, action = ''): URL {
  return new URL(
    `/api/enroute/preferences/${encodeURIComponent(token)}${action}`,
    strapiUrl.replace(/\/+$/, ''),
  );
}

/** What Strapi answered: the preferences, no such link, or no answer to rely on. */
export type PreferencesLookup =
  | { kind: 'preferences'; preferences: MessagePreferences; locale: Locale }
  | { kind: 'unknown' }
  | { kind: 'error'; detail: string };

export function interpretPreferences(status: number, body: unknown): PreferencesLookup {
  if (status === 404 || status === 400) return { kind: 'unknown' };
  if (status !== 200) return { kind: 'error', detail: `Strapi answered ${status}` };
  const parsed = MessagePreferences.safeParse((body as { data?: unknown } | null)?.data);
  if (!parsed.success) return { kind: 'error', detail: 'Strapi answered in an unexpected shape' };
  return {
    kind: 'preferences',
    preferences: parsed.data,
    locale: resolveLocale(parsed.data.locale),
  };
}

/**
 * What a post to the page is: the mail client's one-click unsubscribe (RFC 8058: the body is
 * `List-Unsubscribe=One-Click`, sent from anywhere, no cookie), or the page's own form.
 */
export function isOneClick(form: FormData): boolean {
  return form.get('List-Unsubscribe') === 'One-Click';
}

/** The page's form: a box per channel, ticked to get messages on it (unticked boxes are absent). */
export function preferencesFromForm(form: FormData): PreferencesUpdate {
  const channels = form.getAll('channel').map(String);
  const offered = form.getAll('offered').map(String);
  const update: PreferencesUpdate = {};
  if (offered.includes('email')) update.email = channels.includes('email');
  if (offered.includes('sms')) update.sms = channels.includes('sms');
  return update;
}

export type PreferencesNotice = 'saved' | 'failed';

export function preferencesNotice(url: URL): PreferencesNotice | null {
  const value = url.searchParams.get('notice');
  return value === 'saved' || value === 'failed' ? value : null;
}
