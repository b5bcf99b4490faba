import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteDatabase, type TestDatabase } from '../support/database.ts';
import { scheduledRun, sendTravelingMessages } from '../support/messages.ts';
import { inDays, putBooking, QUIET_HOURS_OFF } from '../support/fixtures.ts';
import { startHost, type Host } from '../support/host.ts';
import { buildHostAdminInChild, lockHostAdmin } from './support/build-admin.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const ADMIN = { email: 'ada@example.com', password: 'Enroute-test-1' };

/**
 * The plugin's pages as a new admin finds them: the admin panel is built from the sources, served
 * by the host app, and driven by headless Chromium. Each page is saved as a screenshot.
 */
describe('admin pages in Chromium', () => {
  let database: TestDatabase | undefined;
  let host: Host | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let bookingLabel = '';
  let release: (() => Promise<void>) | undefined;

  /** The admin scrolls inside its own frame: the tall viewport keeps each page whole. */
  const shot = (name: string) =>
    page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
  const open = async (path: string, heading: string) => {
    await page.goto(`${host!.url}/admin/plugins/enroute/${path}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  };

  beforeAll(async () => {
    release = await lockHostAdmin();
    // ENROUTE_ADMIN_BUILT=1 reuses a panel built by an earlier step (or run) of the same sources.
    if (process.env.ENROUTE_ADMIN_BUILT !== '1') {
      const seconds = await buildHostAdminInChild();
      console.log(`admin panel built in ${seconds.toFixed(1)} s`);
    }
    await mkdir(ARTIFACTS, { recursive: true });
    database = await sqliteDatabase();
    host = await startHost({ database, env: { SERVE_ADMIN: 'true' } });

    // One booking with a code, two logged messages and a position: something on every page.
    const fullAccess = host.tokens.fullAccess;
    const { booking } = await putBooking(host, fullAccess, 'ui');
    bookingLabel = 'WO-ui';
    // The traveling messages carry the booking's link: its access code.
    await sendTravelingMessages(host, booking);
    // A second account on another clock, for the next reminders in each time zone.
    await host.api('PUT', '/service-accounts/account-seattle', fullAccess, {
      name: 'Pike Street Roasters',
      address: '1501 Pike Place, Seattle',
      timeZone: 'America/Los_Angeles',
    });
    const resources = await host.admin('GET', '/lookups/resources');
    const resourceId = (resources.body.data as { documentId: string }[])[0]!.documentId;
    await host.admin('POST', '/positions', { resourceId, lat: 48.8566, lng: 2.3522, accuracy: 12 });

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 2000 } });
    await page.goto(`${host.url}/admin/auth/login`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await database?.drop();
    await release?.();
  });

  it('shows the settings in three tabs, and a save with a wrong colour names the field', async () => {
    await open('settings', 'Enroute settings');
    await page.getByRole('tab', { name: 'General and notifications' }).waitFor();
    await expect(page.getByLabel('Reminder window (days)').inputValue()).resolves.toBe('7');
    // 10:00 UTC: in Paris during the day; in Los Angeles at night, so after its quiet hours.
    const next = page.getByText(/^Next reminders:/);
    await next.waitFor();
    const said = (await next.textContent()) ?? '';
    expect(said).toMatch(/\d{2}:\d{2} in Paris \(10:00 UTC\)/);
    expect(said).toMatch(/08:00 in Los Angeles \(\d{2}:00 UTC\) after quiet hours/);
    await shot('settings-general');

    await page.getByRole('tab', { name: 'Display' }).click();
    await page.getByTestId('sms-segments').waitFor();
    await shot('settings-display');

    await page.getByLabel('Accent colour').fill('blue');
    await page.getByRole('button', { name: 'Save' }).click();
    const errors = page.getByTestId('settings-errors');
    await errors.waitFor();
    await expect(errors.textContent()).resolves.toContain(
      'branding.accentColor: must be a hex colour such as #0a5ad4',
    );
    await shot('settings-display-error');

    await page.getByRole('tab', { name: 'Track my technician' }).click();
    await page.getByLabel("Show the technician's phone").waitFor();
    await shot('settings-tracking');
  });

  it('saves a corrected form, and the saved values are there after a reload', async () => {
    await page.getByRole('tab', { name: 'Display' }).click();
    await page.getByLabel('Accent colour').fill('#0a7d3e');
    await page.getByRole('tab', { name: 'General and notifications' }).click();
    await page.getByLabel('Reminder window (days)').fill('5');
    const endpoints = page.getByTestId('webhook-endpoints');
    await endpoints.getByRole('button', { name: 'Add an endpoint' }).click();
    await endpoints.getByLabel('Name').fill('Canceled flow');
    await endpoints.getByLabel('URL').fill('http://127.0.0.1:9/webhook/canceled');
    // A new endpoint takes every event; this one keeps the status changes only.
    for (const event of [
      'Created',
      'Rescheduled',
      'Technician changed',
      'Deleted',
      'Customer confirmed',
      'Customer asked for another time',
      'Customer canceled',
      'Customer left a note',
      'Request for another time declined',
    ])
      await endpoints.getByRole('checkbox', { name: event }).click();
    await page.getByLabel('Signing secret').fill('a-signing-secret-of-some-length');
    await shot('settings-webhooks');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved.').waitFor();
    await expect(page.getByTestId('settings-errors').count()).resolves.toBe(0);

    await page.reload();
    await page.getByRole('heading', { name: 'Enroute settings', level: 1 }).waitFor();
    await expect(page.getByLabel('Reminder window (days)').inputValue()).resolves.toBe('5');
    await expect(page.getByTestId('outbox-backlog').textContent()).resolves.toMatch(
      /Events waiting for n8n/,
    );
    await expect(
      page.getByTestId('webhook-endpoints').getByLabel('Name').inputValue(),
    ).resolves.toBe('Canceled flow');
    await expect(page.getByTestId('outbox-endpoint').textContent()).resolves.toContain(
      'Canceled flow',
    );
    await page.getByRole('tab', { name: 'Display' }).click();
    await expect(page.getByLabel('Accent colour').inputValue()).resolves.toBe('#0a7d3e');
    const saved = await host!.admin('GET', '/settings');
    const data = saved.body.data as {
      reminderWindowDays: number;
      webhooks: { name: string; events: string[]; enabled: boolean }[];
    };
    expect(data.reminderWindowDays).toBe(5);
    expect(data.webhooks).toMatchObject([
      { name: 'Canceled flow', events: ['booking.status_changed'], enabled: true },
    ]);
  });

  it('lists the messages with masked recipients and opens one with its content', async () => {
    await open('notifications', 'Notification log');
    await page.getByRole('gridcell', { name: 'c***@e***.com' }).waitFor();
    await expect(page.getByText('camille@example.com').count()).resolves.toBe(0);
    await shot('notification-log');
    await page.getByRole('gridcell', { name: 'c***@e***.com' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Jordan Lee est en route').first().waitFor();
    await expect(dialog.textContent()).resolves.toContain('"status": "accepted"');
    await shot('notification-detail');
  });

  it("changes a booking's access code from the page", async () => {
    await open('access-codes', 'Access codes');
    await page.getByRole('combobox', { name: 'Booking' }).click();
    await page.getByRole('option', { name: new RegExp(bookingLabel) }).click();
    const code = page.getByTestId('access-code');
    await code.getByText('Active').waitFor();
    await code.getByRole('button', { name: 'Expire now' }).click();
    await code.getByText('Expired', { exact: true }).first().waitFor();
    await code.getByRole('gridcell', { name: ADMIN.email }).waitFor();
    await shot('access-codes');
  });

  it('previews a message with its SMS segment count', async () => {
    await open('preview', 'Message preview');
    await page.getByRole('button', { name: 'Preview' }).click();
    const segments = page.getByTestId('sms-segments');
    await segments.waitFor();
    await expect(segments.textContent()).resolves.toMatch(/\d+ segments? · (GSM-7|UCS-2)/);
    await shot('message-preview');
  });

  it("lists a technician's positions", async () => {
    await open('positions', 'Geolocation tracking');
    await page.getByRole('combobox', { name: 'Technician' }).click();
    await page.getByRole('option', { name: 'Jordan Lee' }).click();
    await page.getByRole('gridcell', { name: 'Placed by hand' }).waitFor();
    await page.getByRole('gridcell', { name: '48.85660' }).waitFor();

    // Placed by hand from the page: the new position heads the list.
    await page.getByLabel('Latitude').fill('45.764');
    await page.getByLabel('Longitude').fill('4.8357');
    await page.getByRole('button', { name: 'Place here' }).click();
    await page.getByText('The technician was placed.').waitFor();
    await page.getByRole('gridcell', { name: '45.76400' }).waitFor();
    const rows = page.getByRole('row');
    await expect(rows.nth(1).textContent()).resolves.toContain('45.76400');
    await shot('positions');
  });

  it("frames the portal's preview of the customer page, at a phone's and a desktop's width", async () => {
    await open('settings', 'Enroute settings');
    await page.getByRole('tab', { name: 'Display' }).click();
    await page.getByLabel('Accent colour').fill('#aa3300');
    const preview = page.getByTestId('portal-preview');
    await preview.getByRole('button', { name: 'Show the customer page' }).click();
    for (const title of ['Customer page, phone', 'Customer page, desktop']) {
      const frame = preview.locator(`iframe[title="${title}"]`);
      await frame.waitFor();
      const src = (await frame.getAttribute('src')) ?? '';
      expect(src).toMatch(/^http:\/\/localhost:4321\/preview\/[\w-]+\.[\w-]+$/);
    }
    // The admin's own policy lets it frame the portal, and nothing else new.
    const policy = (await page.request.get(`${host!.url}/admin`)).headers()[
      'content-security-policy'
    ];
    expect(policy).toMatch(/frame-src 'self' http:\/\/localhost:4321(;|$)/);
  });

  // Last: its bookings bring more technicians into the pickers above.
  it('edits the fr reminder template: a wrong placeholder is refused with its position, the preview changes, the next fr reminder uses it and the en one does not', async () => {
    const quiet = await host!.admin('PUT', '/settings', QUIET_HOURS_OFF);
    expect(quiet.status).toBe(200);
    await open('templates', 'Message templates');
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'fr', exact: true }).click();
    await page.locator('[data-testid="template-editor"][data-locale="fr"]').waitFor();
    await expect(page.getByTestId('default-subject').textContent()).resolves.toBe(
      "{% snippet 'reminder.subject' %}",
    );
    const subject = page.getByLabel('Email subject');
    await subject.fill('Votre rappel {{ booking.dte }}');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('unknown placeholder {{ booking.dte }} at line 1, column 17').waitFor();

    await subject.fill('Votre rappel {{ booking.number }}');
    await page.getByRole('button', { name: 'Preview the draft' }).click();
    await expect(page.getByTestId('preview-subject').textContent()).resolves.toBe(
      'Votre rappel WO-000123',
    );
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved as version 1').waitFor();
    await page.getByRole('gridcell', { name: ADMIN.email }).waitFor();
    await shot('message-templates');

    const fr = await putBooking(host!, host!.tokens.fullAccess, 'ui-fr', {
      start: inDays(1),
      end: inDays(1, 2),
    });
    const en = await putBooking(host!, host!.tokens.fullAccess, 'ui-en', {
      start: inDays(1),
      end: inDays(1, 2),
    });
    const contact = await host!.api('PUT', '/contacts/contact-ui-en', host!.tokens.fullAccess, {
      name: 'Camille Martin',
      email: 'camille.en@example.com',
      locale: 'en',
    });
    expect(contact.status).toBeLessThan(300);
    const run = await scheduledRun(host!);
    const subjectOf = (bookingId: string) =>
      run.email.find((email) => email.bookingId === bookingId)?.subject;
    expect(subjectOf(fr.booking.documentId)).toBe('Votre rappel WO-ui-fr');
    expect(subjectOf(en.booking.documentId)).toBeDefined();
    expect(subjectOf(en.booking.documentId)).not.toContain('Votre rappel');

    // A second version, then the first restored from the list: it becomes version 3, in use.
    await subject.fill('Rappel v2 {{ booking.number }}');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved as version 2').waitFor();
    await page.getByRole('button', { name: 'Restore version 1' }).click();
    await page.getByText('Saved as version 3').waitFor();
    // The page reads the template again: the restored words are in the field.
    await expect
      .poll(() => subject.inputValue(), { timeout: 30_000 })
      .toBe('Votre rappel {{ booking.number }}');
    await shot('message-templates-versions');
  });

  it("accepts a customer's request for another time from the Customer answers page", async () => {
    const { booking } = await putBooking(host!, host!.tokens.fullAccess, 'ui-answers');
    const issued = await host!.api(
      'POST',
      `/messaging/bookings/${booking.documentId}/access-codes`,
      host!.tokens.fullAccess,
    );
    const code = (issued.body as { token: string }).token;
    const portal = () => host!.api('GET', `/portal/${code}`, host!.tokens.readOnly);
    const { revision } = (await portal()).body.customer as { revision: string };
    const asked = await host!.api('POST', `/portal/${code}/actions`, host!.tokens.readOnly, {
      action: 'reschedule',
      revision,
      preference: 'Friday afternoon, after 2 pm',
    });
    expect(asked.status).toBe(200);

    await open('customer-answers', 'Customer answers');
    await page.getByRole('combobox', { name: 'Booking' }).click();
    await page.getByRole('option', { name: /WO-ui-answers/ }).click();
    const answers = page.getByTestId('answers');
    await answers.getByText('Friday afternoon, after 2 pm').waitFor();
    await answers.getByText('Pending', { exact: true }).waitFor();
    const start = inDays(5);
    await answers.getByLabel('New start (ISO 8601)').fill(start);
    await answers.getByLabel('New end (ISO 8601)').fill(inDays(5, 2));
    await answers.getByRole('button', { name: 'Accept and move the booking' }).click();
    await answers.getByText('Accepted', { exact: true }).waitFor();
    await answers.getByText(ADMIN.email, { exact: false }).waitFor();
    await shot('customer-answers');
    const moved = (await portal()).body.booking as { start: string };
    expect(Date.parse(moved.start)).toBe(Date.parse(start));
  });

  it('shows a banner on every page once delivery problems reach the threshold, with the way to the log', async () => {
    const banner = () =>
      page.getByRole('alert').filter({ hasText: 'Messages are not getting through' });
    /** Opens a page once the banner's question has been answered. */
    const openAnswered = async (path: string, heading: string) => {
      const answered = page.waitForResponse((answer) =>
        answer.url().includes('/enroute/delivery-problems'),
      );
      await open(path, heading);
      await answered;
    };
    await openAnswered('notifications', 'Notification log');
    expect(await banner().count()).toBe(0);

    const { booking } = await putBooking(host!, host!.tokens.fullAccess, 'ui-problems');
    await sendTravelingMessages(host!, booking, 'Send SMS: Authorization failed');
    const set = await host!.admin('PUT', '/settings', {
      deliveryAlertThreshold: 2,
      deliveryAlertWindowMinutes: 60,
    });
    expect(set.status).toBe(200);
    await open('access-codes', 'Access codes');
    await banner().waitFor();
    expect(await banner().textContent()).toContain(
      'In the last 60 minutes: 2 failed, 0 expired, 0 booking events dead (alert from 2).',
    );
    await shot('delivery-problems');
    await banner().getByRole('link', { name: 'Open the notification log' }).click();
    await page.getByRole('heading', { name: 'Notification log', level: 1 }).waitFor();
    await banner().waitFor();

    // Below the threshold again: no banner.
    await host!.admin('PUT', '/settings', { deliveryAlertThreshold: 3 });
    await openAnswered('preview', 'Message preview');
    expect(await banner().count()).toBe(0);
  });
});
