import { countSmsSegments } from '@enroute/content';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessCodeView } from '../../shared/contracts/admin.ts';
import { ApiError } from '../../shared/contracts/errors.ts';
import {
  NotificationDetail,
  NotificationLogPage,
  PositionPage,
  PositionView,
  PreviewResponse,
  SnippetList,
} from '../../shared/contracts/admin-pages.ts';
import { IssuedAccessCode } from '../../shared/contracts/messaging.ts';
import { SettingsView, type ReminderSchedule } from '../../shared/contracts/settings.ts';
import { putBooking } from '../support/fixtures.ts';
import { sendTravelingMessages, statusChangeEvent } from '../support/messages.ts';
import { PreparedBatch } from '../../shared/contracts/prepare.ts';
import { DeliveryProblems } from '../../shared/contracts/delivery-problems.ts';
import { onEveryDatabase } from '../support/suite.ts';
import { createLimitedAdmin } from './support/limited-admin.ts';

const DAY = 86_400_000;
const ACTIONS = {
  readSettings: 'plugin::enroute.settings.read',
  updateSettings: 'plugin::enroute.settings.update',
  manageAccessCodes: 'plugin::enroute.access-codes.manage',
  readLog: 'plugin::enroute.notifications.read',
};

/** A plain-text snippet whose value may carry placeholders. */
const textSnippet = { key: 'reminder.heading' };

onEveryDatabase(
  'admin routes: permissions, settings, log, access codes, preview, positions',
  (host) => {
    let fullAccess = '';
    let bookingId = '';
    let resourceId = '';

    beforeAll(async () => {
      fullAccess = host().tokens.fullAccess;
      const { booking } = await putBooking(host(), fullAccess, 'admin');
      bookingId = booking.documentId;
      const resources = await host().admin('GET', '/lookups/resources');
      resourceId = (resources.body.data as { documentId: string }[])[0]!.documentId;
    });

    describe('permissions', () => {
      const everyRoute = (): [string, string, unknown?][] => [
        ['GET', '/settings'],
        ['PUT', '/settings', { reminderWindowDays: 3 }],
        ['GET', '/snippets?locale=en'],
        ['POST', '/preview', { type: 'reminder', locale: 'en' }],
        ['GET', '/templates?type=reminder&locale=en'],
        ['PUT', '/templates', { type: 'reminder', locale: 'en', parts: {} }],
        ['POST', '/templates/restore', { type: 'reminder', locale: 'en', version: 1 }],
        [
          'POST',
          '/portal-preview',
          { state: 'scheduled', locale: 'en', frameAncestor: 'http://127.0.0.1:1337' },
        ],
        ['GET', '/booking-events/backlog'],
        ['GET', '/delivery-problems'],
        ['POST', '/booking-events/deliveries/1/actions', { action: 'retry' }],
        ['GET', '/notifications'],
        ['GET', '/notifications/unknown'],
        ['GET', `/bookings/${bookingId}/replies`],
        ['GET', `/access-codes?bookingId=${bookingId}`],
        ['POST', '/access-codes/unknown/actions', { action: 'expire' }],
        ['GET', `/positions?resourceId=${resourceId}`],
        ['POST', '/positions', { resourceId, lat: 1, lng: 1 }],
        ['GET', '/lookups/bookings'],
        ['GET', '/lookups/resources'],
        ['GET', '/lookups/accounts'],
        ['GET', '/lookups/contacts?search=Camille'],
      ];

      it('refuses every admin route without a token', async () => {
        for (const [method, route, body] of everyRoute()) {
          const answer = await host().request(method, `/enroute${route}`, { body });
          expect({ method, route, status: answer.status }).toEqual({ method, route, status: 401 });
          expect(ApiError.parse(answer.body).error.name).toBe('UnauthorizedError');
        }
      });

      it("refuses every admin route to an admin without the plugin's permissions", async () => {
        const editor = await createLimitedAdmin(host(), 'nopermission');
        for (const [method, route, body] of everyRoute()) {
          const answer = await editor.admin(method, route, body);
          expect({ method, route, status: answer.status }).toEqual({ method, route, status: 403 });
          expect(ApiError.parse(answer.body).error.status).toBe(403);
        }
        // Nothing was changed by the refused save.
        const settings = await host().admin('GET', '/settings');
        expect(SettingsView.parse(settings.body.data).reminderWindowDays).not.toBe(3);
      });

      it('opens exactly what each permission grants', async () => {
        const reader = await createLimitedAdmin(host(), 'logreader');
        await reader.grant([ACTIONS.readLog]);
        expect((await reader.admin('GET', '/notifications')).status).toBe(200);
        expect((await reader.admin('GET', `/positions?resourceId=${resourceId}`)).status).toBe(200);
        expect((await reader.admin('GET', '/lookups/bookings')).status).toBe(200);
        expect((await reader.admin('GET', '/settings')).status).toBe(403);
        expect((await reader.admin('GET', `/access-codes?bookingId=${bookingId}`)).status).toBe(
          403,
        );
        const placed = await reader.admin('POST', '/positions', { resourceId, lat: 1, lng: 1 });
        expect(placed.status).toBe(403);

        const settingsReader = await createLimitedAdmin(host(), 'settingsreader');
        await settingsReader.grant([ACTIONS.readSettings]);
        expect((await settingsReader.admin('GET', '/settings')).status).toBe(200);
        expect(
          (await settingsReader.admin('PUT', '/settings', { reminderWindowDays: 3 })).status,
        ).toBe(403);
        expect((await settingsReader.admin('GET', '/notifications')).status).toBe(403);
        // Reading a template is reading the settings; saving one is editing them.
        expect(
          (await settingsReader.admin('GET', '/templates?type=reminder&locale=fr')).status,
        ).toBe(200);
        const template = { type: 'reminder', locale: 'fr', parts: { subject: 'Bonjour' } };
        expect((await settingsReader.admin('PUT', '/templates', template)).status).toBe(403);
      });
    });

    describe('pickers', () => {
      it('finds bookings by work order number and records by name, and refuses an unknown kind', async () => {
        const bookings = await host().admin('GET', '/lookups/bookings?search=wo-ADM');
        expect(bookings.status).toBe(200);
        expect(bookings.body.data).toEqual([
          expect.objectContaining({
            documentId: bookingId,
            label: 'WO-admin · Boulangerie Martin',
          }),
        ]);
        const none = await host().admin('GET', '/lookups/bookings?search=no-such-order');
        expect(none.body.data).toEqual([]);
        const contacts = await host().admin('GET', '/lookups/contacts?search=camille');
        expect((contacts.body.data as { name: string }[]).map((contact) => contact.name)).toEqual([
          'Camille Martin',
        ]);
        const types = await host().admin('GET', '/lookups/service-types');
        expect((types.body.data as { name: string }[]).map((type) => type.name)).toContain(
          'Boiler service',
        );
        expect((await host().admin('GET', '/lookups/passwords')).status).toBe(404);
      });
    });

    describe('settings', () => {
      it('answers every wrong field of a save at once, with the position of an unknown placeholder, and changes nothing', async () => {
        const before = SettingsView.parse((await host().admin('GET', '/settings')).body.data);
        const value = 'Hello {{ booking.nope }}';
        const answer = await host().admin('PUT', '/settings', {
          branding: { ...before.branding, accentColor: 'blue' },
          reminderWindowDays: 5,
          snippets: { locale: 'en', values: { [textSnippet.key]: value } },
        });
        expect(answer.status).toBe(400);
        const errors = answer.body.error?.details?.errors ?? [];
        expect(errors).toContainEqual({
          path: 'branding.accentColor',
          message: 'must be a hex colour such as #0a5ad4',
        });
        expect(errors).toContainEqual({
          path: `snippets.${textSnippet.key}`,
          message: `unknown placeholder {{ booking.nope }} at line 1, column ${value.indexOf('booking.nope') + 1}`,
          line: 1,
          column: value.indexOf('booking.nope') + 1,
        });

        const after = SettingsView.parse((await host().admin('GET', '/settings')).body.data);
        expect(after).toEqual(before);
        const snippets = SnippetList.parse(
          (await host().admin('GET', '/snippets?locale=en')).body.data,
        );
        expect(
          snippets.snippets.find((snippet) => snippet.key === textSnippet.key)?.value,
        ).not.toBe(value);
      });

      it('refuses a survey whose host is not in the allowlist', async () => {
        const refused = await host().admin('PUT', '/settings', {
          surveyUrl: 'https://forms.elsewhere.example/s/1',
          surveyAllowedHosts: ['surveys.example.com'],
        });
        expect(refused.status).toBe(400);
        expect(refused.body.error?.details?.errors).toEqual([
          {
            path: 'surveyUrl',
            message: 'host forms.elsewhere.example is not in surveyAllowedHosts',
          },
        ]);
        const accepted = await host().admin('PUT', '/settings', {
          surveyUrl: 'https://surveys.example.com/s/1',
          surveyAllowedHosts: ['surveys.example.com'],
        });
        expect(accepted.status).toBe(200);
        expect(SettingsView.parse(accepted.body.data).surveyUrl).toBe(
          'https://surveys.example.com/s/1',
        );
      });

      it('saves snippet edits with the settings, and the preview uses them', async () => {
        const key = 'company.name';
        const saved = await host().admin('PUT', '/settings', {
          snippets: { locale: 'fr', values: { [key]: 'Chauffage Dupont' } },
        });
        expect(saved.status).toBe(200);
        const fr = SnippetList.parse((await host().admin('GET', '/snippets?locale=fr')).body.data);
        expect(fr.snippets.find((snippet) => snippet.key === key)?.value).toBe('Chauffage Dupont');
        const en = SnippetList.parse((await host().admin('GET', '/snippets?locale=en')).body.data);
        expect(en.snippets.find((snippet) => snippet.key === key)?.value).not.toBe(
          'Chauffage Dupont',
        );

        const preview = await host().admin('POST', '/preview', { type: 'reminder', locale: 'fr' });
        expect(preview.status).toBe(200);
        expect(PreviewResponse.parse(preview.body.data).email.html).toContain('Chauffage Dupont');
      });
    });

    describe('message preview', () => {
      it("renders a booking's email and SMS as the customer gets them, with the SMS segment count", async () => {
        const answer = await host().admin('POST', '/preview', {
          type: 'reminder',
          locale: 'en',
          bookingId,
        });
        expect(answer.status).toBe(200);
        const preview = PreviewResponse.parse(answer.body.data);
        expect(preview.sample).toBe(false);
        expect(preview.recipient.name).toBe('Camille Martin');
        expect(preview.email.subject).not.toBe('');
        expect(preview.email.html).toContain('WO-admin');
        expect(preview.sms.body).not.toBe('');
        expect(preview.sms).toMatchObject(countSmsSegments(preview.sms.body));
        expect(preview.sms.segments).toBeGreaterThanOrEqual(1);
      });

      it('previews unsaved display settings, and refuses an unknown locale or booking', async () => {
        const settings = SettingsView.parse((await host().admin('GET', '/settings')).body.data);
        const draft = await host().admin('POST', '/preview', {
          type: 'traveling',
          locale: 'en',
          branding: { ...settings.branding, accentColor: '#123abc' },
        });
        expect(draft.status).toBe(200);
        expect(PreviewResponse.parse(draft.body.data).email.html.toLowerCase()).toContain(
          '#123abc',
        );

        const heading = await host().admin('POST', '/preview', {
          type: 'reminder',
          locale: 'en',
          bookingId,
          snippets: { 'reminder.heading': 'Ready for {{ booking.number }}?' },
        });
        expect(PreviewResponse.parse(heading.body.data).email.html).toContain(
          'Ready for WO-admin?',
        );
        // Nothing was saved by previewing.
        const stored = SnippetList.parse(
          (await host().admin('GET', '/snippets?locale=en')).body.data,
        );
        expect(
          stored.snippets.find((snippet) => snippet.key === 'reminder.heading')?.value,
        ).not.toContain('Ready for');

        const locale = await host().admin('POST', '/preview', { type: 'reminder', locale: 'xx' });
        expect(locale.status).toBe(400);
        expect(locale.body.error?.details?.errors?.[0]?.path).toBe('locale');
        const booking = await host().admin('POST', '/preview', {
          type: 'reminder',
          locale: 'en',
          bookingId: 'nosuchbooking',
        });
        expect(booking.status).toBe(404);
      });
    });

    describe('notification log', () => {
      it('lists messages with masked recipients, filters them, and shows the exact content and the provider answer', async () => {
        // A traveling flow's two requests: prepare (both messages claimed), then the email's result.
        await host().api('PATCH', `/bookings/${bookingId}`, fullAccess, { status: 'traveling' });
        const prepared = await host().api('POST', '/messaging/prepare/events', fullAccess, {
          type: 'traveling',
          events: [statusChangeEvent({ documentId: bookingId }, 'scheduled', 'traveling')],
        });
        expect(prepared.status).toBe(200);
        const batch = PreparedBatch.parse(prepared.body);
        const email = batch.email[0]!;
        const emailId = email.notificationId;
        const recorded = await host().api('POST', '/messaging/results', fullAccess, {
          results: [
            {
              notificationId: emailId,
              state: 'sent',
              providerMessageId: 'smtp-250-ok',
              providerResponse: { accepted: ['camille@example.com'], response: '250 OK' },
            },
          ],
        });
        expect(recorded.status).toBe(200);

        const list = await host().admin('GET', `/notifications?bookingId=${bookingId}`);
        expect(list.status).toBe(200);
        const page = NotificationLogPage.parse(list.body);
        expect(page.meta.total).toBe(2);
        expect(page.data.map((entry) => entry.recipientMasked).sort()).toEqual(
          ['+33*******78', 'c***@e***.com'].sort(),
        );
        expect(JSON.stringify(list.body)).not.toContain('camille@example.com');
        expect(JSON.stringify(list.body)).not.toContain('+33612345678');
        expect(page.data.every((entry) => entry.bookingLabel === 'WO-admin')).toBe(true);

        const sms = NotificationLogPage.parse(
          (await host().admin('GET', `/notifications?bookingId=${bookingId}&channel=sms`)).body,
        );
        expect(sms.data.map((entry) => entry.channel)).toEqual(['sms']);
        const sent = NotificationLogPage.parse(
          (await host().admin('GET', `/notifications?bookingId=${bookingId}&state=sent`)).body,
        );
        expect(sent.data.map((entry) => entry.documentId)).toEqual([emailId]);
        const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
        const future = NotificationLogPage.parse(
          (await host().admin('GET', `/notifications?from=${tomorrow}`)).body,
        );
        expect(future.meta.total).toBe(0);

        const detail = await host().admin('GET', `/notifications/${emailId}`);
        expect(detail.status).toBe(200);
        const shown = NotificationDetail.parse(detail.body.data);
        // The words the customer got, with the link in them made unusable.
        const token = /\/t\/([A-Za-z0-9_-]{22,})/.exec(email.text)?.[1] ?? 'missing';
        expect(shown.content).toEqual({
          subject: email.subject,
          html: email.html.replaceAll(token, '[access-code]'),
          text: email.text.replaceAll(token, '[access-code]'),
        });
        expect(shown.providerResponse).toEqual({
          accepted: ['camille@example.com'],
          response: '250 OK',
        });
        expect(shown.recipientMasked).toBe('c***@e***.com');

        const wrong = await host().admin('GET', '/notifications?state=lost&page=0');
        expect(wrong.status).toBe(400);
        expect(wrong.body.error?.details?.errors?.map((error) => error.path).sort()).toEqual([
          'page',
          'state',
        ]);
      });
    });

    describe('reminder schedule', () => {
      it('says when the next reminders go out in each time zone the accounts use', async () => {
        await host().api('PUT', '/service-accounts/account-tokyo', fullAccess, {
          name: 'Shibuya Bakery',
          address: '1 Shibuya, Tokyo',
          timeZone: 'Asia/Tokyo',
        });
        const local = (at: string, timeZone: string) =>
          new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(
            new Date(at),
          );
        const schedule = async (query: string) => {
          const answer = await host().admin('GET', `/settings/reminder-schedule${query}`);
          expect(answer.status).toBe(200);
          return (answer.body.data as ReminderSchedule).zones;
        };
        const inAccountZones = await schedule('?sendTime=10:00&sendTimeZone=account');
        const tokyo = inAccountZones.find((zone) => zone.timeZone === 'Asia/Tokyo');
        expect(tokyo).toMatchObject({ accounts: 1, heldByQuietHours: false });
        expect(local(tokyo!.nextAt, 'Asia/Tokyo')).toBe('10:00');
        expect(Date.parse(tokyo!.nextAt)).toBeGreaterThan(Date.now());
        expect(Date.parse(tokyo!.nextAt)).toBeLessThanOrEqual(Date.now() + 86_400_000);
        // 23:00 UTC is 08:00 in Tokyo, after its quiet hours; 22:00 UTC is 07:00 there: held.
        const lateUtc = await schedule('?sendTime=22:00&sendTimeZone=utc');
        const held = lateUtc.find((zone) => zone.timeZone === 'Asia/Tokyo');
        expect(held?.heldByQuietHours).toBe(true);
        expect(local(held!.nextAt, 'Asia/Tokyo')).toBe('08:00');
        const bad = await host().admin('GET', '/settings/reminder-schedule?sendTime=25:00');
        expect(bad.status).toBe(400);
        expect(bad.body.error?.details?.errors?.[0]?.path).toBe('sendTime');
      });
    });

    describe('access codes', () => {
      it('extends, expires, blocks and unblocks a code, effective at once and recorded with who did it', async () => {
        const existing = await host().admin('GET', `/access-codes?bookingId=${bookingId}`);
        const issued = await host().api(
          'POST',
          `/messaging/bookings/${bookingId}/access-codes`,
          fullAccess,
        );
        // The booking's one link: made now (201) unless an earlier message made it (200).
        expect(issued.status).toBe((existing.body.data as unknown[]).length === 0 ? 201 : 200);
        const code = IssuedAccessCode.parse(issued.body);
        const opens = async () =>
          (await host().api('GET', `/access-codes/${code.token}`, host().tokens.readOnly)).status;
        const act = async (body: unknown) => {
          const answer = await host().admin(
            'POST',
            `/access-codes/${code.documentId}/actions`,
            body,
          );
          expect(answer.status).toBe(200);
          return AccessCodeView.parse(answer.body.data);
        };

        expect(await opens()).toBe(200);
        expect((await act({ action: 'expire' })).state).toBe('expired');
        expect(await opens()).toBe(404);

        const before = Date.now();
        const extended = await act({ action: 'extend', days: 3 });
        expect(extended.state).toBe('active');
        expect(Date.parse(extended.expiresAt)).toBeGreaterThanOrEqual(before + 3 * DAY - 1000);
        expect(Date.parse(extended.expiresAt)).toBeLessThanOrEqual(Date.now() + 3 * DAY);
        expect(await opens()).toBe(200);

        expect((await act({ action: 'block' })).state).toBe('blocked');
        expect(await opens()).toBe(404);
        const unblocked = await act({ action: 'unblock' });
        expect(unblocked.state).toBe('active');
        expect(await opens()).toBe(200);

        expect(unblocked.history.map((entry) => [entry.action, entry.by])).toEqual([
          // Made by the content API, or by the messages sent before.
          [
            'issue',
            existing.body.data && (existing.body.data as unknown[]).length
              ? 'messages'
              : 'content-api',
          ],
          ['expire', 'ada@example.com'],
          ['extend', 'ada@example.com'],
          ['block', 'ada@example.com'],
          ['unblock', 'ada@example.com'],
        ]);

        const listed = await host().admin('GET', `/access-codes?bookingId=${bookingId}`);
        expect(
          (listed.body.data as unknown[]).map((view) => AccessCodeView.parse(view)),
        ).toContainEqual(unblocked);
        const missingDays = await host().admin('POST', `/access-codes/${code.documentId}/actions`, {
          action: 'extend',
        });
        expect(missingDays.status).toBe(400);
      });
    });

    describe('geolocation tracking', () => {
      it('places a technician by hand and lists positions newest first', async () => {
        const placed = await host().admin('POST', '/positions', {
          resourceId,
          lat: 48.8566,
          lng: 2.3522,
          accuracy: 15,
        });
        expect(placed.status).toBe(201);
        const position = PositionView.parse(placed.body.data);
        expect(position).toMatchObject({ resourceId, lat: 48.8566, lng: 2.3522, source: 'manual' });

        const earlier = await host().admin('POST', '/positions', {
          resourceId,
          lat: 48.85,
          lng: 2.35,
          recordedAt: new Date(Date.now() - 3_600_000).toISOString(),
        });
        expect(earlier.status).toBe(201);

        const list = PositionPage.parse(
          (await host().admin('GET', `/positions?resourceId=${resourceId}`)).body,
        );
        expect(list.meta.total).toBe(2);
        expect(list.data[0]?.documentId).toBe(position.documentId);

        const future = await host().admin('POST', '/positions', {
          resourceId,
          lat: 1,
          lng: 1,
          recordedAt: new Date(Date.now() + DAY).toISOString(),
        });
        expect(future.status).toBe(400);
        const outOfRange = await host().admin('POST', '/positions', {
          resourceId,
          lat: 91,
          lng: 0,
        });
        expect(outOfRange.status).toBe(400);
        expect(outOfRange.body.error?.details?.errors?.[0]?.path).toBe('lat');
        const unknown = await host().admin('POST', '/positions', {
          resourceId: 'nosuchtechnician',
          lat: 1,
          lng: 1,
        });
        expect(unknown.status).toBe(404);
        const after = PositionPage.parse(
          (await host().admin('GET', `/positions?resourceId=${resourceId}`)).body,
        );
        expect(after.meta.total).toBe(2);
      });
    });

    describe('delivery problems', () => {
      /** The "on the way" messages of a new booking, prepared and recorded failed as given. */
      const failedMessages = async (id: string, reason: string) => {
        const { booking } = await putBooking(host(), fullAccess, id);
        const batch = await sendTravelingMessages(host(), booking, reason);
        expect(batch.email.length + batch.sms.length).toBe(2);
        return booking;
      };
      const problems = async () => {
        const admin = await host().admin('GET', '/delivery-problems');
        expect(admin.status).toBe(200);
        const flows = await host().api('GET', '/messaging/delivery-problems', fullAccess);
        expect(flows.status).toBe(200);
        const seen = DeliveryProblems.parse(admin.body.data);
        // The flow and the banner see the same counts.
        expect(DeliveryProblems.parse(flows.body)).toMatchObject({
          failed: seen.failed,
          expired: seen.expired,
          dead: seen.dead,
          alert: seen.alert,
        });
        return seen;
      };

      it('counts the messages failed in the window, and says to alert from the threshold on', async () => {
        const set = await host().admin('PUT', '/settings', {
          operationsEmail: 'ops@example.com',
          deliveryAlertThreshold: 4,
          deliveryAlertWindowMinutes: 30,
        });
        expect(set.status).toBe(200);
        const before = await problems();
        expect(before).toMatchObject({ threshold: 4, windowMinutes: 30 });
        expect(before.operationsEmail).toBe('ops@example.com');

        const old = await failedMessages('problems-old', 'Send SMS: Authorization failed');
        // Failed an hour ago: outside the window.
        await host().database.execute(
          `update enroute_notifications set updated_at = $1 where id in (select n.id from enroute_notifications n join enroute_bookings b on b.id = n.booking_id where b.document_id = $2)`,
          [
            // As the plugin writes times: milliseconds in SQLite, a timestamp in PostgreSQL.
            host().database.env.DATABASE_CLIENT === 'sqlite'
              ? Date.now() - 60 * 60_000
              : new Date(Date.now() - 60 * 60_000).toISOString(),
            old.documentId,
          ],
        );
        expect((await problems()).failed).toBe(before.failed);

        await failedMessages('problems-1', 'Send SMS: Authorization failed');
        const below = await problems();
        expect(below.failed).toBe(before.failed + 2);
        expect(below.alert).toBe(below.total >= 4);
        await failedMessages('problems-2', 'Send Email: 550 5.1.1 User unknown');
        const above = await problems();
        expect(above.failed).toBe(before.failed + 4);
        expect(above).toMatchObject({
          alert: true,
          total: above.failed + above.expired + above.dead,
        });
      });

      it('refuses an operations address that is not one, and a threshold below 1, naming the field', async () => {
        const answer = await host().admin('PUT', '/settings', {
          operationsEmail: 'operations',
          deliveryAlertThreshold: 0,
        });
        expect(answer.status).toBe(400);
        const paths = (answer.body.error?.details?.errors ?? []).map((error) => error.path);
        expect(paths).toEqual(
          expect.arrayContaining(['operationsEmail', 'deliveryAlertThreshold']),
        );
      });
    });
  },
);
