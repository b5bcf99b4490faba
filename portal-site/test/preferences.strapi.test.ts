import { fileURLToPath } from 'node:url';
import type { ConsentRecord } from '@enroute/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { inDays, putBooking } from '../../cms-plugin/tests/support/fixtures.ts';
import { sendTravelingMessages } from '../../cms-plugin/tests/support/messages.ts';
import { useStrapiAndPortal, type StrapiAndPortal } from './strapi-and-portal.ts';

/**
 * The link in every email's List-Unsubscribe header, against the built portal and a real Strapi:
 * a mail client's one-click POST, then the customer's own page, in Chromium without JavaScript.
 */
const screenshots = fileURLToPath(new URL('../test-results/preferences/', import.meta.url));
const CONTACTS = '/content-manager/collection-types/plugin::enroute.contact';

type Contact = { emailOptOut: boolean; smsOptOut: boolean; consentRecord: ConsentRecord | null };

describe('message preferences on the portal', { timeout: 60_000 }, () => {
  const stack = useStrapiAndPortal(screenshots);
  let env: StrapiAndPortal;
  let link = '';
  let contactId = '';
  const contact = async () =>
    (await env.host.asAdmin('GET', `${CONTACTS}/${contactId}`)).body.data as Contact;

  beforeAll(async () => {
    env = stack();
    const settings = await env.host.admin('PUT', '/settings', { portalBaseUrl: env.portal.url });
    expect(settings.status).toBe(200);
    const { booking } = await putBooking(env.host, env.host.tokens.fullAccess, 'prefs', {
      start: inDays(0, 1),
      end: inDays(0, 3),
      status: 'traveling',
    });
    const [email] = (await sendTravelingMessages(env.host, booking)).email;
    link = /^<(https?:[^>]+)>/.exec(email?.headers['List-Unsubscribe'] ?? '')?.[1] ?? '';
    const found = await env.host.asAdmin(
      'GET',
      `${CONTACTS}?filters[externalId][$eq]=contact-prefs`,
    );
    contactId = (found.body as unknown as { results: { documentId: string }[] }).results[0]!
      .documentId;
  });

  it("answers the mail client's one-click POST: no more email, once", async () => {
    expect(link.startsWith(`${env.portal.url}/u/`)).toBe(true);
    const oneClick = () =>
      fetch(link, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
    expect((await oneClick()).status).toBe(200);
    expect((await oneClick()).status).toBe(200);
    const stored = await contact();
    expect(stored.emailOptOut).toBe(true);
    expect(stored.consentRecord).toEqual([
      expect.objectContaining({ channel: 'email', choice: 'out', source: 'one-click' }),
    ]);
  });

  it('shows the customer a page in their language, without JavaScript, to turn email and SMS on or off', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const email = page.getByLabel('E-mails sur mes rendez-vous');
    const sms = page.getByLabel('SMS sur mes rendez-vous');
    expect(await email.isChecked()).toBe(false);
    expect(await sms.isChecked()).toBe(true);
    await email.check();
    await sms.uncheck();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('Vos choix sont enregistrés');
    expect(await page.getByLabel('E-mails sur mes rendez-vous').isChecked()).toBe(true);
    expect(await page.getByLabel('SMS sur mes rendez-vous').isChecked()).toBe(false);
    await context.close();
    const stored = await contact();
    expect(stored).toMatchObject({ emailOptOut: false, smsOptOut: true });
    expect(stored.consentRecord?.slice(1)).toEqual([
      expect.objectContaining({ channel: 'email', choice: 'in', source: 'portal' }),
      expect.objectContaining({ channel: 'sms', choice: 'out', source: 'portal' }),
    ]);
  });

  it('refuses a link it did not sign, and a cross-site form post', async () => {
    const forged = `${env.portal.url}/u/${contactId}.${'A'.repeat(22)}`;
    expect((await fetch(forged)).status).toBe(404);
    const crossSite = await fetch(link, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
      },
      body: 'offered=sms',
    });
    expect(crossSite.status).toBe(403);
    expect((await contact()).smsOptOut).toBe(true);
  });
});
