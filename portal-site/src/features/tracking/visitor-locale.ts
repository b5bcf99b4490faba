import { DEFAULT_LOCALE, resolveLocale, type Locale } from '@enroute/content';

/**
 * The locale to speak to a visitor in when there is no view to say it (Strapi cannot be reached):
 * the one the link asks for (`?locale=`), else the first the browser accepts that Enroute has
 * words for (`Accept-Language`, by weight), else English.
 */
export function visitorLocale(url: URL, acceptLanguage: string | null): Locale {
  const asked = url.searchParams.get('locale');
  const fromLink = asked ? supported(asked) : null;
  if (fromLink) return fromLink;
  const accepted = (acceptLanguage ?? '')
    .split(',')
    .map((entry, order) => {
      const [tag = '', ...parameters] = entry.split(';').map((part) => part.trim());
      const q = parameters.find((parameter) => parameter.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter(({ tag, weight }) => tag !== '' && tag !== '*' && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { tag } of accepted) {
    const locale = supported(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** The supported locale of a language tag, or null when Enroute has no words in its language. */
function supported(tag: string): Locale | null {
  const locale = resolveLocale(tag);
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  return locale !== DEFAULT_LOCALE || language === DEFAULT_LOCALE ? locale : null;
}
