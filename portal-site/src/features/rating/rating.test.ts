import { describe, expect, it } from 'vitest';
import { afterRatingPath, parseRatingForm, ratingNotice } from './rating.ts';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

describe('rating form', () => {
  it('takes a score from 1 to 5 and an optional trimmed comment', () => {
    expect(parseRatingForm(form({ score: '5', comment: '  Quick and tidy  ' }))).toEqual({
      ok: true,
      rating: { score: 5, comment: 'Quick and tidy' },
    });
    expect(parseRatingForm(form({ score: '3', comment: '   ' }))).toEqual({
      ok: true,
      rating: { score: 3 },
    });
  });

  it('refuses a missing, out-of-range or fractional score and an overlong comment', () => {
    const refused: Record<string, string>[] = [
      {},
      { score: '0' },
      { score: '6' },
      { score: '2.5' },
      { score: 'five' },
    ];
    for (const fields of refused) {
      expect(parseRatingForm(form(fields)).ok).toBe(false);
    }
    const long = parseRatingForm(form({ score: '4', comment: 'x'.repeat(2001) }));
    expect(long).toMatchObject({ ok: false, problems: [expect.stringContaining('comment')] });
  });

  it('returns to the page in the language the visitor was reading', () => {
    expect(afterRatingPath('abcdefgh', 'thanks', 'ar')).toBe('/t/abcdefgh?rating=thanks&locale=ar');
    expect(afterRatingPath('abcdefgh', 'invalid', null)).toBe('/t/abcdefgh?rating=invalid');
  });

  it('reads the notice from the address, ignoring anything else', () => {
    expect(ratingNotice(new URL('http://p/t/c?rating=thanks'))).toBe('thanks');
    expect(ratingNotice(new URL('http://p/t/c?rating=<b>'))).toBeNull();
  });
});
