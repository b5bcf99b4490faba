/** Server-Sent Events framing (WHATWG HTML, "event stream"). */
export function sseEvent(event: string, data: unknown): string {
  const lines = JSON.stringify(data)
    .split('\n')
    .map((line) => `data: ${line}`);
  return `event: ${event}\n${lines.join('\n')}\n\n`;
}

/** Tells EventSource how long to wait before reconnecting after a drop. */
export function sseRetry(milliseconds: number): string {
  return `retry: ${milliseconds}\n\n`;
}

/** A comment line keeps proxies from closing an idle stream. */
export const SSE_HEARTBEAT = ': keep-alive\n\n';
