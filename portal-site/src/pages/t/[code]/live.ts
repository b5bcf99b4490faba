import type { APIRoute } from 'astro';
import { pageUpdate } from '../../../features/live/page-update.ts';
import { SSE_HEARTBEAT, sseEvent, sseRetry } from '../../../features/live/server-sent-events.ts';
import { isPlausibleCode } from '../../../features/portal-view/portal-view.ts';
import { liveHub } from '../../../server/services.ts';

const HEARTBEAT_MS = 15_000;

/** The page's live channel: Server-Sent Events fed by the hub's one subscription per booking. */
export const GET: APIRoute = ({ params, request }) => {
  const code = params.code;
  if (!isPlausibleCode(code)) return new Response(null, { status: 404 });

  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (chunk: string) => open && controller.enqueue(encoder.encode(chunk));
      const heartbeat = setInterval(() => send(SSE_HEARTBEAT), HEARTBEAT_MS);
      let unsubscribe = () => {};
      stop = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        controller.close();
      };
      send(sseRetry(2000));
      unsubscribe = liveHub.subscribe(code, (event) => {
        if (event.type === 'update') send(sseEvent('update', pageUpdate(event.update)));
        else {
          send(sseEvent('end', {}));
          queueMicrotask(() => stop());
        }
      });
      request.signal.addEventListener('abort', () => stop());
    },
    cancel() {
      stop();
    },
  });

  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'private, no-store',
      'x-accel-buffering': 'no',
    },
  });
};
