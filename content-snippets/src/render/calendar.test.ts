import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarEvent } from './calendar.ts';

const event: CalendarEvent = {
  method: 'REQUEST',
  uid: 'bk_7f3a9@enroute',
  sequence: 1764000000,
  start: '2026-11-25T13:00:00.000Z',
  end: '2026-11-25T15:00:00.000Z',
  timeZone: 'America/New_York',
  summary: 'Your appointment with Contoso; HVAC, yearly check',
  description: 'Reminder\nhttps://track.example/t/abc',
  location: '350 5th Ave, New York, NY 10118',
  url: 'https://track.example/t/abc',
  organizer: { name: 'Contoso "Home" Services', email: 'help@contoso.example' },
  attendee: { name: 'Ana García', email: 'ana@example.com' },
};

function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('buildCalendar', () => {
  it("parses with a real iCalendar parser and carries the account's zone", () => {
    const ics = buildCalendar(event);
    const { calendar, vevent, event: parsed } = parse(ics.content);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(parsed.uid).toBe('bk_7f3a9@enroute');
    expect(parsed.summary).toBe(event.summary);
    expect(parsed.location).toBe(event.location);
    expect(parsed.description).toBe(event.description);
    expect(parsed.startDate.zone?.tzid).toBe('America/New_York');
    // 13:00 UTC is 08:00 in New York in November (EST, UTC-5).
    expect(parsed.startDate.hour).toBe(8);
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2026-11-25T13:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2026-11-25T15:00:00.000Z');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(vevent.getFirstPropertyValue('organizer'))).toBe('mailto:help@contoso.example');
    expect(ics.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
  });

  it('keeps the local wall time across daylight saving time', () => {
    const summer = buildCalendar({
      ...event,
      start: '2026-07-01T12:00:00.000Z',
      end: '2026-07-01T13:00:00.000Z',
    });
    const { event: parsed } = parse(summer.content);
    expect(parsed.startDate.hour).toBe(8); // EDT, UTC-4
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });

  it('a cancellation cancels the same event', () => {
    const ics = buildCalendar({ ...event, method: 'CANCEL' });
    const { calendar, vevent, event: parsed } = parse(ics.content);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(parsed.uid).toBe(event.uid);
  });

  it('folds long lines at 75 octets, as RFC 5545 requires', () => {
    const ics = buildCalendar({ ...event, description: 'x'.repeat(300) });
    for (const line of ics.content.split('\r\n')) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    }
    expect(parse(ics.content).event.description).toBe('x'.repeat(300));
  });
});
