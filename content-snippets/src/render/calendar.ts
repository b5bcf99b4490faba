import { escape, foldLines } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';

/**
 * The calendar attachment of reminder, rescheduled and canceled emails (RFC 5545 / 5546).
 * One event per booking (same UID), so a reschedule moves it and a cancellation removes it from
 * the customer's calendar. Times are written in the service account's zone with its VTIMEZONE.
 */
export interface CalendarEvent {
  method: 'REQUEST' | 'CANCEL';
  /** Stable per booking. */
  uid: string;
  /** Must grow with every change of the same event; whole seconds since the epoch work. */
  sequence: number;
  start: string | Date;
  end: string | Date;
  timeZone: string;
  summary: string;
  description: string;
  location: string;
  url: string | null;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string } | null;
  now?: Date;
}

export interface CalendarAttachment {
  filename: string;
  method: 'REQUEST' | 'CANCEL';
  contentType: string;
  content: string;
}

const vtimezones = new Map<string, string>();
function vtimezone(timeZone: string): string {
  let block = vtimezones.get(timeZone);
  if (block === undefined) {
    const found = tzlib_get_ical_block(timeZone);
    block = Array.isArray(found) && found[0] ? found[0].trim() : '';
    vtimezones.set(timeZone, block);
  }
  return block;
}

const localFormatters = new Map<string, Intl.DateTimeFormat>();
const localTimes = new Map<string, string>();
const LOCAL_TIMES_LIMIT = 50_000;

/** Wall-clock time in the zone, as iCalendar writes it (20261125T140000); slots repeat, so kept. */
function localDateTime(instant: Date, timeZone: string): string {
  const key = `${instant.getTime()}|${timeZone}`;
  let found = localTimes.get(key);
  if (found === undefined) {
    found = formatLocal(instant, timeZone);
    if (localTimes.size >= LOCAL_TIMES_LIMIT) localTimes.clear();
    localTimes.set(key, found);
  }
  return found;
}

function formatLocal(instant: Date, timeZone: string): string {
  let format = localFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    localFormatters.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`;
}

let stamp = { second: -1, text: '' };
/** DTSTAMP for "now", recomputed once a second rather than once an event. */
function stampNow(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== stamp.second) stamp = { second, text: utcDateTime(new Date(second * 1000)) };
  return stamp.text;
}

function utcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const headers = new Map<string, string>();
/** Everything before the event: the same for every booking in a zone, so folded once. */
function header(method: CalendarEvent['method'], timeZone: string): string {
  const key = `${method}|${timeZone}`;
  let found = headers.get(key);
  if (found === undefined) {
    const zone = vtimezone(timeZone);
    const lines = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Enroute//Enroute//EN',
      'CALSCALE:GREGORIAN',
      `METHOD:${method}`,
      ...(zone ? [zone] : []),
    ];
    found = foldLines(lines.join('\r\n')) + '\r\n';
    headers.set(key, found);
  }
  return found;
}

/** RFC 5545 3.1: lines longer than 75 octets are folded; most lines are shorter. */
function fold(line: string): string {
  return Buffer.byteLength(line) > 75 ? foldLines(line) : line;
}

export function buildCalendar(event: CalendarEvent): CalendarAttachment {
  const start = new Date(event.start);
  const end = new Date(event.end);
  // Without a VTIMEZONE for the zone, UTC times are still exact.
  const zoned = vtimezone(event.timeZone) !== '';
  const at = (instant: Date, name: string) =>
    zoned
      ? `${name};TZID=${event.timeZone}:${localDateTime(instant, event.timeZone)}`
      : `${name}:${utcDateTime(instant)}`;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escape(event.uid, false)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${event.now ? utcDateTime(event.now) : stampNow()}`,
    at(start, 'DTSTART'),
    at(end, 'DTEND'),
    `SUMMARY:${escape(event.summary, false)}`,
    `DESCRIPTION:${escape(event.description, false)}`,
    `LOCATION:${escape(event.location, false)}`,
    ...(event.url ? [`URL;VALUE=URI:${event.url}`] : []),
    `ORGANIZER;CN="${escape(event.organizer.name, true)}":mailto:${event.organizer.email}`,
    ...(event.attendee
      ? [
          `ATTENDEE;CN="${escape(event.attendee.name, true)}";ROLE=REQ-PARTICIPANT:mailto:${event.attendee.email}`,
        ]
      : []),
    `STATUS:${event.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return {
    filename: event.method === 'CANCEL' ? 'cancel.ics' : 'appointment.ics',
    method: event.method,
    contentType: `text/calendar; charset=utf-8; method=${event.method}`,
    content: header(event.method, event.timeZone) + lines.map(fold).join('\r\n') + '\r\n',
  };
}
