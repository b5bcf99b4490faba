import { describe, expect, it } from 'vitest';
import { dayOrder, type DayVisit } from './day-order.ts';

const at = (time: string) => `2026-12-07T${time}:00.000Z`;
const visit = { id: 3, start: at('10:00'), end: at('12:00'), status: 'scheduled' as const };

describe('where a visit stands in its technician’s day', () => {
  const day: DayVisit[] = [
    { id: 1, start: at('08:00'), status: 'completed' },
    { id: 2, start: at('09:00'), status: 'in-progress' },
    { id: 4, start: at('10:00'), status: 'scheduled' },
    { id: 5, start: at('09:30'), status: 'canceled' },
    { id: 6, start: at('10:00'), status: 'scheduled' },
    { id: 7, start: at('14:00'), status: 'scheduled' },
  ];

  it('counts the visits still to come before it: earlier starts, then lower ids at the same start', () => {
    const order = dayOrder({ ...visit, id: 5 }, day, null, new Date(at('07:00')));
    expect(order.visitsBefore).toBe(2);
    expect(dayOrder(visit, day, null, new Date(at('07:00'))).visitsBefore).toBe(1);
    expect(dayOrder({ ...visit, start: at('08:30') }, day, null, new Date(at('07:00')))).toEqual({
      visitsBefore: 0,
      expected: null,
    });
  });

  it('narrows the window by the clock once it has begun', () => {
    expect(dayOrder(visit, [], null, new Date(at('10:12'))).expected).toEqual({
      from: at('10:15'),
      to: at('12:00'),
    });
  });

  it('while on the way, gives half an hour around the arrival time', () => {
    const traveling = { ...visit, status: 'traveling' as const };
    expect(dayOrder(traveling, day, at('10:42'), new Date(at('10:20')))).toEqual({
      visitsBefore: 0,
      expected: { from: at('10:40'), to: at('11:10') },
    });
  });
});
