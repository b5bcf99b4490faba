import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../cms-plugin/tests/support/host.ts';
import {
  actOnCode,
  nearParis,
  postPositions,
  secondsFromNow,
  setStatus,
  trackedBooking,
} from '../../cms-plugin/tests/tracking/support.ts';
import { axeViolations } from './axe.ts';
import type { BuiltPortal } from './built-portal.ts';
import { useStrapiAndPortal } from './strapi-and-portal.ts';

/**
 * The built portal in Chromium against a real Strapi with the Enroute plugin (SQLite): a booking
 * put through the integration API, positions posted as the technician's app posts them, codes
 * blocked as an admin blocks them. The portal holds Strapi's read-only token only.
 */
const screenshots = fileURLToPath(new URL('../test-results/portal/', import.meta.url));

describe('portal with a real Strapi', { timeout: 30_000 }, () => {
  const stack = useStrapiAndPortal(screenshots);
  let host: Host;
  let portal: BuiltPortal;
  let browser: Browser;

  beforeAll(() => {
    ({ host, portal, browser } = stack());
  });

  async function open(code: string, query = '') {
    // axe is injected as an inline script, which the page's CSP (rightly) refuses.
    const context = await browser.newContext({ reducedMotion: 'reduce', bypassCSP: true });
    const page = await context.newPage();
    const response = await page.goto(`${portal.url}/t/${code}${query}`, { waitUntil: 'load' });
    return { page, context, status: response?.status() };
  }

  it('a scheduled visit: its time and address, and nothing of the technician', async () => {
    const { code } = await trackedBooking(host, 'portal-scheduled');
    const { page, context, status } = await open(code);
    expect(status).toBe(200);
    expect(await page.getAttribute('[data-state]', 'data-state')).toBe('scheduled');
    // The contact reads French: the page is in French unless the visitor asks otherwise.
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('[data-address]').textContent()).toContain('12 rue de la Paix');
    expect(await page.locator('main').innerText()).not.toContain('Jordan Lee');
    await context.close();
  });

  it('traveling: a position posted to Strapi moves the marker without a reload', async () => {
    const { booking, code, technician } = await trackedBooking(host, 'portal-traveling');
    await postPositions(host, technician, { ...nearParis(0), recordedAt: secondsFromNow(-2) });
    await setStatus(host, booking.documentId, 'traveling');

    const { page, context } = await open(code);
    expect(await page.getAttribute('[data-state]', 'data-state')).toBe('traveling');
    expect(await page.locator('[data-technician-name]').textContent()).toBe('Jordan Lee');
    expect(await page.locator('[data-eta-time]').textContent()).toMatch(/\d/);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const canvas = page.locator('[data-map]');
    await page.locator('.map-ready').waitFor();
    await expect.poll(() => canvas.getAttribute('data-technician-at')).toBe('48.8566,2.3522');

    const next = nearParis(3);
    await postPositions(host, technician, { ...next, recordedAt: secondsFromNow(0) });
    await expect
      .poll(() => canvas.getAttribute('data-technician-at'), { timeout: 4000 })
      .toBe(`${next.lat},${next.lng}`);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );

    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}strapi-traveling-fr.png`, fullPage: true });
    const arabic = await open(code, '?locale=ar');
    expect(await arabic.page.getAttribute('html', 'dir')).toBe('rtl');
    await arabic.page.locator('.map-ready').waitFor();
    expect(await axeViolations(arabic.page)).toEqual([]);
    await arabic.page.screenshot({
      path: `${screenshots}strapi-traveling-ar.png`,
      fullPage: true,
    });
    await arabic.context.close();

    await setStatus(host, booking.documentId, 'in-progress');
    await expect
      .poll(() => page.getAttribute('[data-state]', 'data-state'), { timeout: 4000 })
      .toBe('in-progress');
    expect(await page.locator('[data-map]').count()).toBe(0);
    await context.close();
  });

  it('a blocked code shows the not-available page with the company contacts', async () => {
    const { booking, code } = await trackedBooking(host, 'portal-blocked');
    await actOnCode(host, booking.documentId, 'block');
    const { page, context, status } = await open(code);
    expect(status).toBe(404);
    expect(await page.getAttribute('[data-state]', 'data-state')).toBe('unavailable');
    expect(await page.locator('address a[href^="mailto:"]').count()).toBe(1);
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('12 rue de la Paix');
    expect(text).not.toContain('WO-portal-blocked');
    await context.close();
  });
});
