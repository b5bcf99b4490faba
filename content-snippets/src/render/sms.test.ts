import { describe, expect, it } from 'vitest';
import { SegmentedMessage } from 'sms-segments-calculator';
import { countSmsSegments } from './sms.ts';

describe('countSmsSegments', () => {
  it('keeps GSM-7 text in GSM-7, 160 characters to one segment, 153 after', () => {
    expect(countSmsSegments('a'.repeat(160))).toEqual({
      encoding: 'GSM-7',
      segments: 1,
      units: 160,
    });
    expect(countSmsSegments('a'.repeat(161))).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(countSmsSegments('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(countSmsSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts GSM-7 extension characters twice', () => {
    expect(countSmsSegments('€[]')).toMatchObject({ encoding: 'GSM-7', units: 6 });
  });

  it('accented letters of the GSM alphabet stay GSM-7; others switch to UCS-2 at 70 / 67', () => {
    expect(countSmsSegments('Rendez-vous à 14h, équipe Zürich')).toMatchObject({
      encoding: 'GSM-7',
    });
    expect(countSmsSegments('Olá João, visita às 14h')).toMatchObject({ encoding: 'UCS-2' });
    expect(countSmsSegments('ł'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(countSmsSegments('ł'.repeat(71))).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });

  it('treats Arabic, Hebrew, Japanese and emoji as UCS-2', () => {
    for (const text of ['موعدك غدا', 'הטכנאי בדרך', '技術者が向かっています', 'On the way 🚐']) {
      expect(countSmsSegments(text).encoding).toBe('UCS-2');
    }
  });
});

describe('countSmsSegments against sms-segments-calculator', () => {
  // The reference implementation is exact but slow; ours must agree with it on every kind of text.
  const alphabet = [
    'abcXYZ019 .,!?', // GSM basic
    'èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉÄÖÑÜäöñüà¿¡§£¥', // GSM basic, non-ASCII
    '^{}\\[~]|€', // GSM extension (two units)
    'áíóúãõçêâôąęłśżńćź', // not GSM
    'مرحبا שלום こんにちは 你好', // RTL and CJK
    '🚐🔧👍🏽', // astral, two UTF-16 units
  ].join('');
  const chars = [...alphabet];

  // The reference library is slow (about 3 ms a text); the generous limit keeps a loaded CI calm.
  it('agrees on 2,000 random texts of every length and mix', { timeout: 60_000 }, () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const length = Math.floor(random() * 420);
      const gsmOnly = random() < 0.6;
      const pool = gsmOnly ? chars.slice(0, 55) : chars;
      const text = Array.from({ length }, () => pool[Math.floor(random() * pool.length)]).join('');
      const reference = new SegmentedMessage(text, 'auto');
      const ours = countSmsSegments(text);
      expect({ text, ...ours }).toEqual({
        text,
        encoding: reference.encodingName === 'GSM-7' ? 'GSM-7' : 'UCS-2',
        segments: reference.segmentsCount,
        units: ours.units,
      });
    }
  });
});
