import { LOCALES, type Locale } from '@enroute/content';
import { expect, it } from 'vitest';

/**
 * The checks every table of page words passes: each locale has every word of English, none
 * empty, each with the same placeholders as English.
 */
export function itHasEveryWord(table: Record<Locale, Record<string, string>>): void {
  const english = table.en;
  it.each(LOCALES)('%s has every word, with the same placeholders as English', (locale) => {
    const words = table[locale];
    expect(Object.keys(words).sort()).toEqual(Object.keys(english).sort());
    const placeholders = (value: string) => value.match(/\{\w+\}/g) ?? [];
    for (const [key, text] of Object.entries(words)) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(english[key] ?? ''));
    }
  });
}
