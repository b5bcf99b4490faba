import { isRtl, LOCALES } from '@enroute/content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { load, type CheerioAPI } from 'cheerio';
import type { AvailablePortalView, PortalView } from '@enroute/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatTime, formatTimeWindow } from '../booking-time/booking-time.ts';
import {
  account,
  booking,
  company,
  FIXTURE_CODE,
  FIXTURE_STATES,
  portalViewFixture,
  technician,
  type FixtureLocale,
  type FixtureState,
} from '../portal-view/fixtures/views.ts';
import type { RatingNotice } from '../rating/rating.ts';
import TrackingPage from './TrackingPage.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

async function render(view: PortalView, ratingNotice: RatingNotice | null = null) {
  const html = await container.renderToString(TrackingPage, {
    props: { view, code: FIXTURE_CODE, ratingNotice },
  });
  return { html, $: load(html) };
}

const fixture = (state: FixtureState, locale: FixtureLocale) => portalViewFixture(state, locale);
const available = (state: FixtureState, locale: FixtureLocale) =>
  fixture(state, locale) as AvailablePortalView;
/** Text as a reader meets it: every run of white space (ICU's narrow no-break ones too) as one space. */
const words = (text: string) => text.replace(/\s+/g, ' ');
const visibleText = ($: CheerioAPI) => words($('body').text());
/** Left to right, right to left, and the other right-to-left script. */
const DETAILED: FixtureLocale[] = ['en', 'ar', 'he'];

describe.each(LOCALES)('every state in %s', (locale) => {
  it.each(FIXTURE_STATES)('%s: right language, direction and heading', async (state) => {
    const view = fixture(state, locale);
    const { $ } = await render(view);
    expect($('html').attr('lang')).toBe(locale);
    expect($('html').attr('dir')).toBe(isRtl(locale) ? 'rtl' : 'ltr');
    const heading = {
      scheduled: 'portal.scheduled.heading',
      traveling: 'portal.traveling.heading',
      'traveling-stale': 'portal.traveling.heading',
      'in-progress': 'portal.inProgress.heading',
      'completed-survey': 'portal.completed.heading',
      'completed-rating': 'portal.completed.heading',
      canceled: 'portal.canceled.heading',
      rescheduled: 'portal.rescheduled.heading',
      unavailable: 'portal.unavailable.heading',
    }[state];
    expect($('h1').text().trim()).toBe(view.snippets[heading]);
    expect($('title').text()).toBe(view.snippets['page.title']);
    expect($('nav.locales').attr('aria-label')).toBe(view.snippets['portal.language']);
  });
});

describe.each(DETAILED)('tracking page in %s', (locale) => {
  it('scheduled: date and window in the account zone, address, calendar, map', async () => {
    const { $ } = await render(available('scheduled', locale));
    const text = visibleText($);
    expect(text).toContain(formatDate(booking.start, locale, booking.timeZone));
    expect(text).toContain(
      words(formatTimeWindow(booking.start, booking.end, locale, booking.timeZone)),
    );
    expect($('[data-address]').text()).toBe(account.address);
    expect($('a[data-add-to-calendar]').attr('href')).toBe(`/t/${FIXTURE_CODE}/calendar.ics`);
    const map = JSON.parse($('[data-map]').attr('data-map')!);
    expect(map.location).toEqual(account.location);
    expect(map.technician).toBeNull();
    expect($('figcaption').text()).toContain(account.address);
  });

  it('traveling: technician card with initials, call and text, ETA, live channel', async () => {
    const { $ } = await render(available('traveling', locale));
    expect($('[data-technician-name]').text()).toBe(technician.name);
    expect($('.initials').text().trim()).toBe('JD');
    expect($('a[data-call]').attr('href')).toBe(`tel:${technician.phone}`);
    expect($('a[data-text]').attr('href')).toBe(`sms:${technician.phone}`);
    expect($('[data-eta-time]').text().trim()).toBe(
      formatTime(booking.etaAt, locale, booking.timeZone),
    );
    expect($('[data-live-url]').attr('data-live-url')).toBe(`/t/${FIXTURE_CODE}/live`);
    expect($('[data-position-stale]').attr('hidden')).toBeDefined();
    const map = JSON.parse($('[data-map]').attr('data-map')!);
    expect(map.technician).toEqual({ lat: 48.8566, lng: 2.3522 });
    expect($('[data-map]').attr('data-technician-at')).toBe('48.8566,2.3522');
    expect($('[data-map-technician]').text()).toContain(technician.name);
    expect($('[data-map-distance]').text()).toMatch(/\S/);
  });

  it('traveling with a stale position says so and never shows it as current', async () => {
    const view = available('traveling-stale', locale);
    const { $, html } = await render(view);
    expect($('[data-position-stale]').attr('hidden')).toBeUndefined();
    expect($('[data-position-stale]').text().trim()).toBe(view.snippets['portal.traveling.stale']);
    expect(JSON.parse($('[data-map]').attr('data-map')!).technician).toBeNull();
    expect($('[data-map]').attr('data-technician-at')).toBe('');
    expect($('[data-map-technician]').attr('hidden')).toBeDefined();
    expect($('[data-map-distance]').text()).toBe('');
    expect(html).not.toContain(String(view.position!.lng));
    // The arrival time still stands.
    expect($('[data-eta-time]').text().trim()).toBe(
      formatTime(booking.etaAt, locale, booking.timeZone),
    );
  });

  it('traveling before any position or estimate: no marker, no arrival time yet', async () => {
    const view = available('traveling', locale);
    const { $ } = await render({ ...view, position: null, eta: null });
    expect($('[data-eta]').attr('hidden')).toBeDefined();
    expect($('[data-position-stale]').attr('hidden')).toBeDefined();
    expect(JSON.parse($('[data-map]').attr('data-map')!).technician).toBeNull();
    expect($('[data-live-url]').attr('data-live-url')).toBe(`/t/${FIXTURE_CODE}/live`);
  });

  it('traveling: the photo when there is one, instead of the initials', async () => {
    const view = available('traveling', locale);
    const photoUrl = 'https://cdn.contoso.example/people/jd.jpg';
    const { $ } = await render({ ...view, technician: { ...technician, photoUrl } });
    expect($('.technician img.avatar').attr('src')).toBe(photoUrl);
    expect($('.initials')).toHaveLength(0);
  });

  it('traveling: no call or text buttons without a phone, a generic name when hidden', async () => {
    const view = available('traveling', locale);
    const { $ } = await render({
      ...view,
      technician: { ...technician, name: null, phone: null },
    });
    expect($('a[href^="tel:"], a[href^="sms:"]')).toHaveLength(0);
    expect($('[data-technician-name]').text()).toBe(view.snippets['common.yourTechnician']);
    expect($('[data-map-technician]').text()).not.toContain(technician.name);
  });

  it.each(['scheduled', 'in-progress', 'completed-rating', 'canceled', 'rescheduled'] as const)(
    '%s: nothing about the technician, no position, no live channel',
    async (state) => {
      const { $, html } = await render(available(state, locale));
      expect(visibleText($)).not.toContain(technician.name);
      expect(html).not.toContain(technician.phone);
      expect($('[data-live-url]')).toHaveLength(0);
      expect($('[data-eta-time]')).toHaveLength(0);
    },
  );

  it('completed with a survey embeds it and offers no built-in rating', async () => {
    const { $ } = await render(available('completed-survey', locale));
    expect($('iframe').attr('src')).toBe('https://forms.example.com/s/visit-123');
    expect($('iframe').attr('title')).toBe(
      available('completed-survey', locale).snippets['portal.survey'],
    );
    expect($('form[data-rating-form]')).toHaveLength(0);
    expect($('[data-completed]').text()).toContain(
      formatTime(booking.completedAt, locale, booking.timeZone).replace(/\u202f/g, ' '),
    );
  });

  it('completed without a survey offers the 1–5 rating and thanks once rated', async () => {
    const view = available('completed-rating', locale);
    const { $ } = await render(view);
    const form = $('form[data-rating-form]');
    expect(form.attr('method')).toBe('post');
    expect(form.attr('action')).toBe(`/t/${FIXTURE_CODE}/rating`);
    expect(
      form
        .find('input[name=score]')
        .map((_, input) => $(input).val())
        .get(),
    ).toEqual(['1', '2', '3', '4', '5']);
    expect(form.find('textarea[name=comment]')).toHaveLength(1);
    expect($('iframe')).toHaveLength(0);

    const rated = await render({
      ...view,
      rating: { enabled: true, submitted: { score: 4, comment: null } },
    });
    expect(rated.$('form[data-rating-form]')).toHaveLength(0);
    expect(rated.$('[data-rating-thanks]').text()).toContain(view.snippets['portal.rating.thanks']);
  });

  it('rescheduled: the new time, and the old one in the words', async () => {
    const view = available('rescheduled', locale);
    const { $ } = await render(view);
    const text = visibleText($);
    expect(text).toContain(
      words(formatTimeWindow(booking.start, booking.end, locale, booking.timeZone)),
    );
    expect(text).toContain(view.snippets['portal.rescheduled.body']);
  });

  it('not available: company contacts only, nothing about any booking', async () => {
    const { $, html } = await render(fixture('unavailable', locale));
    expect($('a[href^="mailto:"]').first().attr('href')).toBe(`mailto:${company.email}`);
    expect($('address a[href^="tel:"]').attr('href')).toBe('tel:+15550100');
    for (const secret of [
      booking.number,
      account.address,
      account.name,
      technician.name,
      'Ana García',
      'calendar.ics',
    ]) {
      expect(html).not.toContain(secret);
    }
    expect($('[data-map]')).toHaveLength(0);
  });

  it('offers every locale, each named in its own language', async () => {
    const { $ } = await render(fixture('scheduled', locale));
    const links = $('nav.locales a');
    expect(links).toHaveLength(12);
    expect($('nav.locales a[lang=ar]').text()).toBe('العربية');
    expect($('nav.locales a[lang=fr]').attr('href')).toBe(`/t/${FIXTURE_CODE}?locale=fr`);
    expect($(`nav.locales a[lang=${locale}]`).attr('aria-current')).toBe('true');
  });
});

describe('what Strapi and recipients wrote is escaped or sanitized', () => {
  it('escapes plain values and strips scripts from marketer html', async () => {
    const view = available('scheduled', 'en');
    const { $, html } = await render({
      ...view,
      serviceAccount: { ...view.serviceAccount, address: '<img src=x onerror=alert(1)>' },
      company: { ...view.company, name: '<script>alert(2)</script>' },
      snippets: {
        ...view.snippets,
        'portal.scheduled.heading': '<b>Booked</b>',
        'page.header':
          '<em>Contoso</em><script>alert(3)</script><a href="javascript:alert(4)">x</a>',
      },
    });
    expect($('img[onerror]')).toHaveLength(0);
    expect($('[data-address]').text()).toBe('<img src=x onerror=alert(1)>');
    expect($('h1').text()).toBe('<b>Booked</b>');
    expect($('h1 b')).toHaveLength(0);
    expect($('.site-header em').text()).toBe('Contoso');
    expect($('script:not([src]):not([type="module"])').text()).not.toContain('alert');
    expect($('.site-header script')).toHaveLength(0);
    expect(html).not.toContain('<script>alert(3)');
    expect(html).not.toContain('javascript:');
  });
});

describe('survey', () => {
  const view = available('completed-survey', 'en');

  it('frames only an https survey on the allowlisted hosts', async () => {
    const foreign = await render({
      ...view,
      survey: { url: 'https://evil.example/s/1', allowedHosts: ['forms.example.com'] },
    });
    expect(foreign.$('iframe')).toHaveLength(0);
    const plain = await render({
      ...view,
      survey: { url: 'http://forms.example.com/s/1', allowedHosts: ['forms.example.com'] },
    });
    expect(plain.$('iframe')).toHaveLength(0);
    const sub = await render({
      ...view,
      survey: { url: 'https://Forms.Example.com/s/2', allowedHosts: ['forms.example.com'] },
    });
    expect(sub.$('iframe').attr('src')).toBe('https://forms.example.com/s/2');
  });
});

describe('branding', () => {
  it('links the theme stylesheet and shows logo, header and footer images', async () => {
    const view = available('scheduled', 'en');
    const { $ } = await render({
      ...view,
      branding: {
        ...view.branding,
        accentColor: '#aa0000',
        headerImageUrl: 'https://cdn.contoso.example/header.jpg',
        footerImageUrl: 'https://cdn.contoso.example/footer.jpg',
      },
    });
    const theme = $('link[rel=stylesheet][href^="/theme.css"]').attr('href')!;
    const branding = JSON.parse(
      Buffer.from(new URL(theme, 'http://p').searchParams.get('b')!, 'base64url').toString(),
    );
    expect(branding.accentColor).toBe('#aa0000');
    expect($('img.logo').attr('src')).toBe('https://cdn.contoso.example/logo.png');
    expect($('img.logo').attr('alt')).toBe('');
    expect($('.site-header').text()).toContain(company.name);
    expect($('img.header-image').attr('src')).toBe('https://cdn.contoso.example/header.jpg');
    expect($('img.footer-image').attr('src')).toBe('https://cdn.contoso.example/footer.jpg');
    expect($('[style]')).toHaveLength(0);
  });

  it('renders no map when the settings turn it off', async () => {
    const view = available('traveling', 'en');
    const { $ } = await render({ ...view, map: { ...view.map, enabled: false } });
    expect($('[data-map]')).toHaveLength(0);
    expect($('[data-eta-time]')).toHaveLength(1);
  });
});
