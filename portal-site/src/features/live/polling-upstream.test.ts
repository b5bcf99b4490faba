import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { portalViewFixture } from '../portal-view/fixtures/views.ts';
import { createPortalClient } from '../portal-view/portal-view.server.ts';
import { createLiveHub, type LiveEvent } from './live-hub.ts';
import { createPollingUpstream } from './polling-upstream.ts';

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = null;
});

/** A stand-in for Strapi's portal read API that answers whatever the test sets. */
async function portalApi(answer: () => { status: number; body: unknown }) {
  let requests = 0;
  server = createServer((_request, response) => {
    requests += 1;
    const { status, body } = answer();
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests: () => requests };
}

const waitFor = async (check: () => boolean, ms = 3000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((done) => setTimeout(done, 10));
  }
};

describe('polling upstream behind the hub', () => {
  it('polls once per booking however many viewers, and ends when the booking arrives', async () => {
    let view = portalViewFixture('traveling', 'en');
    const api = await portalApi(() => ({ status: 200, body: view }));
    const client = createPortalClient({ strapiUrl: api.url, token: 't', timeoutMs: 1000 });
    const hub = createLiveHub({
      upstream: createPollingUpstream({
        fetchView: (code) => client.fetchView(code, null),
        intervalMs: 50,
      }),
    });
    const viewers: LiveEvent[][] = Array.from({ length: 20 }, () => []);
    for (const events of viewers) hub.subscribe('q2XbV7mJc0Ls9WfKa3YtRg', (e) => events.push(e));

    await waitFor(() => api.requests() >= 4);
    // Unchanged view: one update only, however many polls.
    expect(viewers.every((events) => events.length === 1)).toBe(true);
    expect(api.requests()).toBeLessThan(10);

    view = portalViewFixture('in-progress', 'en');
    await waitFor(() => viewers.every((events) => events.at(-1)?.type === 'end'));
    expect(viewers[0]!.map((e) => (e.type === 'update' ? e.update.state : e.type))).toEqual([
      'traveling',
      'in-progress',
      'end',
    ]);
    const after = api.requests();
    await new Promise((done) => setTimeout(done, 150));
    expect(api.requests()).toBe(after);
    hub.close();
  });

  it('reconnects after Strapi drops and carries on', async () => {
    let status = 503;
    const api = await portalApi(() => ({ status, body: portalViewFixture('traveling', 'en') }));
    const client = createPortalClient({ strapiUrl: api.url, token: 't', timeoutMs: 1000 });
    const errors: string[] = [];
    const hub = createLiveHub({
      upstream: createPollingUpstream({
        fetchView: (code) => client.fetchView(code, null),
        intervalMs: 20,
      }),
      reconnectDelayMs: () => 20,
      onUpstreamError: (_code, reason) => errors.push(reason),
    });
    const events: LiveEvent[] = [];
    hub.subscribe('q2XbV7mJc0Ls9WfKa3YtRg', (e) => events.push(e));
    await waitFor(() => errors.length >= 2);
    status = 200;
    await waitFor(() => events.length === 1);
    expect(errors[0]).toContain('503');
    hub.close();
  });
});
