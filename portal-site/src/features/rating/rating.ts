import { RatingRequest } from '@enroute/contracts';
import { z } from 'zod';

/** The built-in rating form as the browser posts it (works without JavaScript). */
const RatingForm = z.object({
  score: z.coerce.number().int().min(1).max(5),
  comment: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((comment) => (comment ? comment : undefined)),
});

export type RatingFormResult =
  { ok: true; rating: RatingRequest } | { ok: false; problems: string[] };

export function parseRatingForm(form: FormData): RatingFormResult {
  const comment = form.get('comment');
  const parsed = RatingForm.safeParse({
    score: form.get('score') ?? undefined,
    comment: typeof comment === 'string' ? comment : undefined,
  });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    };
  }
  return { ok: true, rating: RatingRequest.parse(parsed.data) };
}

/** What the page says after a rating was posted (`?rating=`). */
export const RATING_NOTICES = ['thanks', 'invalid', 'failed'] as const;
export type RatingNotice = (typeof RATING_NOTICES)[number];

/** Back to the page after a post, in the language the visitor was reading. */
export function afterRatingPath(code: string, notice: RatingNotice, locale: string | null): string {
  const query = new URLSearchParams({ rating: notice });
  if (locale) query.set('locale', locale);
  return `/t/${code}?${query}`;
}

export function ratingNotice(url: URL): RatingNotice | null {
  const value = url.searchParams.get('rating');
  return RATING_NOTICES.find((notice) => notice === value) ?? null;
}
