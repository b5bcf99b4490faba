import { isRtl, LOCALES } from '@enroute/content';
import type { TechnicianVisit } from '@enroute/contracts';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import MessagePage from './MessagePage.astro';
import SharingPanel from './SharingPanel.astro';
import VisitCard from './VisitCard.astro';
import { technicianWords } from './technician-words.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const visit: TechnicianVisit = {
  documentId: 'b1',
  start: '2026-03-10T08:00:00.000Z',
  end: '2026-03-10T10:00:00.000Z',
  timeZone: 'Europe/Paris',
  status: 'scheduled',
  customer: 'Boulangerie Martin',
  address: '12 rue de la Paix, Paris',
  destination: { lat: 48.8698, lng: 2.3311 },
  workOrder: 'WO-1',
  serviceType: 'Boiler service',
  note: 'Ring twice <b>please</b>',
};

const text = (html: string) => load(html)('body').text().replace(/\s+/g, ' ');

async function card(props: Partial<TechnicianVisit>, locale: (typeof LOCALES)[number] = 'en') {
  const html = await container.renderToString(VisitCard, {
    props: { visit: { ...visit, ...props }, locale },
  });
  return load(`<body>${html}</body>`);
}

describe('a visit on the phone', () => {
  it('shows the window in the account zone, the customer, the address, the note and the status', async () => {
    const $ = await card({});
    expect($('h2').text()).toBe('Boulangerie Martin');
    // 08:00 UTC is 09:00 in Paris.
    expect($('[data-visit-time]').text().replace(/\s+/g, ' ')).toBe('9:00 – 11:00 AM GMT+1');
    expect($('[data-visit-address]').text()).toBe('12 rue de la Paix, Paris');
    expect($('[data-visit-note]').text()).toBe('Ring twice <b>please</b>');
    expect($('[data-visit-status]').text()).toBe('Scheduled');
    expect($('a[href^="geo:48.8698,2.3311"]').text().trim()).toBe('Open in maps');
    const next = $('a.button');
    expect(next.text().trim()).toBe('On my way');
    expect(next.attr('href')).toBe('/tech/visits/b1/traveling');
  });

  it('offers the next step only, and none once completed', async () => {
    expect((await card({ status: 'traveling' }))('a.button').text().trim()).toBe('Arrived');
    expect((await card({ status: 'in-progress' }))('a.button').text().trim()).toBe('Completed');
    expect((await card({ status: 'completed' }))('a.button')).toHaveLength(0);
    expect((await card({ note: null }))('[data-visit-note]')).toHaveLength(0);
  });

  it.each(LOCALES)('%s: the words of the locale', async (locale) => {
    const $ = await card({}, locale);
    expect($('a.button').text().trim()).toBe(technicianWords[locale]['action.traveling']);
    expect($('[data-visit-status]').text()).toBe(technicianWords[locale]['status.scheduled']);
  });
});

describe('pages of one message', () => {
  it.each(LOCALES)('%s: a refused link says so and offers nothing else', async (locale) => {
    const html = await container.renderToString(MessagePage, {
      props: { locale, kind: 'link-refused', heading: 'link.heading', body: 'link.body' },
    });
    const $ = load(html);
    expect($('html').attr('lang')).toBe(locale);
    expect($('html').attr('dir')).toBe(isRtl(locale) ? 'rtl' : 'ltr');
    expect($('h1').text()).toBe(technicianWords[locale]['link.heading']);
    expect($('main a, main form, main button')).toHaveLength(0);
    expect($('link[rel="manifest"]').attr('href')).toBe('/tech/manifest.webmanifest');
  });
});

describe('the sharing panel', () => {
  it('says the position is not shared until the script shares it', async () => {
    const html = await container.renderToString(SharingPanel, {
      props: { locale: 'en', visit: 'b1', csrf: 'token' },
    });
    const $ = load(`<body>${html}</body>`);
    expect($('[role="status"]').text().trim()).toBe('Your position is not shared.');
    expect($('[data-sharing]').attr('data-word-on')).toBe(
      'Your position is shared with the customer.',
    );
    expect($('button[data-stop-sharing]').attr('hidden')).toBeDefined();
    expect(text(html)).not.toContain('token');
  });
});
