import { describe, expect, it } from 'vitest';
import { messageData, LINK } from '../fixtures/message-data.ts';
import { LOCALES } from '../locales.ts';
import { MESSAGE_TYPES } from '../messages.ts';
import { defaultBranding } from '../branding.ts';
import { createRenderer, InvalidMessageDataError } from './renderer.ts';

describe('email rendering', () => {
  const renderer = createRenderer();

  const cases = LOCALES.flatMap((locale) => MESSAGE_TYPES.map((type) => [type, locale] as const));
  it.each(cases)(
    '%s in %s compiles from strictly valid MJML and fills every placeholder',
    async (type, locale) => {
      const data = messageData();
      const email = await renderer.renderEmail(type, locale, data);
      for (const part of [email.subject, email.html, email.text]) {
        expect(part).not.toMatch(/{{|}}|{%|%}/);
      }
      const words = renderer.renderSnippets(locale, data);
      expect(email.subject).toBe(words[`${type}.subject`]);
      expect(email.text).toContain(words[`${type}.heading`]);
      expect(email.html.length).toBeGreaterThan(1000);
      expect(email.html).toContain(`lang="${locale}"`);
      expect(email.html).toContain(`dir="${locale === 'ar' || locale === 'he' ? 'rtl' : 'ltr'}"`);
      if (type !== 'canceled') expect(email.html).toContain(`href="${LINK}"`);
      if (type !== 'canceled') expect(email.text).toContain(LINK);
      // A declined request leaves the visit as it was: the calendar entry stands.
      expect(email.ics === null).toBe(
        type === 'traveling' || type === 'completed' || type === 'request-declined',
      );
    },
  );

  it('says in a reminder that the customer confirmed, only once they have', async () => {
    const data = messageData();
    const unconfirmed = await renderer.renderEmail('reminder', 'en', data);
    expect(unconfirmed.text).not.toContain('You confirmed this appointment');
    const confirmed = await renderer.renderEmail('reminder', 'en', {
      ...data,
      booking: { ...data.booking, confirmedAt: '2026-11-20T10:00:00.000Z' },
    });
    expect(confirmed.html).toContain('You confirmed this appointment. Thank you!');
    expect(confirmed.text).toContain('You confirmed this appointment. Thank you!');
    const arabic = await renderer.renderEmail('reminder', 'ar', {
      ...data,
      booking: { ...data.booking, confirmedAt: '2026-11-20T10:00:00.000Z' },
    });
    expect(arabic.text).toContain('لقد أكدت هذا الموعد');
  });

  it('gives the booked start as the arrival before there is an estimate', async () => {
    const data = messageData();
    const estimated = await renderer.renderSms('traveling', 'en', data);
    expect(estimated.body).toContain('arriving around 2:20 PM.'); // 13:20Z in Paris
    const unknown = await renderer.renderSms('traveling', 'en', {
      ...data,
      booking: { ...data.booking, etaAt: null },
    });
    expect(unknown.body).toContain('arriving around 2:00 PM.');
    const email = await renderer.renderEmail('traveling', 'en', {
      ...data,
      booking: { ...data.booking, etaAt: null },
    });
    expect(email.text).toContain('should arrive around 2:00 PM.');
  });

  it('writes the visit in the account zone and the recipient language', async () => {
    const data = messageData();
    const en = await renderer.renderEmail('reminder', 'en', data);
    expect(en.subject).toBe('Reminder: your appointment on Wednesday, November 25, 2026');
    expect(en.text).toContain('between 2:00 PM and 4:00 PM'); // 13:00Z in Paris
    const ny = await renderer.renderEmail('reminder', 'en', {
      ...data,
      booking: { ...data.booking, timeZone: 'America/New_York' },
    });
    expect(ny.text).toContain('between 8:00 AM and 10:00 AM');
    const de = await renderer.renderEmail('reminder', 'de', data);
    expect(de.text).toContain('14:00');
    expect(de.subject).toContain('25. November 2026');
  });

  it("escapes the recipient's values in HTML and never evaluates them", async () => {
    const email = await renderer.renderEmail(
      'traveling',
      'en',
      messageData({
        recipient: { name: '<script>alert(1)</script>{{ link }}{% if true %}x{% endif %}' },
        account: { name: 'A & B', address: '"5 Main St" <b>' },
        technician: { name: "O'Brien <img src=x onerror=alert(1)>" },
      }),
    );
    expect(email.html).not.toContain('<script>alert(1)');
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;{{ link }}{% if true %}x{% endif %}',
    );
    expect(email.html).toContain('&#34;5 Main St&#34; &lt;b&gt;');
    expect(email.html).toContain('O&#39;Brien &lt;img src=x onerror=alert(1)&gt;');
    // Plain text is plain: values as they are, still not evaluated.
    expect(email.text).toContain(
      'Hello <script>alert(1)</script>{{ link }}{% if true %}x{% endif %},',
    );
    expect(email.subject).toBe("O'Brien <img src=x onerror=alert(1)> is on the way");
  });

  it('renders marketer HTML sanitized and plain snippets escaped', async () => {
    const custom = createRenderer({
      snippets: {
        en: {
          'page.footer':
            'Call <a href="tel:+15550100">us</a> <script>steal()</script><img src="http://x/p.png">',
          'reminder.heading': 'Tom & Jerry <b>say</b> {{ recipient.name }}',
        },
      },
    });
    const email = await custom.renderEmail('reminder', 'en', messageData());
    expect(email.html).toMatch(
      /<a href="tel:\+15550100" rel="noopener noreferrer" target="_blank"( style="[^"<>]*")?>us<\/a>/,
    );
    expect(email.html).toContain('&lt;script&gt;steal()&lt;/script&gt;');
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('http://x/p.png');
    expect(email.html).not.toContain('<img>');
    expect(email.html).toContain('Tom &amp; Jerry &lt;b&gt;say&lt;/b&gt; Ana García-López');
    expect(email.text).toContain('Tom & Jerry <b>say</b> Ana García-López');
    expect(email.text).toContain('Call us [tel:+15550100]');
  });

  it('isolates values only where the text runs right to left', async () => {
    const email = await renderer.renderEmail('reminder', 'fr', messageData());
    expect(email.html).not.toContain('<bdi>');
    expect(email.html).toContain('12 rue de la Paix, 75002 Paris');
  });

  it('reads right to left in Arabic and Hebrew', async () => {
    for (const locale of ['ar', 'he'] as const) {
      const email = await renderer.renderEmail('reminder', locale, messageData());
      expect(email.html).toMatch(/<html[^>]*dir="rtl"/);
      expect(email.html).toContain('text-align:right');
      // Numbers and Latin text keep their own direction inside right-to-left sentences.
      expect(email.html).toContain('<bdi>+1 555 0100</bdi>');
      expect(email.html).toContain('<bdi>12 rue de la Paix, 75002 Paris</bdi>');
      const sms = await renderer.renderSms('reminder', locale, messageData());
      expect(sms.encoding).toBe('UCS-2');
      expect(sms.body).toMatch(/[\u0590-\u06ff]/);
    }
  });

  it('brands the email from the display settings', async () => {
    const branded = createRenderer({
      branding: {
        ...defaultBranding,
        fontFamily: 'Georgia, serif',
        accentColor: '#ffcc00',
        logoUrl: 'https://cdn.example.com/logo.png',
        headerImageUrl: 'https://cdn.example.com/header.png',
      },
    });
    const email = await branded.renderEmail('traveling', 'en', messageData());
    expect(email.html).toContain('Georgia, serif');
    expect(email.html).toContain('#ffcc00');
    expect(email.html).toContain('src="https://cdn.example.com/logo.png"');
    expect(email.html).toContain('src="https://cdn.example.com/header.png"');
    // Yellow buttons get black text, for contrast.
    expect(email.html).toMatch(/background: #ffcc00; color: #000000/);
  });

  it('a change of snippets or branding shows on the next render', async () => {
    const live = createRenderer();
    const before = await live.renderEmail('completed', 'en', messageData());
    expect(before.subject).toBe('Your service is complete');
    live.update({
      snippets: { en: { 'completed.subject': 'Job done, {{ recipient.name }}!' } },
      snippetsVersion: '2',
    });
    const after = await live.renderEmail('completed', 'en', messageData());
    expect(after.subject).toBe('Job done, Ana García-López!');
    live.update({
      snippets: { en: { 'completed.subject': 'Job done, {{ recipient.name }}!' } },
      snippetsVersion: '2',
      branding: { ...defaultBranding, accentColor: '#123456' },
    });
    expect((await live.renderEmail('completed', 'en', messageData())).html).toContain('#123456');
  });

  it('falls back to the default words when a stored snippet is broken', async () => {
    const broken = createRenderer({
      snippets: { en: { 'canceled.subject': 'Canceled {% if %}' } },
    });
    const email = await broken.renderEmail('canceled', 'en', messageData());
    expect(email.subject).toBe('Your appointment on Wednesday, November 25, 2026 is canceled');
  });

  it('says the technician generically when the name is hidden', async () => {
    const email = await renderer.renderEmail('traveling', 'en', messageData({ technician: null }));
    expect(email.subject).toBe('Your technician is on the way');
  });

  it('rejects bad data with the field that is wrong', async () => {
    const data = messageData();
    await expect(
      renderer.renderEmail('reminder', 'en', {
        ...data,
        booking: { ...data.booking, start: 'tomorrow' },
      }),
    ).rejects.toThrow(InvalidMessageDataError);
    await expect(
      renderer.renderEmail('reminder', 'en', {
        ...data,
        booking: { ...data.booking, start: 'tomorrow' },
      }),
    ).rejects.toThrow(/booking\.start/);
  });

  it('carries a calendar event for reminders, reschedules and cancellations', async () => {
    const reminder = await renderer.renderEmail('reminder', 'en', messageData());
    expect(reminder.ics?.method).toBe('REQUEST');
    expect(reminder.ics?.content).toContain('DTSTART;TZID=Europe/Paris:20261125T140000');
    expect(reminder.ics?.content).toContain('ATTENDEE;CN="Ana García-López"');
    const canceled = await renderer.renderEmail('canceled', 'en', messageData());
    expect(canceled.ics?.method).toBe('CANCEL');
  });
});

describe('portal snippets', () => {
  it('fills placeholders; html snippets stay sanitized HTML, plain ones stay plain', () => {
    const renderer = createRenderer({
      snippets: { fr: { 'page.header': '<em>{{ company.name }}</em><iframe></iframe>' } },
    });
    const snippets = renderer.renderSnippets(
      'fr',
      messageData({ account: { name: 'X', address: '<1 rue>' } }),
    );
    expect(snippets['page.header']).toBe(
      `<em>${snippets['company.name']}</em>&lt;iframe&gt;&lt;/iframe&gt;`,
    );
    expect(snippets['portal.scheduled.body']).toContain('<1 rue>');
  });
});
