import type { LiveEventName } from '../../../shared/contracts/portal-view.ts';

/** One Server-Sent Events message (WHATWG HTML, "event stream"): a named event, JSON data. */
export function sseMessage(event: LiveEventName, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: keeps proxies from closing a quiet stream. */
export const SSE_KEEP_ALIVE = ': keep-alive\n\n';

/** How long an EventSource waits before reconnecting after a drop. */
export const sseRetry = (milliseconds: number) => `retry: ${milliseconds}\n\n`;
