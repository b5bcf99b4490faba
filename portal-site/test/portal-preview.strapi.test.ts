import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PortalPreviewLink, type PortalPreviewRequest } from '@enroute/contracts';
import type { Host } from '../../cms-plugin/tests/support/host.ts';
import type { BuiltPortal } from './built-portal.ts';
import { useStrapiAndPortal } from './strapi-and-portal.ts';

const screenshots = fileURLToPath(new URL('../test-results/portal-preview/', import.meta.url));
const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

/**
 * The admin's preview of the customer page: the plugin signs a link to sample data in a state and
 * a locale with unsaved branding and snippets; the built portal shows it, at phone and desktop
 * widths, framed by the admin's origin only.
 */
describe('portal preview with a real Strapi', { timeout: 30_000 }, () => {
  const stack = useStrapiAndPortal(screenshots);
  let host: Host;
  let portal: BuiltPortal;
  let browser: Browser;

  beforeAll(() => {
    ({ host, portal, browser } = stack());
  });

  /** The preview link the admin page would frame, pointing at this portal. */
  async function previewPath(request: Omit<PortalPreviewRequest, 'frameAncestor'>) {
    const answer = await host.admin('POST', '/portal-preview', {
      ...request,
      frameAncestor: host.url,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return new URL(PortalPreviewLink.parse(answer.body.data).url).pathname;
  }

  it('shows the traveling page in French with the unsaved accent colour and words, on a phone and a desktop', async () => {
    const path = await previewPath({
      state: 'traveling',
      locale: 'fr',
      branding: {
        fontFamily: 'Helvetica, Arial, sans-serif',
        accentColor: '#aa3300',
        backgroundColor: '#f4f5f7',
        foregroundColor: '#ffffff',
        textColor: '#1a1a1a',
        logoUrl: null,
        headerImageUrl: null,
        footerImageUrl: null,
      },
      snippets: { 'portal.traveling.eta': 'Arrivée estimée (brouillon)' },
    });
    const response = await fetch(`${portal.url}${path}`);
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain(`frame-ancestors ${host.url}`);
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('private, no-store');

    for (const [name, viewport] of Object.entries(WIDTHS)) {
      const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(`${portal.url}${path}`, { waitUntil: 'load' });
      expect(await page.getAttribute('[data-state]', 'data-state')).toBe('traveling');
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      const main = await page.locator('main').innerText();
      expect(main).toContain('Arrivée estimée (brouillon)');
      expect(main).toContain('Jordan Lee');
      const accent = await page.evaluate(() =>
        getComputedStyle(document.documentElement).getPropertyValue('--brand-accent').trim(),
      );
      expect(accent).toBe('#aa3300');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `${screenshots}traveling-${name}.png`, fullPage: true });
      await context.close();
    }

    // Nothing was saved: the settings keep their accent colour.
    const settings = await host.admin('GET', '/settings');
    expect(
      (settings.body.data as { branding: { accentColor: string } }).branding.accentColor,
    ).not.toBe('#aa3300');
  });

  it('shows the completed page with its rating, and nothing for an altered link', async () => {
    const path = await previewPath({ state: 'completed', locale: 'en' });
    const context = await browser.newContext({ viewport: WIDTHS.desktop });
    const page = await context.newPage();
    await page.goto(`${portal.url}${path}`, { waitUntil: 'load' });
    expect(await page.getAttribute('[data-state]', 'data-state')).toBe('completed');
    await page.screenshot({ path: `${screenshots}completed-desktop.png`, fullPage: true });
    await context.close();

    const altered = path.replace(
      /\.([\w-])/,
      (_, first: string) => `.${first === 'A' ? 'B' : 'A'}`,
    );
    expect((await fetch(`${portal.url}${altered}`)).status).toBe(404);
  });
});
