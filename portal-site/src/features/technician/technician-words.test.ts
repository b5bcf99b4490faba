import { LOCALES } from '@enroute/content';
import { describe, expect, it } from 'vitest';
import { technicianWords, word } from './technician-words.ts';

describe('technician app words', () => {
  const english = technicianWords.en;
  it.each(LOCALES)('%s has every word, with the same placeholders as English', (locale) => {
    const words = technicianWords[locale];
    expect(Object.keys(words).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(words)) {
      expect(text.trim(), key).not.toBe('');
      const placeholders = (value: string) => value.match(/\{\w+\}/g) ?? [];
      expect(placeholders(text), key).toEqual(placeholders(english[key as keyof typeof english]));
    }
  });

  it('is translated, not English everywhere', () => {
    for (const locale of LOCALES.filter((one) => one !== 'en'))
      expect(technicianWords[locale]['action.traveling']).not.toBe(english['action.traveling']);
  });

  it('fills in the name', () => {
    expect(word('fr', 'today.signedInAs', { name: 'Jordan Lee' })).toBe(
      'Connecté en tant que Jordan Lee',
    );
  });
});
