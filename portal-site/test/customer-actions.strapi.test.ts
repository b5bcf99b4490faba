import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { inDays } from '../../cms-plugin/tests/support/fixtures.ts';
import type { Host } from '../../cms-plugin/tests/support/host.ts';
import {
  nearParis,
  postPositions,
  secondsFromNow,
  setStatus,
  trackedBooking,
} from '../../cms-plugin/tests/tracking/support.ts';
import { SignInLink } from '@enroute/contracts';
import { axeViolations } from './axe.ts';
import type { BuiltPortal } from './built-portal.ts';
import { useStrapiAndPortal } from './strapi-and-portal.ts';

/**
 * The customer's answers on the booking's page, in Chromium with and without JavaScript, through
 * the built portal to a real Strapi with the Enroute plugin: each form posts, and the page it
 * lands on says what happened.
 */
const screenshots = fileURLToPath(new URL('../test-results/customer-actions/', import.meta.url));

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

describe('customer answers with a real Strapi', { timeout: 60_000 }, () => {
  const stack = useStrapiAndPortal(screenshots);
  let host: Host;
  let portal: BuiltPortal;
  let browser: Browser;

  beforeAll(() => {
    ({ host, portal, browser } = stack());
  });

  /** A booking three days ahead (before any cut-off), with its access code. */
  async function laterBooking(id: string) {
    const { booking, code } = await trackedBooking(host, id);
    const moved = await host.api(
      'PATCH',
      `/bookings/${booking.documentId}`,
      host.tokens.fullAccess,
      {
        start: inDays(3),
        end: inDays(3, 2),
      },
    );
    expect(moved.status).toBe(200);
    return { booking, code };
  }

  async function open(code: string, options: { javaScript: boolean; locale?: string }) {
    const context = await browser.newContext({
      reducedMotion: 'reduce',
      bypassCSP: true,
      javaScriptEnabled: options.javaScript,
    });
    const page = await context.newPage();
    await page.goto(`${portal.url}/t/${code}?locale=${options.locale ?? 'en'}`);
    return { page, context };
  }

  const notice = (page: Page) =>
    page.locator('[data-answer-notice]').getAttribute('data-answer-notice');

  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'with JavaScript' : 'without JavaScript';

    it(`confirms, and the page says Confirmed (${mode})`, async () => {
      const { code } = await laterBooking(`answer-confirm-${javaScript}`);
      const { page, context } = await open(code, { javaScript });
      await page.getByRole('button', { name: 'Confirm the appointment' }).click();
      await page.waitForURL(/answer=confirmed/);
      expect(await notice(page)).toBe('confirmed');
      expect(await page.locator('[data-confirmed]').innerText()).toContain('Confirmed');
      expect(await page.getByRole('button', { name: 'Confirm the appointment' }).count()).toBe(0);
      await context.close();
    });

    it(`asks for an offered window, and the page shows the pending request (${mode})`, async () => {
      const { code } = await laterBooking(`answer-move-${javaScript}`);
      const { page, context } = await open(code, { javaScript });
      await page.getByLabel('A time that suits you').selectOption({ index: 2 });
      await page.getByRole('button', { name: 'Ask for this time' }).click();
      await page.waitForURL(/answer=requested/);
      expect(await page.locator('[data-request]').getAttribute('data-request')).toBe('pending');
      expect(await page.locator('[data-request]').innerText()).toContain(
        'You asked for another time',
      );
      await context.close();
    });

    it(`leaves a note for the technician (${mode})`, async () => {
      const { code } = await laterBooking(`answer-note-${javaScript}`);
      const { page, context } = await open(code, { javaScript });
      await page.getByLabel('Gate code, parking, pets…').fill('Gate 4711, ring twice');
      await page.getByRole('button', { name: 'Save the note' }).click();
      await page.waitForURL(/answer=noted/);
      expect(await page.getByLabel('Gate code, parking, pets…').inputValue()).toBe(
        'Gate 4711, ring twice',
      );
      await context.close();
    });

    it(`cancels before the cut-off, and the page shows the canceled visit (${mode})`, async () => {
      const { code } = await laterBooking(`answer-cancel-${javaScript}`);
      const { page, context } = await open(code, { javaScript });
      await page.getByRole('button', { name: 'Cancel the appointment' }).click();
      await page.waitForURL(/answer=canceled/);
      expect(await page.getAttribute('[data-state]', 'data-state')).toBe('canceled');
      expect(await notice(page)).toBe('canceled');
      await context.close();
    });
  }

  it('a note left on the page shows on the visit in the technician’s app', async () => {
    // Within the hour: a visit of today in the account's zone.
    const { code } = await trackedBooking(host, 'answer-note-tech');
    const customer = await open(code, { javaScript: false });
    await customer.page.getByLabel('Gate code, parking, pets…').fill('Side door, dog is friendly');
    await customer.page.getByRole('button', { name: 'Save the note' }).click();
    await customer.page.waitForURL(/answer=noted/);
    await customer.context.close();

    const [resource] = await host.database.select(
      'select document_id from enroute_resources where external_id = $1',
      ['tech-answer-note-tech'],
    );
    const answer = await host.admin(
      'POST',
      `/resources/${String(resource?.document_id)}/sign-in-links`,
    );
    const link = SignInLink.parse(answer.body.data);
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${portal.url}${new URL(link.url).pathname}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${portal.url}/tech/`);
    expect(await page.locator('[data-visit-note]').innerText()).toBe('Side door, dog is friendly');
    await context.close();
  });

  it('on the way, the arrival window follows the estimate without a reload', async () => {
    const { booking, code, technician } = await trackedBooking(host, 'answer-eta-window');
    await postPositions(host, technician, { ...nearParis(0), recordedAt: secondsFromNow(-2) });
    await setStatus(host, booking.documentId, 'traveling');
    const { page, context } = await open(code, { javaScript: true });
    const expected = page.locator('[data-expected]');
    const first = await expected.innerText();
    expect(first).toMatch(/^Now expected \d/);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    // Far to the south: the estimate moves by an hour or more.
    await postPositions(host, technician, {
      lat: 47.9,
      lng: 2.35,
      recordedAt: secondsFromNow(0),
    });
    await expect.poll(() => expected.innerText(), { timeout: 10_000 }).not.toBe(first);
    expect(await expected.innerText()).toMatch(/^Now expected \d/);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );
    await context.close();
  });

  /** The fields of one answer form on the page, as the browser would post them. */
  async function formOf(code: string, action: string): Promise<URLSearchParams> {
    const html = await (await fetch(`${portal.url}/t/${code}?locale=en`)).text();
    const form = html.split('data-answer="').find((part) => part.startsWith(`${action}"`)) ?? '';
    const value = (name: string) =>
      new RegExp(`name="${name}" value="([^"]*)"`).exec(form)?.[1] ?? '';
    return new URLSearchParams({
      action,
      revision: value('revision'),
      token: value('token'),
      locale: 'en',
    });
  }

  const post = (code: string, body: URLSearchParams, origin = portal.url) =>
    fetch(`${portal.url}/t/${code}/answer`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    });

  it('refuses a post without the form token, a cross-site post, and a replayed form', async () => {
    const { code } = await laterBooking('answer-forged');
    const form = await formOf(code, 'confirm');
    expect(form.get('token')).toBeTruthy();

    const tokenless = new URLSearchParams(form);
    tokenless.delete('token');
    expect((await post(code, tokenless)).status).toBe(403);
    expect((await post(code, form, 'https://evil.example')).status).toBe(403);
    expect((await host.api('GET', `/portal/${code}`, host.tokens.readOnly)).body).toMatchObject({
      customer: { confirmedAt: null },
    });

    const first = await post(code, form);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toContain('answer=confirmed');
    const replayed = await post(code, form);
    expect(replayed.status).toBe(303);
    expect(replayed.headers.get('location')).toContain('answer=stale');
  });

  it('after the cut-off offers no cancel, says whom to call, and refuses a late cancel', async () => {
    // Starts within the hour: well inside the default 24-hour cut-off.
    const { code } = await trackedBooking(host, 'answer-late');
    const { page, context } = await open(code, { javaScript: true });
    expect(await page.getByRole('button', { name: 'Cancel the appointment' }).count()).toBe(0);
    expect(await page.locator('[data-cancel-closed]').innerText()).toContain('Please call us');
    await context.close();

    const form = await formOf(code, 'confirm');
    form.set('action', 'cancel');
    const refused = await post(code, form);
    expect(refused.headers.get('location')).toContain('answer=late');
    expect((await host.api('GET', `/portal/${code}`, host.tokens.readOnly)).body).toMatchObject({
      state: 'scheduled',
    });
  });

  it('axe finds no violation on the answer forms, in English and Arabic, phone and desktop', async () => {
    const { code } = await laterBooking('answer-axe');
    for (const locale of ['en', 'ar']) {
      for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
        const { page, context } = await open(code, { javaScript: true, locale });
        await page.setViewportSize(viewport);
        expect(await page.locator('[data-customer-actions] form').count()).toBe(4);
        expect(await axeViolations(page), `${locale} ${size}`).toEqual([]);
        await page.screenshot({
          path: `${screenshots}answers-${locale}-${size}.png`,
          fullPage: true,
        });
        await context.close();
      }
    }
  });
});
