import type { LiveUpdate } from '@enroute/contracts';
import { describe, expect, it } from 'vitest';
import { pageUpdate } from './page-update.ts';

const traveling = (stale: boolean): LiveUpdate => ({
  state: 'traveling',
  position: {
    lat: 48.86,
    lng: 2.34,
    accuracy: 10,
    recordedAt: '2026-11-25T12:55:00.000Z',
    stale,
  },
  eta: {
    arrivesAt: '2026-11-25T13:20:00.000Z',
    computedAt: '2026-11-25T12:55:01.000Z',
    source: 'builtin',
    fallback: false,
  },
  at: '2026-11-25T12:55:02.000Z',
});

describe('what the live channel tells the page', () => {
  it('passes a current position and the arrival time', () => {
    expect(pageUpdate(traveling(false))).toEqual({
      state: 'traveling',
      arrivesAt: '2026-11-25T13:20:00.000Z',
      expected: { from: '2026-11-25T13:15:00.000Z', to: '2026-11-25T13:45:00.000Z' },
      technician: { lat: 48.86, lng: 2.34 },
      positionStale: false,
    });
  });

  it('narrows the arrival window to half an hour from five minutes before the estimate', () => {
    const update = traveling(false);
    const at = (arrivesAt: string) =>
      pageUpdate({ ...update, eta: { ...update.eta!, arrivesAt } }).expected;
    expect(at('2026-11-25T13:22:10.000Z')).toEqual({
      from: '2026-11-25T13:20:00.000Z',
      to: '2026-11-25T13:50:00.000Z',
    });
    expect(at('2026-11-25T13:26:00.000Z')).toEqual({
      from: '2026-11-25T13:25:00.000Z',
      to: '2026-11-25T13:55:00.000Z',
    });
  });

  it('never sends a stale position, only that it is stale', () => {
    const update = pageUpdate(traveling(true));
    expect(update.technician).toBeNull();
    expect(update.positionStale).toBe(true);
    expect(JSON.stringify(update)).not.toContain('48.86');
  });

  it('sends neither position nor arrival once the booking left traveling', () => {
    expect(pageUpdate({ ...traveling(false), state: 'in-progress' })).toEqual({
      state: 'in-progress',
      arrivesAt: null,
      expected: null,
      technician: null,
      positionStale: false,
    });
  });
});
