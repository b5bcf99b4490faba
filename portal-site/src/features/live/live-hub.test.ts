import type { LiveUpdate } from '@enroute/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLiveHub, type LiveEvent, type UpstreamHandlers } from './live-hub.ts';

/** An upstream whose every opening the test can see and drive. */
function scriptedUpstream() {
  const openings: { code: string; handlers: UpstreamHandlers; closed: boolean }[] = [];
  return {
    openings,
    open(code: string, handlers: UpstreamHandlers) {
      const opening = { code, handlers, closed: false };
      openings.push(opening);
      return { close: () => void (opening.closed = true) };
    },
    openFor(code: string) {
      return openings.filter((opening) => opening.code === code && !opening.closed);
    },
  };
}

const traveling = (minute: number): LiveUpdate => ({
  state: 'traveling',
  position: {
    lat: 48.86,
    lng: 2.34 + minute / 1000,
    accuracy: 10,
    recordedAt: `2026-11-25T12:${String(minute).padStart(2, '0')}:00.000Z`,
    stale: false,
  },
  eta: null,
  at: `2026-11-25T12:${String(minute).padStart(2, '0')}:01.000Z`,
});

afterEach(() => vi.useRealTimers());

describe('live hub', () => {
  it('shares one upstream between every viewer of a booking', () => {
    const upstream = scriptedUpstream();
    const hub = createLiveHub({ upstream });
    const seen: LiveEvent[][] = [[], [], []];
    const stops = seen.map((events) => hub.subscribe('code-a', (e) => events.push(e)));
    hub.subscribe('code-b', () => {});

    expect(upstream.openFor('code-a')).toHaveLength(1);
    expect(hub.upstreamCount).toBe(2);
    upstream.openFor('code-a')[0]!.handlers.update(traveling(1));
    expect(seen.map((events) => events.length)).toEqual([1, 1, 1]);

    stops[0]!();
    stops[1]!();
    expect(upstream.openFor('code-a')).toHaveLength(1);
    stops[2]!();
    expect(upstream.openFor('code-a')).toHaveLength(0);
    expect(hub.upstreamCount).toBe(1);
  });

  it('gives a late viewer the latest update at once', () => {
    const upstream = scriptedUpstream();
    const hub = createLiveHub({ upstream });
    hub.subscribe('code-a', () => {});
    upstream.openings[0]!.handlers.update(traveling(2));
    const late: LiveEvent[] = [];
    hub.subscribe('code-a', (e) => late.push(e));
    expect(late).toEqual([{ type: 'update', update: traveling(2) }]);
  });

  it('reopens a dropped upstream with backoff, while viewers stay', () => {
    vi.useFakeTimers();
    const upstream = scriptedUpstream();
    const hub = createLiveHub({ upstream, reconnectDelayMs: (attempt) => attempt * 1000 });
    const events: LiveEvent[] = [];
    hub.subscribe('code-a', (e) => events.push(e));

    upstream.openings[0]!.handlers.error('connection reset');
    expect(upstream.openFor('code-a')).toHaveLength(0);
    vi.advanceTimersByTime(999);
    expect(upstream.openings).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(upstream.openings).toHaveLength(2);

    upstream.openings[1]!.handlers.error('again');
    vi.advanceTimersByTime(1999);
    expect(upstream.openings).toHaveLength(2);
    vi.advanceTimersByTime(1);
    upstream.openings[2]!.handlers.update(traveling(3));
    expect(events).toEqual([{ type: 'update', update: traveling(3) }]);
  });

  it('does not reopen for a booking nobody watches any more', () => {
    vi.useFakeTimers();
    const upstream = scriptedUpstream();
    const hub = createLiveHub({ upstream, reconnectDelayMs: () => 100 });
    const stop = hub.subscribe('code-a', () => {});
    upstream.openings[0]!.handlers.error('drop');
    stop();
    vi.advanceTimersByTime(1000);
    expect(upstream.openings).toHaveLength(1);
    expect(hub.upstreamCount).toBe(0);
  });

  it('stops when the booking leaves traveling, after telling every viewer', () => {
    const upstream = scriptedUpstream();
    const hub = createLiveHub({ upstream });
    const events: LiveEvent[] = [];
    hub.subscribe('code-a', (e) => events.push(e));
    hub.subscribe('code-a', () => {});
    const arrived: LiveUpdate = {
      state: 'in-progress',
      position: null,
      eta: null,
      at: traveling(4).at,
    };
    upstream.openings[0]!.handlers.update(arrived);

    expect(events).toEqual([{ type: 'update', update: arrived }, { type: 'end' }]);
    expect(upstream.openFor('code-a')).toHaveLength(0);
    expect(hub.upstreamCount).toBe(0);
    upstream.openings[0]!.handlers.update(traveling(5));
    expect(events).toHaveLength(2);
  });
});
