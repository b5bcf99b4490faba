import type { Core } from '@strapi/strapi';
import { batchBody } from '../../../shared/contracts/booking-event.ts';
import { SIGNATURE_HEADER, signPayload } from '../../../shared/contracts/signature.ts';
import { retryDelay, type BackoffOptions } from './backoff.ts';
import type { EndpointQueue, PendingEvent } from './outbox.ts';

export type RelayOptions = BackoffOptions & {
  /** How often the outbox is read when nothing announces new events. */
  pollIntervalMs: number;
  timeoutMs: number;
  batchSize: number;
  /** How many bookings' events are delivered at once (each booking's strictly in order). */
  concurrency: number;
};

export type WebhookTarget = {
  url: string;
  secret: string;
  /** Events per request: 1 posts each event alone; more posts different bookings' together. */
  maxEvents: number;
};

/**
 * Runs `work` over `items` with at most `limit` at once, each lane taking the next item. After a
 * failure no lane takes another item; the first error is thrown once every lane has stopped, so
 * nothing of this call is still running when the caller goes on.
 */
async function inLanes<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  let failure: { error: unknown } | null = null;
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let next = queue.shift(); next !== undefined && !failure; next = queue.shift()) {
        try {
          await work(next);
        } catch (error) {
          failure ??= { error };
        }
      }
    }),
  );
  if (failure) throw (failure as { error: unknown }).error;
}

/**
 * Delivers the outbox to one webhook endpoint: oldest first, one booking's events strictly in order
 * (a failing event holds back the later events of its booking, not of other bookings), retried
 * with backoff until the receiver answers 2xx. Each endpoint has its own relay, so one that
 * fails or answers slowly holds back no other. Several bookings are delivered at once, so a
 * crowd of changes does not wait on one round trip after another; an endpoint that takes
 * several events per request gets the waiting bookings' next events together, spread over the
 * same number of requests at once. State lives in the outbox table, so a restart picks up where
 * the last run stopped.
 */
export function createRelay(
  strapi: Core.Strapi,
  outbox: EndpointQueue,
  target: () => Promise<WebhookTarget | null>,
  options: RelayOptions,
) {
  let running = false;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;
  let pendingKick = false;
  /** Wakes the lanes of a pass in progress that delivers several events per request. */
  let announce: (() => void) | null = null;

  async function post(body: string, to: WebhookTarget): Promise<string | null> {
    const headers = {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signPayload(to.secret, body, Math.floor(Date.now() / 1000)),
    };
    try {
      const response = await fetch(to.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await response.body?.cancel();
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** One pass over the whole outbox; answers how long until the next pass is worth making. */
  async function pass(): Promise<number> {
    const to = await target();
    if (!to) return options.pollIntervalMs;
    const held = new Set<string>();
    let nextDue = Date.now() + options.pollIntervalMs;

    /** An event waiting for its retry time holds back its booking until then. */
    function due(event: PendingEvent): boolean {
      if (event.nextAttemptAt <= Date.now()) return true;
      held.add(event.bookingDocumentId);
      nextDue = Math.min(nextDue, event.nextAttemptAt);
      return false;
    }
    /** Records how one request went for the events it carried. */
    async function settle(events: PendingEvent[], error: string | null): Promise<void> {
      for (const event of events) {
        if (error === null) {
          await outbox.delivered(event.id, new Date());
          continue;
        }
        const attempts = event.attempts + 1;
        const retryAt = Date.now() + retryDelay(attempts, options);
        await outbox.failed(event.id, attempts, new Date(retryAt), error);
        held.add(event.bookingDocumentId);
        nextDue = Math.min(nextDue, retryAt);
      }
    }
    /** One booking's events of this batch, one per request, in order; stops at the first it cannot deliver. */
    async function deliverInOrder(events: PendingEvent[]): Promise<void> {
      for (const event of events) {
        if (!running || !due(event)) return;
        const error = await post(event.body, to!);
        await settle([event], error);
        if (error !== null) return;
      }
    }
    /**
     * Several events per request, as a pipeline: a free lane takes the next due event of every
     * booking not already in flight, oldest first, up to the endpoint's maximum; a lane that finds
     * none reads the outbox again, or waits until a request ends or new events are announced. A
     * receiver that answers when it has handled a request (n8n's Enroute Trigger answers when its
     * run is over) thus gets what arrived while it was busy together in the next request.
     */
    async function deliverTogether(): Promise<void> {
      const queues = new Map<string, PendingEvent[]>();
      const known = new Set<number>();
      const busy = new Set<string>();
      let inFlight = 0;
      let version = 0;
      let waiters: (() => void)[] = [];
      const changed = () => new Promise<void>((resolve) => waiters.push(resolve));
      const notify = () => {
        version += 1;
        const woken = waiters;
        waiters = [];
        for (const resolve of woken) resolve();
      };
      let reading: Promise<boolean> | null = null;
      /** Reads what waits (one read at a time for all lanes); answers whether anything was new. */
      const refill = () =>
        (reading ??= (async () => {
          const events = await outbox.pending(options.batchSize, [...held]);
          let added = false;
          for (const event of events) {
            if (known.has(event.id) || held.has(event.bookingDocumentId)) continue;
            known.add(event.id);
            const queue = queues.get(event.bookingDocumentId);
            if (queue) queue.push(event);
            else queues.set(event.bookingDocumentId, [event]);
            added = true;
          }
          return added;
        })().finally(() => {
          reading = null;
        }));
      const take = (): PendingEvent[] => {
        const batch: PendingEvent[] = [];
        for (const [booking, queue] of queues) {
          if (batch.length >= to!.maxEvents) break;
          if (busy.has(booking) || held.has(booking)) continue;
          if (queue[0] && due(queue[0])) batch.push(queue[0]);
        }
        return batch;
      };
      /** The first error of a lane (the outbox could not be read or written): all lanes stop. */
      let failure: { error: unknown } | null = null;
      async function lane(): Promise<void> {
        try {
          await work();
        } catch (error) {
          failure ??= { error };
          notify();
        }
      }
      async function work(): Promise<void> {
        while (running && !failure) {
          const batch = take();
          if (batch.length === 0) {
            const seen = version;
            if (await refill()) continue;
            if (version !== seen) continue;
            if (inFlight === 0) return;
            await changed();
            continue;
          }
          inFlight += 1;
          for (const event of batch) busy.add(event.bookingDocumentId);
          const error = await post(batchBody(batch.map((event) => event.body)), to!);
          await settle(batch, error);
          for (const event of batch) {
            busy.delete(event.bookingDocumentId);
            const queue = queues.get(event.bookingDocumentId);
            if (error !== null || !queue) continue;
            queue.shift();
            if (queue.length === 0) queues.delete(event.bookingDocumentId);
          }
          inFlight -= 1;
          notify();
        }
      }
      announce = notify;
      try {
        // Every lane has stopped before the pass ends, so no two passes ever deliver at once.
        await Promise.all(Array.from({ length: options.concurrency }, lane));
      } finally {
        announce = null;
      }
      if (failure) throw (failure as { error: unknown }).error;
    }

    if (to.maxEvents > 1) {
      await deliverTogether();
      return Math.max(0, nextDue - Date.now());
    }
    for (;;) {
      const events = await outbox.pending(options.batchSize, [...held]);
      if (events.length === 0 || !running) break;
      const byBooking = new Map<string, PendingEvent[]>();
      for (const event of events) {
        if (held.has(event.bookingDocumentId)) continue;
        const queued = byBooking.get(event.bookingDocumentId);
        if (queued) queued.push(event);
        else byBooking.set(event.bookingDocumentId, [event]);
      }
      // Bookings oldest first, each taken by the next free lane.
      await inLanes([...byBooking.values()], options.concurrency, async (queue) => {
        if (running) await deliverInOrder(queue);
      });
    }
    return Math.max(0, nextDue - Date.now());
  }

  async function run(): Promise<void> {
    while (running) {
      let delay: number;
      try {
        pendingKick = false;
        delay = await pass();
      } catch (error) {
        if (running) strapi.log.error(`[enroute] booking event relay: ${String(error)}`);
        delay = options.pollIntervalMs;
      }
      if (!running) break;
      if (pendingKick) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  return {
    start(): void {
      if (running) return;
      running = true;
      loop = run();
    },
    /** New events were committed: look now rather than at the next poll. */
    kick(): void {
      announce?.();
      pendingKick = true;
      wake?.();
    },
    async stop(): Promise<void> {
      running = false;
      announce?.();
      wake?.();
      await loop;
    },
  };
}

export type Relay = ReturnType<typeof createRelay>;
