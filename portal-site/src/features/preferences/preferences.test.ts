import { LOCALES } from '@enroute/content';
import { describe, expect, it } from 'vitest';
import { isOneClick, isPlausibleToken, preferencesFromForm } from './preferences.ts';
import { preferencesWords } from './preferences-words.ts';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe('the message preferences page', () => {
  it.each(LOCALES)('%s has every word', (locale) => {
    const words = preferencesWords[locale];
    expect(Object.keys(words).sort()).toEqual(Object.keys(preferencesWords.en).sort());
    for (const text of Object.values(words)) expect(text.trim()).not.toBe('');
    if (locale !== 'en') expect(words.save).not.toBe(preferencesWords.en.save);
  });

  it("tells a mail client's one-click POST from the page's own form", () => {
    expect(isOneClick(form([['List-Unsubscribe', 'One-Click']]))).toBe(true);
    expect(isOneClick(form([['offered', 'email']]))).toBe(false);
  });

  it('reads an unticked box as off, and leaves a channel without an address alone', () => {
    expect(
      preferencesFromForm(
        form([
          ['offered', 'email'],
          ['offered', 'sms'],
          ['channel', 'sms'],
        ]),
      ),
    ).toEqual({ email: false, sms: true });
    expect(preferencesFromForm(form([['offered', 'sms']]))).toEqual({ sms: false });
  });

  it('takes only tokens shaped like the links Enroute signs', () => {
    expect(isPlausibleToken(`abc123.${'A'.repeat(22)}`)).toBe(true);
    expect(isPlausibleToken('abc123')).toBe(false);
    expect(isPlausibleToken(`../x.${'A'.repeat(22)}`)).toBe(false);
  });
});
