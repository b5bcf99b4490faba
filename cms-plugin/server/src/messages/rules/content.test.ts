import type { MessageData } from '@enroute/content';
import { describe, expect, it } from 'vitest';
import { missingContent } from './content.ts';

const whole: MessageData = {
  recipient: { name: 'Camille Martin', email: 'camille@example.com' },
  booking: {
    id: 'booking-1',
    number: 'WO-1',
    start: '2027-03-26T09:00:00.000Z',
    end: '2027-03-26T11:00:00.000Z',
    timeZone: 'Europe/Paris',
    previousStart: '2027-03-25T09:00:00.000Z',
    completedAt: '2027-03-26T10:45:00.000Z',
    etaAt: null,
  },
  account: { name: 'Boulangerie Martin', address: '12 rue de la Paix, Paris' },
  technician: null,
  link: 'https://track.example.com/t/abcdefghijklmnopqrstuv',
};
const lacking = (patch: Partial<MessageData['booking']>, link = whole.link): MessageData => ({
  ...whole,
  booking: { ...whole.booking, ...patch },
  link,
});

describe('what a message cannot go without', () => {
  it('lets a message with all it says go', () => {
    for (const type of ['reminder', 'traveling', 'completed', 'rescheduled', 'canceled'] as const) {
      expect([type, missingContent(type, whole)]).toEqual([type, null]);
    }
  });

  it('names what is missing: the start, the portal link, the completion time, the start it moved from', () => {
    expect(missingContent('reminder', lacking({ start: '' }))).toBe('the booking has no start');
    expect(missingContent('traveling', lacking({}, ''))).toBe('the booking has no portal link');
    expect(missingContent('reminder', lacking({}, '/t/abc'))).toBe(
      'the booking has no portal link',
    );
    expect(missingContent('completed', lacking({ completedAt: null }))).toBe(
      'the booking has no completion time',
    );
    expect(missingContent('rescheduled', lacking({ previousStart: null }))).toBe(
      'the booking has no start it was moved from',
    );
  });

  it('asks of each message only what it says: a canceled visit carries no link, a reminder no completion time', () => {
    expect(missingContent('canceled', lacking({ completedAt: null }, ''))).toBeNull();
    expect(
      missingContent('reminder', lacking({ completedAt: null, previousStart: null })),
    ).toBeNull();
  });
});
