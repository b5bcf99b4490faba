import type { Core } from '@strapi/strapi';
import { batchBody } from '../../../shared/contracts/booking-event.ts';
import { SIGNATURE_HEADER, signPayload } from '../../../shared/contracts/signature.ts';
import { isDead, retryDelay, type BackoffOptions, type DeadLetterLimits } from './backoff.ts';
import type { EndpointQueue, PendingEvent } from './outbox.ts';

/**
 * How many events one request may carry with this event in it: an event whose request failed is
 * sent next time in one half the size, and so on, so that one event the receiver always refuses
 * ends up alone instead of failing the same neighbours until they are dead too.
 */
function allowedTogether(event: PendingEvent, maxEvents: number): number {
  return Math.max(1, Math.floor(maxEvents / 2 ** event.attempts));
}

export type RelayOptions = BackoffOptions &
  DeadLetterLimits & {
    /** How often the outbox is read when nothing announces new events. */
    pollIntervalMs: number;
    timeoutMs: number;
    batchSize: number;
    /** How many bookings' events are delivered at once (each booking's strictly in order). */
    concurrency: number;
    /** How long an instance holds a delivery it makes; another takes it over after that. */
    leaseMs: number;
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
 * with backoff until the receiver answers 2xx, or until it is dead (`maxAttempts` failed attempts,
 * or failing for `maxAgeMs`): a dead event holds back nothing. Every instance may run a relay for
 * the same endpoint: an event is delivered only by the instance holding its lease, and only the
 * oldest waiting event of a booking is ever claimed, so each booking's events stay in order
 * whichever instance delivers them, and the events of an instance that died are taken over once
 * its leases run out. Each endpoint has its own relay, so one that
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

    /**
     * An event waiting for its retry time, or held by another instance, holds back its booking
     * until then.
     */
    function due(event: PendingEvent): boolean {
      const until = Math.max(event.nextAttemptAt, event.leasedElsewhereUntil);
      if (until <= Date.now()) return true;
      held.add(event.bookingDocumentId);
      nextDue = Math.min(nextDue, until);
      return false;
    }
    /**
     * Records how one request went for the events it carried; answers those settled for good
     * (delivered, or dead after their last attempt), after which their booking's next event may go.
     */
    async function settle(events: PendingEvent[], error: string | null): Promise<Set<number>> {
      const settled = new Set<number>();
      for (const event of events) {
        if (error === null) {
          await outbox.delivered(event.id, new Date());
          settled.add(event.id);
          continue;
        }
        const now = Date.now();
        const attempts = event.attempts + 1;
        const failingSince = event.failingSince ?? now;
        const dead = isDead(attempts, failingSince, now, options);
        const retryAt = now + retryDelay(attempts, options);
        await outbox.failed(event.id, {
          attempts,
          failingSince: new Date(failingSince),
          error,
          nextAttemptAt: dead ? null : new Date(retryAt),
        });
        if (dead) {
          strapi.log.warn(
            `[enroute] booking event delivery ${event.id} is dead after ${attempts} attempts: ${error}`,
          );
          settled.add(event.id);
          continue;
        }
        held.add(event.bookingDocumentId);
        nextDue = Math.min(nextDue, retryAt);
      }
      return settled;
    }
    /** Claims the events; a booking whose event another instance holds waits for this pass. */
    async function claim(events: PendingEvent[]): Promise<PendingEvent[]> {
      const claimed = await outbox.claim(events.map((event) => event.id));
      return events.filter((event) => {
        if (claimed.has(event.id)) return true;
        held.add(event.bookingDocumentId);
        return false;
      });
    }
    /** One booking's events of this batch, one per request, in order; stops at the first it cannot deliver. */
    async function deliverInOrder(events: PendingEvent[]): Promise<void> {
      for (const event of events) {
        if (!running || !due(event)) return;
        if ((await claim([event])).length === 0) return;
        const error = await post(event.body, to!);
        if (!(await settle([event], error)).has(event.id)) return;
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
        let room = to!.maxEvents;
        for (const [booking, queue] of queues) {
          if (batch.length >= room) break;
          if (busy.has(booking) || held.has(booking)) continue;
          const head = queue[0];
          if (!head || !due(head)) continue;
          const allowed = Math.min(room, allowedTogether(head, to!.maxEvents));
          if (batch.length + 1 > allowed) continue;
          room = allowed;
          batch.push(head);
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
          const taken = take();
          if (taken.length === 0) {
            const seen = version;
            if (await refill()) continue;
            if (version !== seen) continue;
            if (inFlight === 0) return;
            await changed();
            continue;
          }
          inFlight += 1;
          for (const event of taken) busy.add(event.bookingDocumentId);
          let batch: PendingEvent[] = [];
          let settled = new Set<number>();
          try {
            batch = await claim(taken);
            if (batch.length > 0) {
              const error = await post(batchBody(batch.map((event) => event.body)), to!);
              settled = await settle(batch, error);
            }
          } finally {
            for (const event of taken) busy.delete(event.bookingDocumentId);
            inFlight -= 1;
          }
          for (const event of batch) {
            const queue = queues.get(event.bookingDocumentId);
            if (!settled.has(event.id) || !queue) continue;
            queue.shift();
            if (queue.length === 0) queues.delete(event.bookingDocumentId);
          }
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
