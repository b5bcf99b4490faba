import {
  defaultSnippets,
  resolveLocale,
  sanitizeMarketerHtml,
  snippetDefinition,
  type SnippetKey,
} from '@enroute/content';

/** The part of a view that carries its words. */
export interface WordedView {
  locale: string;
  snippets: Record<string, string>;
}

/**
 * A plain-text snippet of the view (Astro escapes it where shown). A key Strapi did not send
 * falls back to Enroute's own words when those need no placeholder, else reads as empty.
 */
export function text(view: WordedView, key: SnippetKey): string {
  const value = view.snippets[key];
  if (value !== undefined) return value;
  const fallback = defaultSnippets[resolveLocale(view.locale)][key];
  return fallback.includes('{{') || fallback.includes('{%') ? '' : fallback;
}

/**
 * An html snippet (header, footer), sanitized once more here: only what the marketer allowlist
 * permits ever reaches the page as markup, whatever Strapi sent. Plain snippets never do.
 */
export function html(view: WordedView, key: SnippetKey): string {
  if (!snippetDefinition(key)?.html) {
    throw new Error(`${key} is a plain-text snippet and is never rendered as HTML`);
  }
  return sanitizedOnce(view.snippets[key] ?? '');
}

// Header and footer are the same on nearly every page; sanitizing is the costly part of a render.
const sanitized = new Map<string, string>();
const SANITIZED_KEPT = 500;

function sanitizedOnce(source: string): string {
  let clean = sanitized.get(source);
  if (clean === undefined) {
    clean = sanitizeMarketerHtml(source);
    if (sanitized.size >= SANITIZED_KEPT) sanitized.delete(sanitized.keys().next().value!);
    sanitized.set(source, clean);
  }
  return clean;
}

/** Each locale named in its own language, for the switcher. */
const localeNames = new Map<string, string>();

export function localeName(locale: string): string {
  let name = localeNames.get(locale);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    } catch {
      name = locale;
    }
    if (localeNames.size < 200) localeNames.set(locale, name);
  }
  return name;
}
