import type { LiveUpdate } from '@enroute/contracts';
import type { PortalLookup } from '../portal-view/portal-view.ts';
import type { LiveUpstream } from './live-hub.ts';

/**
 * Upstream that reads the portal view every `intervalMs` (one loop per booking, started by the
 * hub) and reports a change of state, position or ETA. It stands in until Strapi pushes live
 * updates itself; the hub does not know the difference.
 */
export interface PollingUpstreamOptions {
  fetchView(code: string): Promise<PortalLookup>;
  intervalMs: number;
  now?: () => Date;
}

export function createPollingUpstream(options: PollingUpstreamOptions): LiveUpstream {
  const now = options.now ?? (() => new Date());
  return {
    open(code, handlers) {
      let open = true;
      let timer: ReturnType<typeof setTimeout> | null = null;
      let previous: string | null = null;

      async function poll() {
        timer = null;
        const lookup = await options.fetchView(code);
        if (!open) return;
        if (lookup.kind === 'error') return handlers.error(lookup.detail);
        if (!lookup.view.available) return handlers.end();
        const { state, position, eta } = lookup.view;
        const fingerprint = JSON.stringify([state, position, eta]);
        if (fingerprint !== previous) {
          previous = fingerprint;
          const update: LiveUpdate = { state, position, eta, at: now().toISOString() };
          handlers.update(update);
        }
        if (open) timer = setTimeout(() => void poll(), options.intervalMs);
      }

      void poll();
      return {
        close() {
          open = false;
          if (timer) clearTimeout(timer);
        },
      };
    },
  };
}
