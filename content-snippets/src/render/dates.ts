import type { Locale } from '../locales.ts';

/**
 * Dates and times as the recipient reads them: their language, the service account's time zone.
 * Formatters are costly to build and cheap to use, so each (locale, zone, style) is built once.
 */
const STYLES = {
  date: { dateStyle: 'full' },
  shortDate: { weekday: 'short', day: 'numeric', month: 'short' },
  time: { timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof STYLES;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, timeZone: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
    formatters.set(key, found);
  }
  return found;
}

// ICU separates "2:00" from "PM" with a narrow no-break space and French puts no-break spaces
// around punctuation; plain spaces read the same and keep an SMS in the GSM-7 alphabet.
const SPACES = /[\u00a0\u202f]/g;

// Bookings cluster on the same slots (8:00, 10:00…), so a daily run formats the same few
// instants again and again: remember them, within a bound.
const formatted = new Map<string, string>();
const FORMATTED_LIMIT = 50_000;

export function formatInstant(
  instant: string | Date,
  locale: Locale,
  timeZone: string,
  style: DateStyle,
): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const key = `${date.getTime()}|${locale}|${timeZone}|${style}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatter(locale, timeZone, style).format(date).replace(SPACES, ' ');
    if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}
