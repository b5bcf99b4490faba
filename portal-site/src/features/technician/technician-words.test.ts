import { LOCALES } from '@enroute/content';
import { describe, expect, it } from 'vitest';
import { itHasEveryWord } from '../../../test/word-tables.ts';
import { technicianWords, word } from './technician-words.ts';

describe('technician app words', () => {
  const english = technicianWords.en;
  itHasEveryWord(technicianWords);

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
