import { boundedMemo } from '../../lib/bounded-memo.ts';

/**
 * Dates and times as the customer reads them: the view's language, the booking's time zone.
 * Pure Intl, so the browser's live updates format exactly like the server-rendered page.
 */
const STYLES = {
  date: { dateStyle: 'full' },
  time: { timeStyle: 'short' },
  window: { hour: 'numeric', minute: '2-digit' },
  zone: { timeZoneName: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

// Building a formatter costs far more than using one: one per (style, locale, zone).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  style: keyof typeof STYLES,
  locale: string,
  timeZone: string,
): Intl.DateTimeFormat {
  const key = `${style}|${locale}|${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
    formatters.set(key, found);
  }
  return found;
}

// Formatting (a range most of all) costs as much again: the same booking is shown over and over.
const remembered = boundedMemo<string>(5000);

export function formatDate(instant: string, locale: string, timeZone: string): string {
  return remembered(`date|${locale}|${timeZone}|${instant}`, () =>
    formatter('date', locale, timeZone).format(new Date(instant)),
  );
}

export function formatTime(instant: string, locale: string, timeZone: string): string {
  return remembered(`time|${locale}|${timeZone}|${instant}`, () =>
    formatter('time', locale, timeZone).format(new Date(instant)),
  );
}

/** "13:00 – 15:00" in the zone, as the locale writes a range. */
export function formatTimeWindow(
  start: string,
  end: string,
  locale: string,
  timeZone: string,
): string {
  return remembered(`window|${locale}|${timeZone}|${start}|${end}`, () =>
    formatter('window', locale, timeZone).formatRange(new Date(start), new Date(end)),
  );
}

/** The zone's short name at that instant ("CET", "GMT+4"), so a window is never ambiguous. */
export function formatZoneName(instant: string, locale: string, timeZone: string): string {
  return remembered(`zone|${locale}|${timeZone}|${instant}`, () => {
    const parts = formatter('zone', locale, timeZone).formatToParts(new Date(instant));
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  });
}

/** Machine-readable value for `<time datetime>`. */
export function isoInstant(instant: string): string {
  return new Date(instant).toISOString();
}
