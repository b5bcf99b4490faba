import { defaultBranding } from '@enroute/content';
import { describe, expect, it } from 'vitest';
import { brandingFromThemeQuery, themeCss, themeHref } from './branding.ts';

const branding = { ...defaultBranding, accentColor: '#ffcc00', textColor: '#102030' };

describe('theme stylesheet', () => {
  it('carries the branding through its URL and back', () => {
    const href = themeHref(branding);
    const query = new URL(href, 'http://portal.test').searchParams.get('b');
    expect(brandingFromThemeQuery(query)).toEqual(branding);
  });

  it('turns colours and font into custom properties, with readable text on the accent', () => {
    const css = themeCss(branding);
    expect(css).toContain('--brand-accent: #ffcc00;');
    expect(css).toContain('--brand-on-accent: #000000;');
    expect(css).toContain('--brand-text: #102030;');
    expect(css).toContain(`--brand-font: ${defaultBranding.fontFamily};`);
  });

  it('refuses a font family that would break out of the declaration', () => {
    const css = themeCss({ ...branding, fontFamily: 'Arial; } body { display: none' });
    expect(css).not.toContain('display: none');
    expect(css).toContain('--brand-font: system-ui, sans-serif;');
  });

  it('rejects a tampered query', () => {
    const tampered = Buffer.from(JSON.stringify({ ...branding, accentColor: 'red;}' })).toString(
      'base64url',
    );
    expect(brandingFromThemeQuery(tampered)).toBeNull();
    expect(brandingFromThemeQuery('not base64 json')).toBeNull();
    expect(brandingFromThemeQuery(null)).toBeNull();
  });
});
