import { defaultSnippets } from '@enroute/content';
import { load } from 'cheerio';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AvailablePortalView } from '@enroute/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTime } from '../src/features/booking-time/booking-time.ts';
import {
  FIXTURE_STATES,
  portalViewFixture,
  type FixtureLocale,
} from '../src/features/portal-view/fixtures/views.ts';
import { buildAndStartPortal, type BuiltPortal } from './built-portal.ts';
import { axeViolations } from './axe.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';
import { pageJavaScriptKbGzipped } from './page-javascript.ts';
import { startPortalStandIn, type PortalStandIn } from './strapi-portal-stand-in.ts';

/**
 * The built portal in Debian's Chromium, against a local stand-in for Strapi's portal API.
 * Needs /usr/bin/chromium (`apt-get install -y chromium`); skipped without it.
 */
const TOKEN = 'portal-read-only-token';
/** How long the portal shows a view again without asking Strapi (its default). */
const VIEW_FRESH_MS = 1000;
/** A visitor who comes back after a change made in Strapi, without a live page open. */
const viewsKeptExpire = () => new Promise((done) => setTimeout(done, VIEW_FRESH_MS + 100));
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
];
const screenshots = fileURLToPath(new URL('../test-results/portal/', import.meta.url));

let standIn: PortalStandIn;
let portal: BuiltPortal;
let browser: Browser;

describe('portal in Chromium', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    standIn = await startPortalStandIn(TOKEN);
    portal = await buildAndStartPortal({
      STRAPI_URL: standIn.url,
      STRAPI_PORTAL_TOKEN: TOKEN,
      VIEW_FRESH_MS: String(VIEW_FRESH_MS),
      CODE_LOOKUPS_PER_MINUTE: '400',
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    await mkdir(screenshots, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await standIn?.close();
  });

  async function open(
    path: string,
    options: {
      locale?: FixtureLocale;
      viewport?: { width: number; height: number };
      javaScript?: boolean;
    } = {},
  ): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext({
      viewport: options.viewport ?? VIEWPORTS[0],
      javaScriptEnabled: options.javaScript ?? true,
      // axe is injected as an inline script, which the page's CSP (rightly) refuses.
      bypassCSP: true,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const query = options.locale && options.locale !== 'en' ? `?locale=${options.locale}` : '';
    await page.goto(`${portal.url}${path}${query}`, { waitUntil: 'load' });
    return { page, context };
  }

  const cases = [
    ...FIXTURE_STATES.flatMap((state) =>
      (['en', 'ar'] as const).flatMap((locale) =>
        VIEWPORTS.map((viewport) => ({ state, locale, viewport })),
      ),
    ),
    // Hebrew is the other right-to-left locale.
    ...FIXTURE_STATES.map((state) => ({ state, locale: 'he' as const, viewport: VIEWPORTS[0]! })),
  ];

  it.each(cases)(
    '$state in $locale at $viewport.width: readable and without axe violations',
    async ({ state, locale, viewport }) => {
      const { page, context } = await open(`/t/state-${state}`, { locale, viewport });
      const view = portalViewFixture(state, locale);
      await expect.poll(() => page.locator('h1').textContent()).toBeTruthy();
      const heading = (await page.locator('h1').textContent())?.trim();
      expect(Object.values(view.snippets)).toContain(heading);
      expect(await page.getAttribute('html', 'dir')).toBe(locale === 'en' ? 'ltr' : 'rtl');
      if (await page.locator('[data-map]').count()) {
        // Audit the map with its controls, as a visitor meets it.
        await page.locator('.map-canvas .ol-zoom-in').waitFor();
      }
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({
        path: `${screenshots}${state}-${locale}-${viewport.width}x${viewport.height}.png`,
        fullPage: true,
      });
      await context.close();
    },
    30_000,
  );

  it('code pages carry the security headers', async () => {
    const response = await fetch(`${portal.url}/t/state-completed-survey`);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('frame-src https://forms.example.com');
    expect(csp).toContain(new URL(standIn.url).origin);
    const unknown = await fetch(`${portal.url}/t/no-such-code-anywhere`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('referrer-policy')).toBe('no-referrer');
    const apiRequests = standIn.requests.filter((request) => request.path.startsWith('/api/'));
    expect(apiRequests.length).toBeGreaterThan(0);
    expect(apiRequests.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('the traveling page loads at most 100 KB of JavaScript, gzipped, the map included', async () => {
    const kilobytes = await pageJavaScriptKbGzipped(browser, `${portal.url}/t/state-traveling`);
    expect(kilobytes).toBeGreaterThan(50);
    expect(kilobytes).toBeLessThanOrEqual(100);
  });

  it('serves built assets gzipped and cacheable for good', async () => {
    const html = await (await fetch(`${portal.url}/t/state-traveling`)).text();
    const script = /<script[^>]+src="(\/_astro\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const response = await fetch(`${portal.url}${script}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toContain('EventSource');
  });

  it('pages without a map load no map code', async () => {
    const kilobytes = await pageJavaScriptKbGzipped(browser, `${portal.url}/t/state-in-progress`);
    expect(kilobytes).toBeLessThan(5);
  });

  it('without JavaScript the traveling page still tells state, ETA and address', async () => {
    const { page, context } = await open('/t/state-traveling', { javaScript: false });
    const text = await page.locator('main').innerText();
    const view = portalViewFixture('traveling', 'en') as AvailablePortalView;
    expect(text).toContain(view.snippets['portal.traveling.heading']);
    expect(text).toContain(formatTime(view.eta!.arrivesAt, 'en', view.booking.timeZone));
    expect(text).toContain(view.serviceAccount.address);
    await context.close();
  });

  it('live: the ETA and the marker follow Strapi without a reload, then the page moves on', async () => {
    standIn.reset();
    const { page, context } = await open('/t/state-traveling');
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const canvas = page.locator('[data-map]');
    await page.locator('.map-ready').waitFor();
    await expect.poll(() => canvas.getAttribute('data-technician-at')).toBe('48.8566,2.3522');

    const later = '2026-11-25T13:35:00.000Z';
    standIn.update('traveling', (view) => ({
      ...view,
      eta: { ...view.eta!, arrivesAt: later },
      position: { ...view.position!, lat: 48.86, lng: 2.34 },
    }));
    const expected = formatTime(later, 'en', 'Europe/Paris');
    await expect
      .poll(() => page.locator('[data-eta-time]').textContent(), { timeout: 2000 })
      .toBe(expected);
    await expect
      .poll(() => canvas.getAttribute('data-technician-at'), { timeout: 2000 })
      .toBe('48.86,2.34');
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );

    standIn.update('traveling', (view) => ({
      ...view,
      state: 'in-progress',
      position: null,
      eta: null,
    }));
    const inProgress = portalViewFixture('in-progress', 'en').snippets['portal.inProgress.heading'];
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 4000 }).toBe(inProgress);
    await context.close();
    // Back on its way, with no page open to hear it: the next visitor sees it once the kept
    // view has expired.
    standIn.reset();
    await viewsKeptExpire();
  });

  it('live: after Strapi drops the stream, updates still arrive', async () => {
    standIn.reset();
    const { page, context } = await open('/t/state-traveling');
    const canvas = page.locator('[data-map]');
    await page.locator('.map-ready').waitFor();
    await expect.poll(() => canvas.getAttribute('data-technician-at')).toBe('48.8566,2.3522');
    standIn.dropLiveStreams();
    await new Promise((done) => setTimeout(done, 100));
    standIn.update('traveling', (view) => ({
      ...view,
      position: { ...view.position!, lat: 48.862, lng: 2.342 },
    }));
    await expect
      .poll(() => canvas.getAttribute('data-technician-at'), { timeout: 4000 })
      .toBe('48.862,2.342');
    standIn.reset();
    await context.close();
  });

  it('live: a stale position hides the marker and says so, a fresh one brings it back', async () => {
    standIn.reset();
    const { page, context } = await open('/t/state-traveling');
    const canvas = page.locator('[data-map]');
    const notice = page.locator('[data-position-stale]');
    await page.locator('.map-ready').waitFor();
    await expect.poll(() => canvas.getAttribute('data-technician-at')).toBe('48.8566,2.3522');
    expect(await notice.isVisible()).toBe(false);

    standIn.update('traveling', (view) => ({
      ...view,
      position: { ...view.position!, lat: 48.9, lng: 2.4, stale: true },
    }));
    await expect.poll(() => notice.isVisible(), { timeout: 2000 }).toBe(true);
    await expect.poll(() => canvas.getAttribute('data-technician-at')).toBe('');
    expect(await page.locator('[data-map-technician]').isVisible()).toBe(false);
    expect(await page.content()).not.toContain('48.9,2.4');

    standIn.update('traveling', (view) => ({
      ...view,
      position: { ...view.position!, lat: 48.861, lng: 2.341, stale: false },
    }));
    await expect
      .poll(() => canvas.getAttribute('data-technician-at'), { timeout: 2000 })
      .toBe('48.861,2.341');
    expect(await notice.isVisible()).toBe(false);
    standIn.reset();
    await context.close();
  });

  it('the map is reachable from the keyboard and has a text alternative', async () => {
    const { page, context } = await open('/t/state-traveling', { viewport: VIEWPORTS[1] });
    await page.locator('.map-canvas .ol-zoom-in').waitFor();
    const focused: string[] = [];
    for (let i = 0; i < 40 && !focused.includes('zoom-in'); i += 1) {
      await page.keyboard.press('Tab');
      focused.push(
        await page.evaluate(() => {
          const element = document.activeElement;
          if (element?.matches('[data-map]')) return 'map';
          if (element?.matches('.ol-zoom-in')) return 'zoom-in';
          return element?.tagName ?? '';
        }),
      );
    }
    expect(focused).toContain('map');
    expect(focused).toContain('zoom-in');
    const name = await page.locator('[data-map]').evaluate((element) => {
      const id = element.getAttribute('aria-labelledby') ?? '';
      return document.getElementById(id)?.textContent ?? '';
    });
    const view = portalViewFixture('traveling', 'en') as AvailablePortalView;
    expect(name).toContain(view.serviceAccount.address);
    expect(name).toContain(view.technician!.name!);
    await context.close();
  });

  it('right to left: the layout and the map controls are mirrored', async () => {
    const { page, context } = await open('/t/state-traveling', {
      locale: 'ar',
      viewport: VIEWPORTS[1],
    });
    await page.locator('.map-canvas .ol-zoom-in').waitFor();
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    const avatar = await box('.technician .avatar');
    const name = await box('[data-technician-name]');
    expect(avatar.x).toBeGreaterThan(name.x);
    const map = await box('[data-map]');
    const zoom = await box('.map-canvas .ol-zoom');
    expect(zoom.x - map.x).toBeGreaterThan(map.width / 2);
    await context.close();

    const ltr = await open('/t/state-traveling', { viewport: VIEWPORTS[1] });
    const ltrAvatar = (await ltr.page.locator('.technician .avatar').boundingBox())!;
    const ltrName = (await ltr.page.locator('[data-technician-name]').boundingBox())!;
    expect(ltrAvatar.x).toBeLessThan(ltrName.x);
    await ltr.context.close();
  });

  it('a change of branding in Strapi shows on the next page load', async () => {
    standIn.reset();
    const { page, context } = await open('/t/state-scheduled');
    const accent = () =>
      page
        .locator('a[data-add-to-calendar]')
        .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await accent()).toBe('rgb(10, 90, 212)');
    standIn.update('scheduled', (view) => ({
      ...view,
      branding: { ...view.branding, accentColor: '#7a1fa2', fontFamily: 'Georgia, serif' },
    }));
    await viewsKeptExpire();
    await page.reload();
    expect(await accent()).toBe('rgb(122, 31, 162)');
    expect(await page.locator('body').evaluate((b) => getComputedStyle(b).fontFamily)).toBe(
      'Georgia, serif',
    );
    standIn.reset();
    await context.close();
  });

  it('is embedded only by the sites the settings allow', async () => {
    standIn.reset();
    const hostPage = `${standIn.url}/host-page?src=${encodeURIComponent(`${portal.url}/t/state-scheduled`)}`;
    const heading = portalViewFixture('scheduled', 'en').snippets['portal.scheduled.heading'];
    const framedHeading = async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(hostPage, { waitUntil: 'load' });
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      const text = await frame
        ?.locator('h1')
        .textContent({ timeout: 1000 })
        .catch(() => null);
      await context.close();
      return text ?? null;
    };
    // Chromium shows its own "blocked" page in the frame instead.
    expect(await framedHeading()).not.toBe(heading);

    standIn.update('scheduled', (view) => ({
      ...view,
      embedding: { frameAncestors: [standIn.url] },
    }));
    await viewsKeptExpire();
    expect(await framedHeading()).toBe(heading);
    const response = await fetch(`${portal.url}/t/state-scheduled`);
    expect(response.headers.get('content-security-policy')).toContain(
      `frame-ancestors ${standIn.url}`,
    );
    expect(response.headers.get('x-frame-options')).toBeNull();
    standIn.reset();
  });

  it('the built-in rating reaches Strapi through the portal, without JavaScript too', async () => {
    standIn.reset();
    const { page, context } = await open('/t/state-completed-rating', {
      javaScript: false,
      locale: 'ar',
    });
    await page.getByRole('radio', { name: '4' }).check();
    await page.getByRole('textbox').fill('Friendly and on time');
    await page.getByRole('button').click();
    await page.waitForURL(/rating=thanks/);
    // Back in the language the visitor was reading.
    expect(new URL(page.url()).searchParams.get('locale')).toBe('ar');
    const thanks = portalViewFixture('completed-rating', 'ar').snippets['portal.rating.thanks'];
    expect(await page.locator('[data-rating-thanks]').innerText()).toContain(thanks);
    expect(standIn.ratings).toEqual([
      { code: 'state-completed-rating', rating: { score: 4, comment: 'Friendly and on time' } },
    ]);
    standIn.reset();
    await context.close();
  });

  it('the locale switcher turns the page to Arabic, right to left', async () => {
    const { page, context } = await open('/t/state-scheduled');
    await page.getByRole('link', { name: 'العربية' }).click();
    await page.waitForURL(/locale=ar/);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe(
      portalViewFixture('scheduled', 'ar').snippets['portal.scheduled.heading'],
    );
    await context.close();
  });

  it('refuses a rating posted from another site', async () => {
    const response = await fetch(`${portal.url}/t/state-completed-rating/rating`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
        origin: 'https://evil.example',
      },
      body: 'score=1',
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
    expect(standIn.ratings).toEqual([]);
  });

  it('add to calendar downloads the visit', async () => {
    const response = await fetch(`${portal.url}/t/state-scheduled/calendar.ics`);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    expect(await response.text()).toContain('DTSTART;TZID=Europe/Paris:20261125T140000');
  });

  it('a Strapi that is down gives a friendly page, not a stack trace', async () => {
    await standIn.close();
    await viewsKeptExpire();
    const response = await fetch(`${portal.url}/t/state-scheduled`);
    expect(response.status).toBe(503);
    const html = await response.text();
    expect(html).toContain('We cannot show your appointment right now');
    expect(html).not.toMatch(/at \w+ \(|ECONNREFUSED|node:internal/);

    // In the visitor's language, from the link or else from the browser.
    const inSpanish = await fetch(`${portal.url}/t/state-scheduled?locale=es`);
    expect(inSpanish.status).toBe(503);
    expect(load(await inSpanish.text())('h1').text()).toBe(
      defaultSnippets.es['portal.error.heading'],
    );
    const inArabic = await fetch(`${portal.url}/t/state-scheduled`, {
      headers: { 'accept-language': 'sv;q=0.9, ar-EG;q=0.8, en;q=0.1' },
    });
    const $ = load(await inArabic.text());
    expect($('html').attr('dir')).toBe('rtl');
    expect($('h1').text()).toBe(defaultSnippets.ar['portal.error.heading']);
  });

  it('limits code lookups per client', async () => {
    let limited: Response | null = null;
    for (let i = 0; i < 500 && !limited; i += 1) {
      const response = await fetch(`${portal.url}/t/${'x'.repeat(3)}/live`);
      if (response.status === 429) limited = response;
      else await response.body?.cancel();
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
