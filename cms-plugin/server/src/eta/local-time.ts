export interface LocalClockReading {
  /** 0–23 in the zone. */
  hour: number;
  /** 0 = Sunday … 6 = Saturday, in the zone. */
  weekday: number;
  /** Seconds until the zone's clock reaches the next full hour. */
  secondsToNextHour: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What a wall clock in `timeZone` shows at `instant`. */
export function readLocalClock(instant: Date, timeZone: string): LocalClockReading {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  const minute = Number(part('minute'));
  const second = Number(part('second'));
  const millis = ((instant.getTime() % 1000) + 1000) % 1000;
  return {
    hour: Number(part('hour')) % 24,
    weekday: WEEKDAYS.indexOf(part('weekday')),
    secondsToNextHour: 3600 - minute * 60 - second - millis / 1000,
  };
}
