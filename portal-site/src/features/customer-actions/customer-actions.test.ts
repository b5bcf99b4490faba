import { LOCALES } from '@enroute/content';
import { describe, expect, it } from 'vitest';
import { itHasEveryWord } from '../../../test/word-tables.ts';
import {
  afterAnswerPath,
  answerNotice,
  formToken,
  isValidFormToken,
  noticeFor,
  parseActionForm,
  windowValue,
} from './customer-actions.ts';
import { customerWord, customerWords } from './customer-words.ts';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('customer answer forms', () => {
  it('takes a form token only for its own code and revision', () => {
    const token = formToken('secret', 'code-1', 'rev-1');
    expect(isValidFormToken('secret', 'code-1', 'rev-1', token)).toBe(true);
    expect(isValidFormToken('secret', 'code-2', 'rev-1', token)).toBe(false);
    expect(isValidFormToken('secret', 'code-1', 'rev-2', token)).toBe(false);
    expect(isValidFormToken('other', 'code-1', 'rev-1', token)).toBe(false);
    expect(isValidFormToken('secret', 'code-1', 'rev-1', '')).toBe(false);
    expect(isValidFormToken('secret', 'code-1', null, token)).toBe(false);
  });

  it('reads each action as the plugin takes it', () => {
    const window = { start: '2026-12-08T08:00:00.000Z', end: '2026-12-08T12:00:00.000Z' };
    expect(parseActionForm(form({ action: 'confirm', revision: 'r' }))).toEqual({
      ok: true,
      request: { action: 'confirm', revision: 'r' },
    });
    expect(
      parseActionForm(
        form({ action: 'reschedule', revision: 'r', window: windowValue(window), preference: ' ' }),
      ),
    ).toEqual({ ok: true, request: { action: 'reschedule', revision: 'r', window } });
    expect(
      parseActionForm(form({ action: 'note', revision: 'r', note: '  Gate 12  ' })),
    ).toMatchObject({ ok: true, request: { note: 'Gate 12' } });
  });

  it('refuses a move with neither window nor preference, a long note and an unknown action', () => {
    expect(parseActionForm(form({ action: 'reschedule', revision: 'r', window: '' })).ok).toBe(
      false,
    );
    expect(parseActionForm(form({ action: 'note', revision: 'r', note: 'x'.repeat(501) })).ok).toBe(
      false,
    );
    expect(parseActionForm(form({ action: 'delete', revision: 'r' })).ok).toBe(false);
    expect(parseActionForm(form({ action: 'confirm' })).ok).toBe(false);
  });

  it("says what the plugin's answer means", () => {
    expect(noticeFor('confirm', 200, null)).toBe('confirmed');
    expect(noticeFor('cancel', 200, null)).toBe('canceled');
    expect(noticeFor('confirm', 409, 'revision')).toBe('stale');
    expect(noticeFor('cancel', 409, 'booking')).toBe('late');
    expect(noticeFor('reschedule', 409, 'window')).toBe('invalid');
    expect(noticeFor('note', 400, 'note')).toBe('invalid');
    expect(noticeFor('note', 0, null)).toBe('failed');
    expect(noticeFor('note', 503, null)).toBe('failed');
  });

  it('goes back to the page in the language it was read in', () => {
    const path = afterAnswerPath('abc', 'noted', 'ar');
    expect(path).toBe('/t/abc?answer=noted&locale=ar');
    expect(answerNotice(new URL(path, 'https://portal.example'))).toBe('noted');
    expect(answerNotice(new URL('/t/abc?answer=hacked', 'https://portal.example'))).toBeNull();
  });
});

describe('customer answer words', () => {
  const english = customerWords.en;
  itHasEveryWord(customerWords);

  it('is translated, not English everywhere', () => {
    for (const locale of LOCALES.filter((one) => one !== 'en'))
      expect(customerWords[locale]['confirm.button']).not.toBe(english['confirm.button']);
  });

  it('fills in the count', () => {
    expect(customerWord('fr', 'day.before', { count: '2' })).toBe('2 visites avant la vôtre');
    expect(customerWord('xx', 'confirmed')).toBe('Confirmed');
  });
});
