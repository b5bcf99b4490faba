import { beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AdminFieldError,
  ApiError,
  TemplatePage,
  TemplateSaved,
} from '../shared/contracts/index.ts';
import { inDays, putBooking, QUIET_HOURS_OFF } from './support/fixtures.ts';
import { scheduledRun } from './support/messages.ts';
import { onEveryDatabase } from './support/suite.ts';

onEveryDatabase(
  'message templates: versions per message and locale, used by every message',
  (host) => {
    let fullAccess = '';

    beforeAll(async () => {
      fullAccess = host().tokens.fullAccess;
      const quiet = await host().admin('PUT', '/settings', QUIET_HOURS_OFF);
      expect(quiet.status).toBe(200);
    });

    const page = async (type: string, locale: string) => {
      const answer = await host().admin('GET', `/templates?type=${type}&locale=${locale}`);
      expect(answer.status).toBe(200);
      return TemplatePage.parse(answer.body.data);
    };
    const save = (locale: string, parts: Record<string, string | null>, type = 'reminder') =>
      host().admin('PUT', '/templates', { type, locale, parts });
    const saved = async (locale: string, parts: Record<string, string | null>) => {
      const answer = await save(locale, parts);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return TemplateSaved.parse(answer.body.data);
    };
    /** The refusal's problems, with their positions (the error body keeps them). */
    const refusal = (body: unknown) => {
      ApiError.parse(body);
      const listed = (body as { error: { details: { errors: unknown } } }).error.details.errors;
      return z.array(AdminFieldError).parse(listed);
    };

    /** A booking whose customer reads `locale`, due for its reminder. */
    const bookingIn = async (id: string, locale: string) => {
      const { booking } = await putBooking(host(), fullAccess, id, {
        start: inDays(1),
        end: inDays(1, 2),
      });
      const contact = await host().api('PUT', `/contacts/contact-${id}`, fullAccess, {
        name: 'Camille Martin',
        email: `${id}@example.com`,
        mobilePhone: '+33 6 12 34 56 78',
        locale,
      });
      expect(contact.status).toBeLessThan(300);
      return booking.documentId;
    };
    /** The reminders the next scheduled run sends, by booking. */
    const nextReminders = async () => {
      const run = await scheduledRun(host());
      return {
        subject: (bookingId: string) =>
          run.email.find((one) => one.bookingId === bookingId)?.subject,
        sms: (bookingId: string) => run.sms.find((one) => one.bookingId === bookingId)?.body,
      };
    };

    it("shows Enroute's template until a marketer saves one", async () => {
      const fr = await page('reminder', 'fr');
      expect(fr.current).toBeNull();
      expect(fr.versions).toEqual([]);
      expect(fr.effective.sms).toEqual({ source: 'enroute', value: fr.defaults.sms });
      expect(fr.defaults.email).toContain('<mjml');
      expect(fr.defaults.subject).toBe("{% snippet 'reminder.subject' %}");
    });

    it('refuses a template with a problem, naming the part, line and column; nothing is saved', async () => {
      const unknown = await save('fr', {
        subject: 'Votre visite',
        text: 'Bonjour,\nvotre visite du {{ booking.dte }}',
      });
      expect(unknown.status).toBe(400);
      expect(refusal(unknown.body)).toEqual([
        {
          path: 'template.text',
          message: 'unknown placeholder {{ booking.dte }} at line 2, column 20',
          line: 2,
          column: 20,
        },
      ]);

      const mjml = await save('fr', {
        email: '<mjml>\n<mj-body>\n<mj-text>hors colonne</mj-text>\n</mj-body>\n</mjml>',
      });
      expect(mjml.status).toBe(400);
      expect(refusal(mjml.body)[0]).toMatchObject({ path: 'template.email', line: 3 });

      const long = await save('fr', { sms: `${'a'.repeat(700)} {{ link }}` });
      expect(long.status).toBe(400);
      expect(refusal(long.body)[0]?.message).toMatch(
        /^is \d+ segments \(GSM-7, \d+ units\), over the limit of 4 set in the settings/,
      );
      expect((await page('reminder', 'fr')).versions).toEqual([]);
    });

    it('sends the fr template to a customer in fr and not in en; a restored version is what the next message uses', async () => {
      const first = await saved('fr', {
        subject: 'Rappel v1 {{ booking.number }}',
        sms: 'Rappel v1: {{ booking.date }} {{ link }}',
      });
      expect(first.version).toMatchObject({ version: 1, savedBy: 'ada@example.com' });
      expect(first.sms).toMatchObject({ encoding: 'GSM-7', segments: 1 });

      const fr = await bookingIn('tpl-fr', 'fr');
      const en = await bookingIn('tpl-en', 'en');
      const run = await nextReminders();
      expect(run.subject(fr)).toBe('Rappel v1 WO-tpl-fr');
      expect(run.sms(fr)).toMatch(/^Rappel v1: .+ https?:\/\/\S+\/t\/\S+$/);
      expect(run.subject(en)).toBeDefined();
      expect(run.subject(en)).not.toContain('Rappel');
      expect(run.sms(en)).not.toContain('Rappel');

      await saved('fr', { subject: 'Rappel v2 {{ booking.number }}', sms: null });
      const second = await bookingIn('tpl-fr-2', 'fr');
      expect((await nextReminders()).subject(second)).toBe('Rappel v2 WO-tpl-fr-2');

      const restored = await host().admin('POST', '/templates/restore', {
        type: 'reminder',
        locale: 'fr',
        version: 1,
      });
      expect(restored.status).toBe(201);
      expect(TemplateSaved.parse(restored.body.data).version).toMatchObject({
        version: 3,
        restoredFrom: 1,
        subject: 'Rappel v1 {{ booking.number }}',
      });
      const third = await bookingIn('tpl-fr-3', 'fr');
      const afterRestore = await nextReminders();
      expect(afterRestore.subject(third)).toBe('Rappel v1 WO-tpl-fr-3');
      expect(afterRestore.sms(third)).toMatch(/^Rappel v1: /);

      const history = await page('reminder', 'fr');
      expect(history.versions.map((version) => [version.version, version.restoredFrom])).toEqual([
        [3, 1],
        [2, null],
        [1, null],
      ]);
      expect(history.current?.version).toBe(3);
      expect(history.effective.subject).toEqual({
        source: 'locale',
        value: 'Rappel v1 {{ booking.number }}',
      });

      const missing = await host().admin('POST', '/templates/restore', {
        type: 'reminder',
        locale: 'fr',
        version: 9,
      });
      expect(missing.status).toBe(404);
    });

    it("falls back to the default locale's template, then to Enroute's, part by part", async () => {
      await saved('en', { subject: 'Reminder for {{ booking.number }}' });
      const de = await page('reminder', 'de');
      expect(de.effective.subject).toEqual({
        source: 'default-locale',
        value: 'Reminder for {{ booking.number }}',
      });
      expect(de.effective.sms.source).toBe('enroute');
      // fr keeps its own subject.
      expect((await page('reminder', 'fr')).effective.subject.source).toBe('locale');

      const german = await bookingIn('tpl-de', 'de');
      const run = await nextReminders();
      expect(run.subject(german)).toBe('Reminder for WO-tpl-de');
    });

    it('previews an unsaved template with the stored ones for the other parts', async () => {
      const answer = await host().admin('POST', '/preview', {
        type: 'reminder',
        locale: 'fr',
        template: { subject: 'Brouillon {{ booking.number }}' },
      });
      expect(answer.status).toBe(200);
      const preview = answer.body.data as { email: { subject: string }; sms: { body: string } };
      expect(preview.email.subject).toBe('Brouillon WO-000123');
      expect(preview.sms.body).toMatch(/^Rappel v1: /);
    });
  },
);
