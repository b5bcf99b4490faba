import { createHmac, timingSafeEqual } from 'node:crypto';
import { CustomerActionRequest, NOTE_MAX_LENGTH, PREFERENCE_MAX_LENGTH } from '@enroute/contracts';

/**
 * The customer's answers on the booking's page: plain forms (they work without JavaScript) that
 * post to `/t/:code/answer`, each carrying the page's revision and a form token, then back to the
 * page with what happened (`?answer=`).
 */

/**
 * The form token of a page: an HMAC of the code and the page's revision under the portal's
 * secret, so that another site can neither read nor compute it, and a form made from an older
 * page does not pass. The plugin refuses an old revision as well (a replayed post).
 */
export function formToken(secret: string, code: string, revision: string): string {
  return createHmac('sha256', `enroute-customer-form\n${secret}`)
    .update(`${code}\n${revision}`)
    .digest('base64url');
}

export function isValidFormToken(
  secret: string,
  code: string,
  revision: unknown,
  given: unknown,
): boolean {
  if (typeof revision !== 'string' || typeof given !== 'string' || given.length === 0) return false;
  const expected = Buffer.from(formToken(secret, code, revision));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const field = (form: FormData, name: string): string | undefined => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** A window as the form carries it: `<start>/<end>`, two instants. */
export function windowValue(window: { start: string; end: string }): string {
  return `${window.start}/${window.end}`;
}

export type ActionFormResult =
  { ok: true; request: CustomerActionRequest } | { ok: false; problems: string[] };

/** The action a form posted, checked as the plugin will check it. */
export function parseActionForm(form: FormData): ActionFormResult {
  const action = field(form, 'action');
  const revision = field(form, 'revision');
  const body: Record<string, unknown> = { action, revision };
  if (action === 'note') body.note = (field(form, 'note') ?? '').slice(0, NOTE_MAX_LENGTH + 1);
  if (action === 'reschedule') {
    const [start, end] = (field(form, 'window') ?? '').split('/');
    if (start && end) body.window = { start, end };
    const preference = field(form, 'preference')?.trim();
    if (preference) body.preference = preference.slice(0, PREFERENCE_MAX_LENGTH + 1);
  }
  const parsed = CustomerActionRequest.safeParse(body);
  return parsed.success
    ? { ok: true, request: parsed.data }
    : {
        ok: false,
        problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      };
}

/** What the page says after an answer was posted. */
export const ANSWER_NOTICES = [
  'confirmed',
  'requested',
  'canceled',
  'noted',
  'late',
  'stale',
  'invalid',
  'failed',
] as const;
export type AnswerNotice = (typeof ANSWER_NOTICES)[number];

const DONE: Record<CustomerActionRequest['action'], AnswerNotice> = {
  confirm: 'confirmed',
  reschedule: 'requested',
  cancel: 'canceled',
  note: 'noted',
};

/** The notice for the plugin's answer to an action (its status and the field it names). */
export function noticeFor(
  action: CustomerActionRequest['action'],
  status: number,
  path: string | null,
): AnswerNotice {
  if (status >= 200 && status < 300) return DONE[action];
  if (status === 409 && path === 'revision') return 'stale';
  if (status === 409 && action === 'cancel') return 'late';
  if (status === 400 || status === 409) return 'invalid';
  return 'failed';
}

export function afterAnswerPath(code: string, notice: AnswerNotice, locale: string | null): string {
  const query = new URLSearchParams({ answer: notice });
  if (locale) query.set('locale', locale);
  return `/t/${code}?${query}`;
}

export function answerNotice(url: URL): AnswerNotice | null {
  const value = url.searchParams.get('answer');
  return ANSWER_NOTICES.find((notice) => notice === value) ?? null;
}
