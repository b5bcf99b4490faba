import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LiveUpdate } from '@enroute/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { liveUrl } from '../portal-view/portal-view.ts';
import { createLiveHub, type LiveEvent } from './live-hub.ts';
import { createStreamUpstream } from './stream-upstream.ts';

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = null;
});

const CODE = 'q2XbV7mJc0Ls9WfKa3YtRg';

const update = (state: LiveUpdate['state'], minute: number): LiveUpdate => ({
  state,
  position:
    state === 'traveling'
      ? {
          lat: 48.86,
          lng: 2.34 + minute / 1000,
          accuracy: 10,
          recordedAt: `2026-11-25T12:${String(minute).padStart(2, '0')}:00.000Z`,
          stale: false,
        }
      : null,
  eta: null,
  at: `2026-11-25T12:${String(minute).padStart(2, '0')}:01.000Z`,
});

/** Strapi's live endpoint as the contract describes it; the test writes to the open streams. */
async function liveEndpoint(answer: (url: string) => number = () => 200) {
  const streams: ServerResponse[] = [];
  const seen: { url: string; authorization: string | undefined }[] = [];
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
    const status = answer(request.url ?? '');
    if (status !== 200) {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end('{"error":"not available"}');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.flushHeaders();
    streams.push(response);
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const send = (event: string, data: unknown) =>
    streams.at(-1)!.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  return { url: `http://127.0.0.1:${port}`, streams, seen, send };
}

const waitFor = async (check: () => boolean, ms = 3000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((done) => setTimeout(done, 10));
  }
};

function hubOn(url: string, errors: string[] = [], invalid: string[] = []) {
  return createLiveHub({
    upstream: createStreamUpstream({
      liveUrl: (code) => liveUrl(url, code),
      token: 'read-only',
      connectTimeoutMs: 1000,
      onInvalidUpdate: (_code, detail) => invalid.push(detail),
    }),
    reconnectDelayMs: () => 20,
    onUpstreamError: (_code, reason) => errors.push(reason),
  });
}

describe('live stream from Strapi behind the hub', () => {
  it('opens one stream per booking with the token and passes each update on', async () => {
    const strapi = await liveEndpoint();
    const hub = hubOn(strapi.url);
    const viewers: LiveEvent[][] = [[], [], []];
    for (const events of viewers) hub.subscribe(CODE, (event) => events.push(event));
    await waitFor(() => strapi.streams.length === 1);
    expect(strapi.seen).toEqual([
      { url: `/api/enroute/portal/${CODE}/live`, authorization: 'Bearer read-only' },
    ]);

    strapi.send('update', update('traveling', 1));
    strapi.send('update', update('traveling', 2));
    await waitFor(() => viewers.every((events) => events.length === 2));
    expect(viewers[2]).toEqual([
      { type: 'update', update: update('traveling', 1) },
      { type: 'update', update: update('traveling', 2) },
    ]);

    strapi.send('update', update('in-progress', 3));
    await waitFor(() => viewers.every((events) => events.at(-1)?.type === 'end'));
    expect(hub.upstreamCount).toBe(0);
    expect(strapi.streams).toHaveLength(1);
  });

  it('skips and reports an update that breaks the contract, and carries on', async () => {
    const strapi = await liveEndpoint();
    const invalid: string[] = [];
    const hub = hubOn(strapi.url, [], invalid);
    const events: LiveEvent[] = [];
    hub.subscribe(CODE, (event) => events.push(event));
    await waitFor(() => strapi.streams.length === 1);
    strapi.send('update', { ...update('traveling', 1), state: 'teleporting' });
    strapi.send('update', update('traveling', 2));
    await waitFor(() => events.length === 1);
    expect(events).toEqual([{ type: 'update', update: update('traveling', 2) }]);
    expect(invalid[0]).toContain('state');
    hub.close();
  });

  it('reopens a dropped stream, and ends for a code Strapi no longer knows', async () => {
    let status = 200;
    const strapi = await liveEndpoint(() => status);
    const errors: string[] = [];
    const hub = hubOn(strapi.url, errors);
    const events: LiveEvent[] = [];
    hub.subscribe(CODE, (event) => events.push(event));
    await waitFor(() => strapi.streams.length === 1);
    strapi.streams[0]!.end();
    await waitFor(() => strapi.streams.length === 2);
    expect(errors).toEqual(['Strapi closed the live stream']);
    strapi.send('update', update('traveling', 4));
    await waitFor(() => events.length === 1);

    status = 404;
    strapi.streams[1]!.end();
    await waitFor(() => events.at(-1)?.type === 'end');
    expect(hub.upstreamCount).toBe(0);
  });

  it('reports a Strapi that refuses the token or is not there', async () => {
    const strapi = await liveEndpoint(() => 401);
    const errors: string[] = [];
    const hub = hubOn(strapi.url, errors);
    hub.subscribe(CODE, () => {});
    await waitFor(() => errors.length >= 2);
    expect(errors[0]).toBe('Strapi live stream answered 401');
    hub.close();

    const unreachable: string[] = [];
    const closed = hubOn('http://127.0.0.1:9', unreachable);
    closed.subscribe(CODE, () => {});
    await waitFor(() => unreachable.length >= 1);
    expect(unreachable[0]).toMatch(/^Strapi live stream failed/);
    closed.close();
  });
});
