import { LOCALES, defaultSnippets } from '@enroute/content';
import { beforeAll, expect, it } from 'vitest';
import { SnippetSet } from '../shared/contracts/messaging.ts';
import { onEveryDatabase } from './support/suite.ts';

const SNIPPETS = '/content-manager/collection-types/plugin::enroute.snippet';

onEveryDatabase('snippets: seeded in every locale, marketer edits kept', (host) => {
  let fullAccess = '';

  beforeAll(async () => {
    fullAccess = host().tokens.fullAccess;
  });

  const snippetSet = async (locale: string) => {
    const answer = await host().api('GET', `/messaging/snippets?locale=${locale}`, fullAccess);
    expect(answer.status).toBe(200);
    return SnippetSet.parse(answer.body);
  };
  /** The snippet as the Content Manager lists it, in one locale. */
  const findInAdmin = async (key: string, locale: string) => {
    const answer = await host().asAdmin(
      'GET',
      `${SNIPPETS}?locale=${locale}&filters[key][$eq]=${encodeURIComponent(key)}`,
    );
    expect(answer.status).toBe(200);
    const results = answer.body.results as { documentId: string; value: string }[];
    expect(results).toHaveLength(1);
    return results[0] as { documentId: string; value: string };
  };
  const rowCount = async () =>
    Number((await host().database.select('select count(*) as n from enroute_snippets'))[0]?.n ?? 0);

  it('seeds every default snippet in every locale, as Strapi i18n locales', async () => {
    const locales = await host().asAdmin('GET', '/i18n/locales');
    expect((locales.body as unknown as { code: string }[]).map((locale) => locale.code)).toEqual(
      expect.arrayContaining([...LOCALES]),
    );
    const keys = Object.keys(defaultSnippets.en);
    expect(await rowCount()).toBe(keys.length * LOCALES.length);
    for (const locale of LOCALES) {
      expect((await snippetSet(locale)).values).toEqual(defaultSnippets[locale]);
    }
    // One document per key, translated: every locale of a key shares its document id.
    const documents = await host().database.select(
      'select count(distinct document_id) as n from enroute_snippets',
    );
    expect(Number(documents[0]?.n)).toBe(keys.length);
  });

  it('keeps what a marketer changed across restarts, and restores what was deleted', async () => {
    const edited = await findInAdmin('reminder.subject', 'fr');
    const before = await snippetSet('fr');
    const saved = await host().asAdmin('PUT', `${SNIPPETS}/${edited.documentId}?locale=fr`, {
      value: 'Votre visite approche, {{ customer.name }} !',
    });
    expect(saved.status).toBe(200);
    const removed = await findInAdmin('page.title', 'de');
    const deleted = await host().asAdmin('DELETE', `${SNIPPETS}/${removed.documentId}?locale=de`);
    expect(deleted.status).toBe(200);

    const after = await snippetSet('fr');
    expect(after.values['reminder.subject']).toBe('Votre visite approche, {{ customer.name }} !');
    expect(after.version).not.toBe(before.version);
    const count = await rowCount();

    await host().stop();
    await host().start();

    const restarted = await snippetSet('fr');
    expect(restarted.values['reminder.subject']).toBe(
      'Votre visite approche, {{ customer.name }} !',
    );
    expect(restarted.version).toBe(after.version);
    // The English words and the other locales were not touched.
    expect((await snippetSet('en')).values).toEqual(defaultSnippets.en);
    // The deleted snippet is back with Enroute's default words (deleting resets a snippet).
    expect((await findInAdmin('page.title', 'de')).value).toBe(defaultSnippets.de['page.title']);
    expect(await rowCount()).toBe(count + 1);
  });

  it('refuses a second snippet with the same key in a locale', async () => {
    const duplicate = await host().asAdmin('POST', `${SNIPPETS}?locale=fr`, {
      key: 'reminder.subject',
      value: 'Un autre sujet',
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error?.message).toMatch(/unique/i);
    const rows = await host().database.select(
      'select count(*) as n from enroute_snippets where key = $1 and locale = $2',
      ['reminder.subject', 'fr'],
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('answers the requested locale over English, and the default locale for an unknown one', async () => {
    const unknown = await snippetSet('tlh');
    expect(unknown.locale).toBe('en');
    expect(unknown.values).toEqual(defaultSnippets.en);
    const bad = await host().api('GET', `/messaging/snippets?locale=${'x'.repeat(40)}`, fullAccess);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details?.errors?.[0]?.path).toBe('locale');
  });
});
