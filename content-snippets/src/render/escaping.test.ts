import { filters as liquidFilters, tags as liquidTags } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { messageData } from '../fixtures/message-data.ts';
import { createRenderer } from './renderer.ts';

/**
 * A recipient's value is escaped in HTML whatever a marketer's snippet or whole template does
 * with it: no filter and no tag that Liquid offers turns it into markup, in the email or in the
 * portal's words.
 */
const ATTACK = '<img src=x onerror=alert(1)>';
/** The attack as it is and as filters could decode it. */
const NAMES = [ATTACK, Buffer.from(ATTACK).toString('base64'), encodeURIComponent(ATTACK)];
/** An element with an event handler, or the attack's image, in any letter case. */
const LIVE_MARKUP = /<[a-z][^<>]*\son[a-z]+\s*=|<img[^<>]*src=["']?x/i;

/** A whole email template with the use in a text block and in raw HTML. */
const emailTemplate = (use: string) =>
  `<mjml><mj-body><mj-section><mj-column><mj-text>${use}</mj-text><mj-raw>${use}</mj-raw></mj-column></mj-section></mj-body></mjml>`;

type Place = 'snippet' | 'template';

async function renderWith(use: string, name = ATTACK, place: Place = 'snippet') {
  const renderer = createRenderer(
    place === 'snippet'
      ? { snippets: { en: { 'page.header': use, 'traveling.body': use } } }
      : { templates: { traveling: { email: emailTemplate(use) } } },
  );
  const data = messageData({ recipient: { name, email: 'ana@example.com' } });
  const email = await renderer.renderEmail('traveling', 'en', data);
  const words = renderer.renderSnippets('en', data);
  return { html: email.html, header: words['page.header'] };
}

/** Each filter as a marketer could apply it: alone, and with the recipient's value as argument. */
function filterUses(name: string): string[] {
  return [
    `[{{ recipient.name | ${name} }}]`,
    `[{{ recipient.name | ${name}: recipient.name }}]`,
    `[{{ recipient.name | ${name}: 1 }}]`,
    `[{{ recipient.name | ${name}: "n", "true" }}]`,
    `[{{ recipient.name | upcase | ${name} }}]`,
  ];
}

describe.each(['snippet', 'template'] as const)(
  "a recipient's value in a marketer's %s",
  (place) => {
    it('covers every filter Liquid has', () => {
      expect(Object.keys(liquidFilters)).toContain('raw');
      expect(Object.keys(liquidFilters).length).toBeGreaterThan(50);
    });

    it.each(Object.keys(liquidFilters))('stays text through the %s filter', async (name) => {
      let rendered = 0;
      for (const use of filterUses(name)) {
        for (const recipient of NAMES) {
          let result;
          try {
            result = await renderWith(use, recipient, place);
          } catch {
            continue; // A use that cannot render puts nothing in front of anyone.
          }
          rendered += 1;
          expect(result.html, `${use} with ${recipient}`).not.toMatch(LIVE_MARKUP);
          expect(result.header, `${use} with ${recipient}`).not.toMatch(LIVE_MARKUP);
        }
      }
      expect(rendered).toBeGreaterThan(0);
    });

    /** A use of each of Liquid's tags that writes the recipient's value, where it can. */
    const TAG_USES: Record<string, string> = {
      assign: '{% assign n = recipient.name | raw %}[{{ n | raw }}]',
      for: '{% for n in (1..1) %}[{{ recipient.name | raw }}]{% endfor %}',
      capture: '{% capture n %}{{ recipient.name | raw }}{% endcapture %}[{{ n | raw }}]',
      case: '{% case 1 %}{% when 1 %}[{{ recipient.name | raw }}]{% endcase %}',
      comment: '{% comment %}{{ recipient.name | raw }}{% endcomment %}[]',
      include: '[{% include recipient.name %}]',
      render: '[{% render recipient.name %}]',
      decrement: '[{% decrement n %}{{ recipient.name | raw }}]',
      increment: '[{% increment n %}{{ recipient.name | raw }}]',
      cycle: '[{% cycle recipient.name | raw, "b" %}]',
      if: '{% if true %}[{{ recipient.name | raw }}]{% endif %}',
      layout: '[{% layout recipient.name %}]',
      block: '[{% block n %}{{ recipient.name | raw }}{% endblock %}]',
      raw: '{% raw %}[{{ <img src=x onerror=alert(1)> }}]{% endraw %}',
      tablerow: '{% tablerow n in (1..1) %}[{{ recipient.name | raw }}]{% endtablerow %}',
      unless: '{% unless false %}[{{ recipient.name | raw }}]{% endunless %}',
      break: '{% for n in (1..2) %}[{{ recipient.name | raw }}]{% break %}{% endfor %}',
      continue: '{% for n in (1..2) %}{% continue %}{% endfor %}[{{ recipient.name | raw }}]',
      echo: '[{% echo recipient.name | raw %}]',
      liquid: '[{% liquid echo recipient.name | raw %}]',
      '#': '{% # a note %}[{{ recipient.name | raw }}]',
    };

    it('has a case for every tag Liquid has', () => {
      expect(Object.keys(liquidTags).filter((name) => !(name in TAG_USES))).toEqual([]);
    });

    it.each(Object.entries(TAG_USES))('stays text through the %s tag', async (_name, use) => {
      let result;
      try {
        result = await renderWith(use, ATTACK, place);
      } catch {
        return; // A tag that cannot render puts nothing in front of anyone.
      }
      expect(result.html).not.toMatch(LIVE_MARKUP);
      expect(result.header).not.toMatch(LIVE_MARKUP);
    });
  },
);
