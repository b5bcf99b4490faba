import {
  defaultSnippets,
  resolveLocale,
  sanitizeMarketerHtml,
  snippetDefinition,
  type SnippetKey,
} from '@enroute/content';
import { boundedMemo } from '../../lib/bounded-memo.ts';

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
  const source = view.snippets[key] ?? '';
  return sanitized(source, () => sanitizeMarketerHtml(source));
}

// Header and footer are the same on nearly every page; sanitizing is the costly part of a render.
const sanitized = boundedMemo<string>(500);

const localeNames = boundedMemo<string>(200);

/** Each locale named in its own language, for the switcher. */
export function localeName(locale: string): string {
  return localeNames(locale, () => {
    try {
      return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    } catch {
      return locale;
    }
  });
}
