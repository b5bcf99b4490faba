import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SignInLink } from '@enroute/contracts';
import { inDays, putBooking } from '../../cms-plugin/tests/support/fixtures.ts';
import type { Host } from '../../cms-plugin/tests/support/host.ts';
import { axeViolations } from './axe.ts';
import type { BuiltPortal } from './built-portal.ts';
import { useStrapiAndPortal } from './strapi-and-portal.ts';

/**
 * The technician's phone app, built, in Chromium against a real Strapi with the Enroute plugin
 * (SQLite): a sign-in link made as an admin makes it, the phone's position emulated.
 */
const screenshots = fileURLToPath(new URL('../test-results/portal/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const START = { latitude: 48.8566, longitude: 2.3522 };

describe('technician app with a real Strapi', { timeout: 60_000 }, () => {
  const stack = useStrapiAndPortal(screenshots);
  let host: Host;
  let portal: BuiltPortal;
  let browser: Browser;

  beforeAll(() => {
    ({ host, portal, browser } = stack());
  });

  /** A booking starting now (today in Paris whatever the hour) for the technician tech-<id>. */
  async function todaysBooking(id: string) {
    const { booking } = await putBooking(host, host.tokens.fullAccess, id, {
      start: inDays(0),
      end: inDays(0, 2),
    });
    const [resource] = await host.database.select(
      'select id, document_id from enroute_resources where external_id = $1',
      [`tech-${id}`],
    );
    return {
      booking: booking.documentId,
      resourceId: Number(resource?.id),
      resource: String(resource?.document_id),
    };
  }

  /** The link an admin makes, pointed at this portal rather than the settings' address. */
  async function signInLink(resource: string) {
    const answer = await host.admin('POST', `/resources/${resource}/sign-in-links`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const link = SignInLink.parse(answer.body.data);
    return { ...link, url: `${portal.url}${new URL(link.url).pathname}` };
  }

  async function phone(locale = 'en-US'): Promise<BrowserContext> {
    return browser.newContext({
      viewport: PHONE,
      locale,
      geolocation: START,
      permissions: ['geolocation'],
      reducedMotion: 'reduce',
      // axe is injected as an inline script, which the app's CSP (rightly) refuses.
      bypassCSP: true,
    });
  }

  const bookingStatus = async (documentId: string) =>
    (
      await host.database.select(
        'select booking_status from enroute_bookings where document_id = $1',
        [documentId],
      )
    )[0]?.booking_status;

  const positions = async (resourceId: number) =>
    host.database.select(
      'select latitude, longitude from enroute_locations where resource_id = $1 order by recorded_at',
      [resourceId],
    );

  it('sign in by link, today’s visit, on my way with the position shared, arrived stops it', async () => {
    const mine = await todaysBooking('tech-app');
    const other = await todaysBooking('tech-app-other');
    const link = await signInLink(mine.resource);
    const context = await phone();
    const page = await context.newPage();

    await page.goto(link.url);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${portal.url}/tech/`);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({
      name: 'enroute_tech',
      httpOnly: true,
      sameSite: 'Strict',
      path: '/tech',
    });
    expect(cookie?.value).not.toBe(link.url.split('/').at(-1));

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe("Today's visits");
    const visits = page.getByRole('listitem');
    expect(await visits.count()).toBe(1);
    const visit = visits.first();
    expect(await visit.getByRole('heading').textContent()).toBe('Boulangerie Martin');
    expect(await visit.innerText()).toContain('12 rue de la Paix, Paris');
    expect(await visit.getByRole('link', { name: 'Open in maps' }).getAttribute('href')).toMatch(
      /^geo:48\.8698,2\.3311/,
    );
    expect(await page.getByText('Signed in as Jordan Lee').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}technician-today-en-390x844.png` });

    // On my way: a confirmation first, then the booking is traveling in Strapi.
    await visit.getByRole('link', { name: 'On my way' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('On my way');
    expect(await axeViolations(page)).toEqual([]);
    expect(await bookingStatus(mine.booking)).toBe('scheduled');
    await page.getByRole('button', { name: 'Yes, confirm' }).click();
    await page.waitForURL(/\/tech\/\?done=traveling/);
    expect(await bookingStatus(mine.booking)).toBe('traveling');
    expect(await page.getByRole('listitem').first().innerText()).toContain('On the way');

    // The position goes to Strapi while traveling, and the app says so.
    const sharing = page.locator('[data-sharing-state]');
    await expect
      .poll(() => sharing.textContent(), { timeout: 10_000 })
      .toBe('Your position is shared with the customer.');
    await expect.poll(() => positions(mine.resourceId), { timeout: 5_000 }).toHaveLength(1);
    expect(await positions(mine.resourceId)).toEqual([{ latitude: 48.8566, longitude: 2.3522 }]);
    // 100 m north: sent at once, without waiting for the 10 s.
    await context.setGeolocation({ latitude: 48.8575, longitude: 2.3522 });
    await expect
      .poll(async () => (await positions(mine.resourceId)).at(-1), { timeout: 5_000 })
      .toEqual({ latitude: 48.8575, longitude: 2.3522 });
    expect(await page.getByRole('button', { name: 'Stop sharing' }).isVisible()).toBe(true);
    // Offline: the position is kept on the phone and the app says it is not shared; back
    // online, the kept position reaches Strapi.
    await context.setOffline(true);
    await context.setGeolocation({ latitude: 48.8584, longitude: 2.3522 });
    await expect
      .poll(() => sharing.textContent(), { timeout: 5_000 })
      .toBe('Your position is not shared.');
    const backOnline = Date.now();
    await context.setOffline(false);
    // Recorded while offline: the kept one, not the last position sent again later.
    const keptOffline = async () =>
      (
        await host.database.select(
          'select recorded_at from enroute_locations where resource_id = $1 and latitude = $2',
          [mine.resourceId, 48.8584],
        )
      ).filter((row) => new Date(row.recorded_at as string).getTime() < backOnline);
    await expect.poll(keptOffline, { timeout: 20_000 }).toHaveLength(1);
    await expect
      .poll(() => sharing.textContent(), { timeout: 15_000 })
      .toBe('Your position is shared with the customer.');
    await page.screenshot({ path: `${screenshots}technician-traveling-en-390x844.png` });

    // Another technician's visit is refused.
    const refused = await page.goto(`${portal.url}/tech/visits/${other.booking}/traveling`);
    expect(refused?.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'This visit is not one of yours.',
    );
    expect(await bookingStatus(other.booking)).toBe('scheduled');
    await page.goto(`${portal.url}/tech/`);

    // Arrived: the booking is in progress and sharing stops.
    await page.getByRole('link', { name: 'Arrived' }).click();
    await page.getByRole('button', { name: 'Yes, confirm' }).click();
    await page.waitForURL(/\/tech\/\?done=in-progress/);
    expect(await bookingStatus(mine.booking)).toBe('in-progress');
    expect(await page.getByRole('listitem').first().innerText()).toContain('In progress');
    expect(await page.locator('[data-sharing]').count()).toBe(0);
    expect(await page.getByText('Your position is shared').count()).toBe(0);
    const stored = (await positions(mine.resourceId)).length;
    await context.setGeolocation({ latitude: 48.86, longitude: 2.36 });
    await page.waitForTimeout(1_500);
    expect(await positions(mine.resourceId)).toHaveLength(stored);
    await context.close();
  });

  it('Stop sharing stops the positions; a denied permission still changes the status', async () => {
    const mine = await todaysBooking('tech-stop');
    const link = await signInLink(mine.resource);
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(link.url);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'On my way' }).click();
    await page.getByRole('button', { name: 'Yes, confirm' }).click();
    await page.waitForURL(/done=traveling/);
    expect(await bookingStatus(mine.booking)).toBe('traveling');
    await expect
      .poll(() => page.locator('[data-sharing-state]').textContent(), { timeout: 10_000 })
      .toBe('Location is not allowed on this phone: your position is not shared.');
    expect(await positions(mine.resourceId)).toEqual([]);
    await context.close();

    const allowed = await phone();
    const again = await allowed.newPage();
    await again.goto(link.url);
    await again.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => again.locator('[data-sharing-state]').textContent(), { timeout: 10_000 })
      .toBe('Your position is shared with the customer.');
    await again.getByRole('button', { name: 'Stop sharing' }).click();
    expect(await again.locator('[data-sharing-state]').textContent()).toBe(
      'You stopped sharing your position.',
    );
    const stored = (await positions(mine.resourceId)).length;
    await allowed.setGeolocation({ latitude: 48.87, longitude: 2.36 });
    await again.waitForTimeout(1_500);
    expect(await positions(mine.resourceId)).toHaveLength(stored);
    await allowed.close();
  });

  it('a revoked link shows one clear page, in the phone’s language', async () => {
    const mine = await todaysBooking('tech-revoked');
    const link = await signInLink(mine.resource);
    const revoked = await host.api(
      'DELETE',
      `/technician-tokens/${link.documentId}`,
      host.tokens.fullAccess,
    );
    expect(revoked.status).toBe(200);
    const context = await phone('ar');
    const page = await context.newPage();
    await page.goto(link.url);
    const answer = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.getByRole('button').click();
    expect((await answer).status()).toBe(410);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'رابط تسجيل الدخول هذا لم يعد صالحًا',
    );
    expect(await page.locator('main a, main button').count()).toBe(0);
    expect(await context.cookies()).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
