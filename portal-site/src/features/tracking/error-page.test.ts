import { defaultSnippets, isRtl, LOCALES } from '@enroute/content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import ErrorPage from './ErrorPage.astro';
import { visitorLocale } from './visitor-locale.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const page = (path: string) => new URL(path, 'http://portal.example');

describe('the page shown when the CMS cannot be reached', () => {
  it.each(LOCALES)('speaks %s in its own direction', async (locale) => {
    const $ = load(await container.renderToString(ErrorPage, { props: { locale } }));
    expect($('html').attr('lang')).toBe(locale);
    expect($('html').attr('dir')).toBe(isRtl(locale) ? 'rtl' : 'ltr');
    expect($('h1').text().trim()).toBe(defaultSnippets[locale]['portal.error.heading']);
    expect($('p').text().trim()).toBe(defaultSnippets[locale]['portal.error.body']);
  });

  it('is in the locale the link asks for, else the first the browser accepts', () => {
    expect(visitorLocale(page('/t/abc?locale=de'), 'fr')).toBe('de');
    expect(visitorLocale(page('/t/abc?locale=xx'), 'fr-CA,fr;q=0.9')).toBe('fr');
    expect(visitorLocale(page('/t/abc'), 'sv-SE, ja;q=0.5, he;q=0.8')).toBe('he');
    expect(visitorLocale(page('/t/abc'), 'pt-PT,en;q=0.1')).toBe('pt-BR');
    expect(visitorLocale(page('/t/abc'), 'en-GB,ar;q=0.9')).toBe('en');
    expect(visitorLocale(page('/t/abc'), 'ar;q=0, zh-TW')).toBe('zh-CN');
    expect(visitorLocale(page('/t/abc'), 'sv, *;q=0.5')).toBe('en');
    expect(visitorLocale(page('/t/abc'), null)).toBe('en');
  });
});
