import { describe, expect, it } from 'vitest';
import { LINK, messageData } from '../fixtures/message-data.ts';
import { LOCALES } from '../locales.ts';
import { MESSAGE_TYPES } from '../messages.ts';
import { formatInstant } from '../render/dates.ts';
import { createRenderer } from '../render/renderer.ts';
import { validateTemplate } from '../render/validate.ts';
import { SNIPPET_KEYS, snippetDefinitions } from './definitions.ts';
import { defaultSnippets } from './index.ts';

describe('default snippets', () => {
  it.each(LOCALES)('%s has every key, none empty', (locale) => {
    const values = defaultSnippets[locale] as Record<string, string | undefined>;
    const missing = SNIPPET_KEYS.filter((key) => !values[key]?.trim());
    expect(missing).toEqual([]);
    expect(Object.keys(values).sort()).toEqual([...SNIPPET_KEYS].sort());
  });

  it.each(LOCALES)('%s uses only known placeholders and valid syntax', (locale) => {
    const problems = SNIPPET_KEYS.flatMap((key) => {
      const result = validateTemplate(defaultSnippets[locale][key]);
      return result.ok ? [] : result.errors.map((error) => `${key}: ${error.message}`);
    });
    expect(problems).toEqual([]);
  });

  it('company snippets are constants, without placeholders', () => {
    const constants = snippetDefinitions
      .filter((d) => 'constant' in d && d.constant)
      .map((d) => d.key);
    for (const locale of LOCALES) {
      for (const key of constants) expect(defaultSnippets[locale][key]).not.toMatch(/{{|{%/);
    }
  });
});

describe('default SMS', () => {
  const renderer = createRenderer();
  // Long real-world values: the longest name, address and a full link.
  const data = messageData({
    recipient: { name: 'Maria Fernanda de Albuquerque Cavalcanti' },
    technician: { name: 'Jean-Baptiste Delacroix-Fontaine' },
    link: LINK,
  });

  const cases = LOCALES.flatMap((locale) => MESSAGE_TYPES.map((type) => [locale, type] as const));
  it.each(cases)('%s %s fits in 2 segments, link included', async (locale, type) => {
    const sms = await renderer.renderSms(type, locale, data);
    if (type !== 'canceled') expect(sms.body).toContain(LINK);
    expect(sms.body).not.toMatch(/{{|}}|{%/);
    expect(sms.segments, `${sms.encoding} ${sms.units} units: ${sms.body}`).toBeLessThanOrEqual(2);
  });

  it('says "we could not move your appointment" in one SMS in English, link included', async () => {
    const sms = await renderer.renderSms('request-declined', 'en', data);
    expect(sms.body).toMatch(
      /: we could not move your appointment\. It stays on .+\. https:\/\/\S+$/,
    );
    expect(sms.segments, `${sms.encoding} ${sms.units} units: ${sms.body}`).toBe(1);
  });

  // Before the first position the arrival is the booked start.
  it.each(LOCALES)('%s traveling without an estimate fits in 2 segments', async (locale) => {
    const booking = { ...data.booking, etaAt: null };
    const sms = await renderer.renderSms('traveling', locale, { ...data, booking });
    expect(sms.body).toContain(formatInstant(booking.start, locale, booking.timeZone, 'time'));
    expect(sms.segments, `${sms.encoding} ${sms.units} units: ${sms.body}`).toBeLessThanOrEqual(2);
  });
});
