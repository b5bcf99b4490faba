import type { LiveUpdate } from '@enroute/contracts';

/**
 * One upstream subscription per booking, shared by every viewer of that booking on this portal
 * instance. The upstream is opened by the first viewer, closed with the last one, reopened with
 * backoff after it drops, and ended for everyone once the booking leaves traveling.
 */
export interface UpstreamHandlers {
  update(update: LiveUpdate): void;
  /** The upstream dropped; the hub reopens it. */
  error(reason: string): void;
  /** Nothing more will come (code no longer available). */
  end(): void;
}

export interface LiveUpstream {
  open(code: string, handlers: UpstreamHandlers): { close(): void };
}

export type LiveEvent = { type: 'update'; update: LiveUpdate } | { type: 'end' };
export type LiveListener = (event: LiveEvent) => void;

export interface LiveHubOptions {
  upstream: LiveUpstream;
  /** Wait before reopening a dropped upstream, by attempt (1, 2, …). */
  reconnectDelayMs?: (attempt: number) => number;
  onUpstreamError?: (code: string, reason: string) => void;
  /** Every update from upstream, before the viewers get it. */
  onUpdate?: (code: string, update: LiveUpdate) => void;
}

interface Channel {
  listeners: Set<LiveListener>;
  last: LiveUpdate | null;
  connection: { close(): void } | null;
  retry: ReturnType<typeof setTimeout> | null;
  attempts: number;
}

const defaultDelay = (attempt: number) => Math.min(500 * 2 ** (attempt - 1), 10_000);

export function createLiveHub(options: LiveHubOptions) {
  const channels = new Map<string, Channel>();
  const delay = options.reconnectDelayMs ?? defaultDelay;

  function broadcast(channel: Channel, event: LiveEvent) {
    for (const listener of [...channel.listeners]) listener(event);
  }

  function teardown(code: string, channel: Channel) {
    if (channels.get(code) === channel) channels.delete(code);
    if (channel.retry) clearTimeout(channel.retry);
    channel.retry = null;
    channel.connection?.close();
    channel.connection = null;
  }

  function finish(code: string, channel: Channel) {
    teardown(code, channel);
    broadcast(channel, { type: 'end' });
    channel.listeners.clear();
  }

  function connect(code: string, channel: Channel) {
    let live = true;
    const connection = options.upstream.open(code, {
      update(update) {
        if (!live) return;
        channel.attempts = 0;
        channel.last = update;
        options.onUpdate?.(code, update);
        broadcast(channel, { type: 'update', update });
        if (update.state !== 'traveling') finish(code, channel);
      },
      error(reason) {
        if (!live) return;
        live = false;
        options.onUpstreamError?.(code, reason);
        channel.connection?.close();
        channel.connection = null;
        channel.attempts += 1;
        channel.retry = setTimeout(() => {
          channel.retry = null;
          if (channels.get(code) === channel) connect(code, channel);
        }, delay(channel.attempts));
      },
      end() {
        if (!live) return;
        live = false;
        finish(code, channel);
      },
    });
    // The upstream may have ended synchronously while opening.
    if (live && channels.get(code) === channel) channel.connection = connection;
    else connection.close();
  }

  return {
    subscribe(code: string, listener: LiveListener): () => void {
      let channel = channels.get(code);
      if (!channel) {
        channel = { listeners: new Set(), last: null, connection: null, retry: null, attempts: 0 };
        channels.set(code, channel);
        channel.listeners.add(listener);
        connect(code, channel);
      } else {
        channel.listeners.add(listener);
        if (channel.last) listener({ type: 'update', update: channel.last });
      }
      const subscribed = channel;
      return () => {
        subscribed.listeners.delete(listener);
        if (subscribed.listeners.size === 0) teardown(code, subscribed);
      };
    },

    /** Bookings with an open (or reopening) upstream subscription. */
    get upstreamCount(): number {
      return channels.size;
    },

    close(): void {
      for (const [code, channel] of channels) finish(code, channel);
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
