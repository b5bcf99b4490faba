import type { Locale } from '../locales.ts';
import type { Placeholder } from '../snippets/definitions.ts';
import { formatInstant, type DateStyle } from './dates.ts';
import type { MessageData } from './message-data.ts';
import type { z } from 'zod';

type Data = z.output<typeof MessageData>;

interface ValueContext {
  data: Data;
  company: { name: string; email: string; phone: string };
  yourTechnician: string;
  at(instant: string | null | undefined, style: DateStyle): string;
}

/** Every placeholder and how it is computed for one recipient. */
const VALUES: Record<Placeholder, (c: ValueContext) => string> = {
  'company.name': (c) => c.company.name,
  'company.email': (c) => c.company.email,
  'company.phone': (c) => c.company.phone,
  'recipient.name': (c) => c.data.recipient.name,
  'booking.number': (c) => c.data.booking.number,
  'booking.date': (c) => c.at(c.data.booking.start, 'date'),
  'booking.shortDate': (c) => c.at(c.data.booking.start, 'shortDate'),
  'booking.startTime': (c) => c.at(c.data.booking.start, 'time'),
  'booking.endTime': (c) => c.at(c.data.booking.end, 'time'),
  'booking.previousDate': (c) => c.at(c.data.booking.previousStart, 'date'),
  'booking.previousTime': (c) => c.at(c.data.booking.previousStart, 'time'),
  'booking.completedDate': (c) => c.at(c.data.booking.completedAt, 'date'),
  'booking.completedTime': (c) => c.at(c.data.booking.completedAt, 'time'),
  'booking.confirmedDate': (c) => c.at(c.data.booking.confirmedAt, 'date'),
  'account.name': (c) => c.data.account.name,
  'account.address': (c) => c.data.account.address,
  'technician.name': (c) => c.data.technician?.name ?? c.yourTechnician,
  // Before the first position there is no estimate yet: the booked start is what is known.
  'eta.time': (c) => c.at(c.data.booking.etaAt ?? c.data.booking.start, 'time'),
  link: (c) => c.data.link,
  'map.url': (c) => c.data.map?.url ?? '',
};

export interface Values {
  /** One placeholder's value, computed on first use. */
  get(path: string): string;
  /** Every placeholder as nested objects, for templates that need the full Liquid engine. */
  all(): Record<string, unknown>;
}

export function createValues(
  locale: Locale,
  data: Data,
  company: ValueContext['company'],
  yourTechnician: string,
): Values {
  const context: ValueContext = {
    data,
    company,
    yourTechnician,
    at: (instant, style) =>
      instant ? formatInstant(instant, locale, data.booking.timeZone, style) : '',
  };
  const memo = new Map<string, string>();
  const get = (path: string): string => {
    let value = memo.get(path);
    if (value === undefined) {
      const compute = VALUES[path as Placeholder];
      value = compute ? compute(context) : '';
      memo.set(path, value);
    }
    return value;
  };
  return {
    get,
    all() {
      const root: Record<string, Record<string, string> | string> = {};
      for (const path of Object.keys(VALUES)) {
        const [head, tail] = path.split('.') as [string, string | undefined];
        if (tail === undefined) root[head] = get(path);
        else ((root[head] ??= {}) as Record<string, string>)[tail] = get(path);
      }
      return root;
    },
  };
}
