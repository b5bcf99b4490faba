import { describe, expect, it } from 'vitest';
import {
  cancelDeadline,
  customerRevision,
  isOffered,
  offeredWindows,
  storedRequest,
} from './customer-request.ts';

const settings = {
  windows: [
    { start: '08:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
  daysAhead: 2,
  cancelCutoffHours: 24,
};

describe('the windows a customer may ask for', () => {
  it('offers each window from tomorrow on, in the account’s zone', () => {
    const windows = offeredWindows(settings, 'Europe/Paris', new Date('2026-12-06T20:00:00Z'));
    expect(windows).toEqual([
      { start: '2026-12-07T07:00:00.000Z', end: '2026-12-07T11:00:00.000Z' },
      { start: '2026-12-07T12:00:00.000Z', end: '2026-12-07T16:00:00.000Z' },
      { start: '2026-12-08T07:00:00.000Z', end: '2026-12-08T11:00:00.000Z' },
      { start: '2026-12-08T12:00:00.000Z', end: '2026-12-08T16:00:00.000Z' },
    ]);
    expect(isOffered(windows[1]!, windows)).toBe(true);
    expect(isOffered({ start: windows[1]!.start, end: windows[2]!.end }, windows)).toBe(false);
  });

  it('keeps the local time across a change of daylight saving time', () => {
    const windows = offeredWindows(
      { ...settings, windows: [{ start: '09:00', end: '10:00' }] },
      'America/New_York',
      new Date('2026-11-01T03:00:00Z'),
    );
    // 1 November is still EDT at 03:00 UTC (31 October, 23:00 local); 2 November is EST.
    expect(windows.map((window) => window.start)).toEqual([
      '2026-11-01T14:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('leaves out the booking’s own window', () => {
    const now = new Date('2026-12-06T20:00:00Z');
    const own = { start: '2026-12-07T07:00:00.000Z', end: '2026-12-07T11:00:00.000Z' };
    expect(offeredWindows(settings, 'Europe/Paris', now, own)).not.toContainEqual(own);
  });
});

describe('the customer side of a booking', () => {
  const row = {
    id: 1,
    documentId: 'b1',
    bookingStatus: 'scheduled',
    start: '2026-12-09T09:00:00.000Z',
  };

  it('changes its revision with every answer', () => {
    const first = customerRevision(row);
    expect(customerRevision({ ...row })).toBe(first);
    expect(customerRevision({ ...row, customerConfirmedAt: '2026-12-06T10:00:00.000Z' })).not.toBe(
      first,
    );
    expect(customerRevision({ ...row, customerNoteAt: '2026-12-06T10:00:00.000Z' })).not.toBe(
      first,
    );
    expect(customerRevision({ ...row, bookingStatus: 'canceled' })).not.toBe(first);
  });

  it('allows a cancel until the cut-off', () => {
    expect(cancelDeadline(new Date(row.start), settings).toISOString()).toBe(
      '2026-12-08T09:00:00.000Z',
    );
  });

  it('reads a stored request, or none when it is not one', () => {
    expect(storedRequest({ state: 'pending' })).toBeNull();
    expect(storedRequest(null)).toBeNull();
    const request = {
      window: null,
      preference: 'mornings',
      requestedAt: '2026-12-06T10:00:00.000Z',
      state: 'pending',
      decidedBy: null,
      decidedAt: null,
    };
    expect(storedRequest(request)).toEqual(request);
  });
});
