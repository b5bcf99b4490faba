import type { Core } from '@strapi/strapi';
import type { LiveUpdate } from '../../../shared/contracts/portal-view.ts';
import { hashToken } from '../services/access-codes.ts';
import { instant, query } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import type { TrackingReads } from './bookings.ts';
import { visibleEta, visiblePosition } from './privacy.ts';
import { SSE_KEEP_ALIVE, sseMessage } from './sse.ts';

/** One open stream: a portal instance watching one booking through one access code. */
export type Viewer = {
  codeHash: string;
  write(chunk: string): void;
  end(): void;
};

type Watch = { viewers: Map<Viewer, { primed: boolean }>; fingerprint: string | null };

export type LiveFeedOptions = {
  reads: TrackingReads;
  staleSeconds: () => Promise<number>;
  /** How often every watched booking is read again (changes made by other instances). */
  pollMs?: number;
  /** How often the access codes of open streams are checked again. */
  codeCheckMs?: number;
  keepAliveMs?: number;
};

/**
 * Live updates of traveling bookings, as Server-Sent Events. A portal instance opens one stream
 * per booking, whatever the number of its viewers, and fans it out itself.
 *
 * Every change this instance makes (a position, an ETA, a status) is pushed at once; once a
 * second, every watched booking is read again in one query, so that changes made through other
 * Strapi instances on the same database arrive too, and a position turns stale when it ages.
 * A stream ends after the update that shows the booking no longer traveling, or when its access
 * code stops being available.
 */
export function createLiveFeed(strapi: Core.Strapi, options: LiveFeedOptions) {
  const { reads, pollMs = 1_000, codeCheckMs = 2_000, keepAliveMs = 15_000 } = options;
  const watches = new Map<string, Watch>();
  let pending = new Set<string>();
  let flushing: Promise<void> | null = null;
  const timers: ReturnType<typeof setInterval>[] = [];

  /** Ends one stream; `final` tells the portal that nothing more will come. */
  function close(documentId: string, watch: Watch, viewer: Viewer, final = true): void {
    watch.viewers.delete(viewer);
    if (final) viewer.write(sseMessage('end', {}));
    viewer.end();
    if (watch.viewers.size === 0 && watches.get(documentId) === watch) watches.delete(documentId);
  }

  async function refresh(documentIds: string[]): Promise<void> {
    const ids = documentIds.filter((id) => watches.has(id));
    if (ids.length === 0) return;
    const now = new Date();
    const bookings = await reads.tracked(ids);
    const positions = await reads.latestPositions(
      bookings.flatMap((booking) =>
        booking.state === 'traveling' && booking.resourceId !== null ? [booking.resourceId] : [],
      ),
    );
    const staleSeconds = await options.staleSeconds();
    const found = new Set(bookings.map((booking) => booking.documentId));
    for (const id of ids) {
      const watch = watches.get(id);
      if (watch && !found.has(id))
        for (const viewer of [...watch.viewers.keys()]) close(id, watch, viewer);
    }
    for (const booking of bookings) {
      const watch = watches.get(booking.documentId);
      if (!watch) continue;
      const position =
        booking.resourceId === null ? null : (positions.get(booking.resourceId) ?? null);
      const update: LiveUpdate = {
        state: booking.state,
        position: visiblePosition(booking.state, position, { now, staleSeconds }),
        eta: visibleEta(booking.state, booking.eta, now),
        at: now.toISOString(),
      };
      const fingerprint = JSON.stringify([update.state, update.position, update.eta]);
      const changed = fingerprint !== watch.fingerprint;
      watch.fingerprint = fingerprint;
      for (const [viewer, status] of [...watch.viewers]) {
        if (changed || !status.primed) viewer.write(sseMessage('update', update));
        status.primed = true;
        if (update.state !== 'traveling') close(booking.documentId, watch, viewer);
      }
    }
  }

  /** Refreshes what was asked for since the last flush, one flush at a time. */
  function schedule(documentIds: Iterable<string>): void {
    for (const id of documentIds) if (watches.has(id)) pending.add(id);
    if (pending.size === 0 || flushing) return;
    flushing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        while (pending.size > 0) {
          const batch = [...pending];
          pending = new Set();
          await refresh(batch);
        }
      })
      .catch((error: unknown) => {
        strapi.log.error(`live updates: ${String(error)}`);
      })
      .finally(() => {
        flushing = null;
        if (pending.size > 0) schedule([]);
      });
  }

  async function checkCodes(): Promise<void> {
    const hashes = new Set<string>();
    for (const watch of watches.values())
      for (const viewer of watch.viewers.keys()) hashes.add(viewer.codeHash);
    if (hashes.size === 0) return;
    const rows = await query(strapi, UID.accessCode).findMany({
      where: { tokenHash: { $in: [...hashes] } },
      select: ['tokenHash', 'expiresAt', 'blockedAt'],
    });
    const now = Date.now();
    const active = new Set(
      rows
        .filter((row) => !row.blockedAt && Date.parse(instant(row.expiresAt)) > now)
        .map((row) => String(row.tokenHash)),
    );
    for (const [id, watch] of [...watches]) {
      for (const viewer of [...watch.viewers.keys()]) {
        if (!active.has(viewer.codeHash)) close(id, watch, viewer);
      }
    }
  }

  const guarded = (work: () => Promise<void>) => () =>
    void work().catch((error: unknown) => strapi.log.error(`live updates: ${String(error)}`));

  return {
    /** Opens a stream: the current update first, then one per change. */
    watch(
      bookingDocumentId: string,
      code: string,
      write: (chunk: string) => void,
      end: () => void,
    ): () => void {
      const viewer: Viewer = { codeHash: hashToken(code), write, end };
      let watch = watches.get(bookingDocumentId);
      if (!watch) {
        watch = { viewers: new Map(), fingerprint: null };
        watches.set(bookingDocumentId, watch);
      }
      watch.viewers.set(viewer, { primed: false });
      schedule([bookingDocumentId]);
      const watched = watch;
      return () => {
        watched.viewers.delete(viewer);
        if (watched.viewers.size === 0 && watches.get(bookingDocumentId) === watched) {
          watches.delete(bookingDocumentId);
        }
      };
    },

    /** Something about these bookings changed here: push it now. */
    changed(bookingDocumentIds: Iterable<string>): void {
      schedule(bookingDocumentIds);
    },

    /** Bookings with at least one open stream on this instance. */
    get watched(): number {
      return watches.size;
    },

    start(): void {
      timers.push(
        setInterval(() => schedule(watches.keys()), pollMs),
        setInterval(guarded(checkCodes), codeCheckMs),
        setInterval(() => {
          for (const watch of watches.values())
            for (const viewer of watch.viewers.keys()) viewer.write(SSE_KEEP_ALIVE);
        }, keepAliveMs),
      );
      for (const timer of timers) timer.unref();
    },

    stop(): void {
      for (const timer of timers.splice(0)) clearInterval(timer);
      // Shutting down is not the end of the booking: portals reconnect to another instance.
      for (const [id, watch] of [...watches]) {
        for (const viewer of [...watch.viewers.keys()]) close(id, watch, viewer, false);
      }
    },
  };
}

export type LiveFeed = ReturnType<typeof createLiveFeed>;
