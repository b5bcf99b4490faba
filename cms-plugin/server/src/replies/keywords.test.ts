import { describe, expect, it } from 'vitest';
import { defaultSnippets, LOCALES } from '@enroute/content';
import { KEYWORD_SNIPPETS, keywordList, replyIntent } from './keywords.ts';

/** Every locale's words at once, as the plugin reads them from the snippets. */
const words = {
  'opt-out': new Set(
    LOCALES.flatMap((l) => keywordList(defaultSnippets[l][KEYWORD_SNIPPETS['opt-out']])),
  ),
  'opt-in': new Set(
    LOCALES.flatMap((l) => keywordList(defaultSnippets[l][KEYWORD_SNIPPETS['opt-in']])),
  ),
  help: new Set(LOCALES.flatMap((l) => keywordList(defaultSnippets[l][KEYWORD_SNIPPETS.help]))),
};

describe('what a text reply asks for', () => {
  it.each([
    'STOP',
    'stop',
    ' Stop. ',
    'STOPALL',
    'Unsubscribe',
    'END',
    'quit',
    'Cancel',
    'REVOKE',
    'opt out',
    'Opt  Out!',
    'Arrêt',
    'ARRET',
    'baja',
    'Stopp',
    '停止',
    'إيقاف',
    'ايقاف',
    'הסר',
    '退订',
    'Wypisz',
  ])('%j stops texts', (body) => expect(replyIntent(body, words)).toBe('opt-out'));

  it.each(['START', 'unstop', 'Yes', 'oui', 'ابدأ'])('%j starts texts again', (body) =>
    expect(replyIntent(body, words)).toBe('opt-in'),
  );

  it.each(['HELP', 'info', 'Aide', 'ayuda', 'Hilfe', 'مساعدة', 'עזרה', 'ヘルプ'])(
    '%j asks for help',
    (body) => expect(replyIntent(body, words)).toBe('help'),
  );

  it.each(['gate code is 4411', "please don't stop by before noon", 'STOP IT NOW', ''])(
    '%j is a reply for the office',
    (body) => expect(replyIntent(body, words)).toBe('forward'),
  );
});
