import { request } from 'node:http';
import { expect, it } from 'vitest';
import { PreviewResponse } from '../shared/contracts/admin-pages.ts';
import { defaultBranding } from '../shared/contracts/branding.ts';
import { AvailablePortalView } from '../shared/contracts/portal-view.ts';
import { putBooking } from './support/fixtures.ts';
import { sendTravelingMessages } from './support/messages.ts';
import { onEveryDatabase } from './support/suite.ts';
import { portalView, trackedBooking } from './tracking/support.ts';

const SECRET = 'whsec-never-readable-0123456789';
const ETA_KEY = 'eta-key-never-readable-42';
/** Lookups of access codes one client may make per window, as this suite configures it. */
const LOOKUPS = 5;
const CONTENT_MANAGER = '/content-manager';
const collection = (name: string) => `${CONTENT_MANAGER}/collection-types/plugin::enroute.${name}`;

/** A GET from the given local address (any of 127.0.0.0/8 reaches the host): its status. */
function getFrom(localAddress: string, url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { localAddress, headers: { authorization: `Bearer ${token}` } });
    outgoing.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** The fields a refusal names, whether Strapi gives a path as a list or as dotted text. */
function fieldsIn(body: { error?: { details?: { errors?: { path: string | string[] }[] } } }) {
  return body.error?.details?.errors?.map((error) => [error.path].flat().join('.'));
}

onEveryDatabase(
  'security: settings that render, sanitized attribution, clean text, secrets and logs out of the Content Manager, code lookups limited',
  (host) => {
    it('saves a font stack with quoted names and renders every message with it; refuses one that cannot render, naming the field', async () => {
      await putBooking(host(), host().tokens.fullAccess, 'font');
      const fontFamily = "'Segoe UI', Arial, sans-serif";
      const saved = await host().admin('PUT', '/settings', {
        branding: { ...defaultBranding, fontFamily },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const preview = await host().admin('POST', '/preview', { type: 'reminder', locale: 'en' });
      expect(preview.status, JSON.stringify(preview.body)).toBe(200);
      const { email, sms } = PreviewResponse.parse(preview.body.data);
      expect(email.html).toContain('font-family:Segoe UI, Arial, sans-serif');
      expect(sms.body).not.toBe('');

      const refused = await host().admin('PUT', '/settings', {
        branding: { ...(saved.body.data as { branding: object }).branding, fontFamily: "'Segoe" },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error?.details?.errors?.map((error) => error.path)).toContain(
        'branding.fontFamily',
      );
    });

    it('sanitizes the map attribution like marketer HTML before the portal gets it', async () => {
      const saved = await host().admin('PUT', '/settings', {
        mapAttribution:
          '<img src=x onerror=alert(1)><a href="javascript:alert(2)">tiles</a> © <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const { code } = await trackedBooking(host(), 'attribution');
      const answer = await portalView(host(), code);
      expect(answer.status).toBe(200);
      const { attribution } = AvailablePortalView.parse(answer.body).map;
      expect(attribution).not.toMatch(/onerror|javascript:|<img/i);
      expect(attribution).toContain('<a href="https://www.openstreetmap.org/copyright"');
      expect(attribution).toContain('OpenStreetMap</a>');
    });

    it('refuses control characters in records and snippets, and direction overrides in names, through the records API and the Content Manager', async () => {
      const token = host().tokens.fullAccess;
      const withNul = await host().api('PUT', '/contacts/c-nul', token, {
        name: 'Ana\u0000 García',
        email: 'ana@example.com',
      });
      expect(withNul.status).toBe(400);
      expect(fieldsIn(withNul.body)).toEqual(['name']);

      // "Ana" followed by a right-to-left override: the rest would read backwards.
      const override = await host().api('PUT', '/service-accounts/a-bidi', token, {
        name: 'Ana\u202Egnp.exe',
        address: '1 Main St',
        timeZone: 'Europe/Paris',
      });
      expect(override.status).toBe(400);
      expect(fieldsIn(override.body)).toEqual(['name']);

      const bell = await host().api('PUT', '/resources/t-bell', token, { name: 'Jordan\u0007' });
      expect(bell.status).toBe(400);

      const inAdmin = await host().asAdmin('POST', collection('contact'), {
        name: 'Yuki\u0000',
        email: 'yuki@example.com',
      });
      expect(inAdmin.status).toBe(400);
      expect(inAdmin.body.error?.message).toContain('name');

      const snippet = await host().admin('PUT', '/settings', {
        snippets: { locale: 'en', values: { 'reminder.heading': 'See you\u0000 soon' } },
      });
      expect(snippet.status).toBe(400);
      const snippets = await host().asAdmin(
        'GET',
        `${collection('snippet')}?locale=en&filters[key][$eq]=reminder.heading`,
      );
      const stored = (snippets.body.results as { documentId: string; value: string }[])[0];
      expect(stored?.value).not.toContain('\u0000');
      const snippetInAdmin = await host().asAdmin(
        'PUT',
        `${collection('snippet')}/${stored?.documentId}?locale=en`,
        { key: 'reminder.heading', value: 'See you\u001B[31m soon' },
      );
      expect(snippetInAdmin.status).toBe(400);

      // Line breaks, tabs and right-to-left text stay as they are.
      const fine = await host().api('PUT', '/contacts/c-fine', token, {
        name: 'נועה\tכהן',
        email: 'noa@example.com',
      });
      expect(fine.status, JSON.stringify(fine.body)).toBeLessThan(300);
    });

    it('never lets the Content Manager read the secrets, nor edit or delete the log, the access codes or the settings', async () => {
      const saved = await host().admin('PUT', '/settings', {
        webhookSecret: SECRET,
        etaProviderKey: ETA_KEY,
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const { booking } = await putBooking(host(), host().tokens.fullAccess, 'cm-log');
      const batch = await sendTravelingMessages(host(), booking);
      const notificationId = batch.email[0]!.notificationId;
      const codes = await host().admin('GET', `/access-codes?bookingId=${booking.documentId}`);
      const codeId = (codes.body.data as { documentId: string }[])[0]!.documentId;

      // Read-only there: what it shows holds no secret, no token hash, no unmasked recipient.
      const reads: [string, string[]][] = [
        [
          `${CONTENT_MANAGER}/single-types/plugin::enroute.settings`,
          ['webhookSecret', 'etaProviderKey'],
        ],
        [`${collection('notification')}/${notificationId}`, ['recipient']],
        [`${collection('access-code')}/${codeId}`, ['tokenHash']],
        [collection('notification'), []],
        [collection('access-code'), []],
      ];
      for (const [route, absent] of reads) {
        const answer = await host().asAdmin('GET', route);
        const text = JSON.stringify(answer.body);
        expect(text, route).not.toContain(SECRET);
        expect(text, route).not.toContain(ETA_KEY);
        if (answer.status !== 200) continue;
        const records = [answer.body.data ?? answer.body.results ?? []].flat();
        for (const record of records as Record<string, unknown>[]) {
          for (const field of absent) expect(record, `${route} ${field}`).not.toHaveProperty(field);
        }
      }

      const writes: [string, string, unknown][] = [
        ['PUT', `${collection('notification')}/${notificationId}`, { state: 'failed' }],
        ['DELETE', `${collection('notification')}/${notificationId}`, undefined],
        [
          'POST',
          collection('notification'),
          { idempotencyKey: 'x', type: 'reminder', channel: 'sms' },
        ],
        ['PUT', `${collection('access-code')}/${codeId}`, { blockedAt: null, views: 0 }],
        ['DELETE', `${collection('access-code')}/${codeId}`, undefined],
        ['PUT', `${CONTENT_MANAGER}/single-types/plugin::enroute.settings`, { webhookSecret: 'x' }],
        ['DELETE', `${CONTENT_MANAGER}/single-types/plugin::enroute.settings`, undefined],
      ];
      for (const [method, route, body] of writes) {
        const answer = await host().asAdmin(method, route, body);
        expect([403, 404], `${method} ${route}: ${answer.status}`).toContain(answer.status);
      }

      // What the plugin's own pages show is as it was.
      const log = await host().admin('GET', `/notifications/${notificationId}`);
      expect(log.status).toBe(200);
      expect(log.body.data).toMatchObject({ state: 'sent' });
      const after = await host().admin('GET', `/access-codes?bookingId=${booking.documentId}`);
      expect(after.body.data).toHaveLength(1);
      const settings = await host().admin('GET', '/settings');
      expect(settings.body.data).toMatchObject({ webhookSecretSet: true, etaProviderKeySet: true });

      const types = await host().asAdmin('GET', `${CONTENT_MANAGER}/content-types`);
      const listed = (types.body.data as { uid: string; isDisplayed: boolean }[])
        .filter((type) => type.isDisplayed)
        .map((type) => type.uid);
      expect(listed).toContain('plugin::enroute.booking');
      for (const hidden of ['notification', 'access-code', 'settings']) {
        expect(listed).not.toContain(`plugin::enroute.${hidden}`);
      }
    });

    it('answers 429 to a client that looks up too many access codes, and serves others', async () => {
      const token = host().tokens.readOnly;
      const statuses: number[] = [];
      for (let i = 0; i < LOOKUPS + 3; i++) {
        const answer = await host().api(
          'GET',
          `/access-codes/guess${String(i).padStart(20, '0')}`,
          token,
        );
        statuses.push(answer.status);
      }
      expect(statuses.slice(0, LOOKUPS)).toEqual(Array(LOOKUPS).fill(404));
      expect(statuses.slice(LOOKUPS)).toEqual([429, 429, 429]);
      // Another client (another address) is served as before.
      const other = await getFrom(
        '127.0.0.2',
        `${host().url}/api/enroute/access-codes/${'x'.repeat(22)}`,
        token,
      );
      expect(other).toBe(404);
    });
  },
  { env: { ENROUTE_ACCESS_CODE_LOOKUPS: String(LOOKUPS) } },
);
