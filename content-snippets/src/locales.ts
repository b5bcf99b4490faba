/** The locales Enroute ships words for. `ar` and `he` are written right to left. */
export const LOCALES = [
  'en',
  'es',
  'fr',
  'de',
  'pt-BR',
  'nl',
  'it',
  'pl',
  'ja',
  'zh-CN',
  'ar',
  'he',
] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

const RTL_LOCALES: ReadonlySet<Locale> = new Set(['ar', 'he']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isRtl(locale: Locale): boolean {
  return RTL_LOCALES.has(locale);
}

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  return isRtl(locale) ? 'rtl' : 'ltr';
}

/**
 * The supported locale closest to what was asked for: exact match (case-insensitive), then the
 * same language (`pt` and `pt-PT` → `pt-BR`, `zh-TW` → `zh-CN`, `en-GB` → `en`), else the default.
 */
export function resolveLocale(
  wanted: string | null | undefined,
  fallback: Locale = DEFAULT_LOCALE,
): Locale {
  if (!wanted) return fallback;
  const normalized = wanted.trim().replace('_', '-').toLowerCase();
  const exact = LOCALES.find((locale) => locale.toLowerCase() === normalized);
  if (exact) return exact;
  const language = normalized.split('-')[0];
  return LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? fallback;
}
