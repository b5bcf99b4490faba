import { LiveUpdate } from '../../shared/contracts/portal-view.ts';

export type StreamEvent = { event: 'update'; update: LiveUpdate } | { event: 'end' };

/**
 * Reads a Server-Sent Events stream as the portal does: each `update` checked against the
 * contract. `next()` waits for the next event (or fails after `timeoutMs`), `closed` settles when
 * the server ends the stream.
 */
export async function openEventStream(url: string, token: string) {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  const events: StreamEvent[] = [];
  const waiters: (() => void)[] = [];
  let ended = false;
  const closed = (async () => {
    if (!response.body || response.status !== 200) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let split = buffer.indexOf('\n\n');
        while (split >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          split = buffer.indexOf('\n\n');
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name === 'update' && data)
            events.push({ event: 'update', update: LiveUpdate.parse(JSON.parse(data)) });
          if (name === 'end') events.push({ event: 'end' });
          for (const wake of waiters.splice(0)) wake();
        }
      }
    } catch {
      // aborted by close()
    } finally {
      ended = true;
      for (const wake of waiters.splice(0)) wake();
    }
  })();
  let read = 0;
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    /** The next event, waiting for it at most `timeoutMs`. */
    async next(timeoutMs = 5_000): Promise<StreamEvent> {
      const deadline = Date.now() + timeoutMs;
      while (read >= events.length) {
        if (ended) throw new Error('the stream ended');
        if (Date.now() > deadline) throw new Error(`no event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return events[read++]!;
    },
    /** Settles once the server closed the stream. */
    closed,
    close: () => abort.abort(),
  };
}
