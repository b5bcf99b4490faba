import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_CODE, portalViewFixture } from './fixtures/views.ts';
import { isPlausibleCode, portalViewUrl, requestedLocale } from './portal-view.ts';
import { createPortalClient } from './portal-view.server.ts';

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = null;
});

async function strapiStandIn(
  answer: (request: IncomingMessage) => { status: number; body: string } | 'hang',
) {
  const seen: IncomingMessage[] = [];
  server = createServer((request, response) => {
    seen.push(request);
    const reply = answer(request);
    if (reply === 'hang') return;
    response.writeHead(reply.status, { 'content-type': 'application/json' });
    response.end(reply.body);
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen };
}

/** A client that keeps views for a second, on a clock the test moves. */
function keepingClient(strapiUrl: string, clock: { time: number }) {
  return createPortalClient({
    strapiUrl,
    token: 't',
    timeoutMs: 1000,
    freshMs: 1000,
    now: () => clock.time,
  });
}

describe('portal view client', () => {
  it('asks Strapi with the read-only token and the locale, and validates the view', async () => {
    const strapi = await strapiStandIn(() => ({
      status: 200,
      body: JSON.stringify(portalViewFixture('traveling', 'ar')),
    }));
    const client = createPortalClient({
      strapiUrl: strapi.url,
      token: 'read-only',
      timeoutMs: 1000,
    });
    const lookup = await client.fetchView(FIXTURE_CODE, 'ar');
    expect(lookup.kind).toBe('view');
    expect(lookup.kind === 'view' && lookup.view.available && lookup.view.state).toBe('traveling');
    expect(strapi.seen[0]!.url).toBe(`/api/enroute/portal/${FIXTURE_CODE}?locale=ar`);
    expect(strapi.seen[0]!.headers.authorization).toBe('Bearer read-only');
  });

  it('shares one read between requests for the same view on its way, and keeps nothing after', async () => {
    let answered = 0;
    const strapi = await strapiStandIn(() => {
      answered += 1;
      return { status: 200, body: JSON.stringify(portalViewFixture('traveling', 'en')) };
    });
    const client = createPortalClient({ strapiUrl: strapi.url, token: 't', timeoutMs: 1000 });
    const crowd = await Promise.all(
      Array.from({ length: 20 }, () => client.fetchView(FIXTURE_CODE, 'en')),
    );
    expect(crowd.every((lookup) => lookup.kind === 'view')).toBe(true);
    await client.fetchView(FIXTURE_CODE, 'ar');
    expect(strapi.seen.map((request) => request.url)).toEqual([
      `/api/enroute/portal/${FIXTURE_CODE}?locale=en`,
      `/api/enroute/portal/${FIXTURE_CODE}?locale=ar`,
    ]);
    await client.fetchView(FIXTURE_CODE, 'en');
    expect(answered).toBe(3);
  });

  it('shows a view again for a moment without asking Strapi, until the booking changes', async () => {
    let status = 200;
    const strapi = await strapiStandIn(() => ({
      status,
      body: JSON.stringify(portalViewFixture('traveling', 'en')),
    }));
    const clock = { time: 0 };
    const client = keepingClient(strapi.url, clock);
    await client.fetchView(FIXTURE_CODE, 'en');
    clock.time = 700;
    await client.fetchView(FIXTURE_CODE, 'en');
    expect(strapi.seen).toHaveLength(1);
    await client.fetchView(FIXTURE_CODE, 'en', { fresh: true });
    expect(strapi.seen).toHaveLength(2);
    clock.time = 2000;
    await client.fetchView(FIXTURE_CODE, 'en');
    expect(strapi.seen).toHaveLength(3);
    client.forget(FIXTURE_CODE);
    clock.time = 2001;
    await client.fetchView(FIXTURE_CODE, 'en');
    expect(strapi.seen).toHaveLength(4);

    // A failure is never kept: the next visitor asks again.
    client.forget(FIXTURE_CODE);
    status = 503;
    clock.time = 3000;
    expect(await client.fetchView(FIXTURE_CODE, 'en')).toMatchObject({ kind: 'error' });
    status = 200;
    expect(await client.fetchView(FIXTURE_CODE, 'en')).toMatchObject({ kind: 'view' });
    expect(strapi.seen).toHaveLength(6);
  });

  it('reads a view still asked for again before it is stale, so that nobody waits for Strapi', async () => {
    let name = 'Contoso';
    const strapi = await strapiStandIn(() => {
      const view = portalViewFixture('traveling', 'en');
      return { status: 200, body: JSON.stringify({ ...view, company: { ...view.company, name } }) };
    });
    const clock = { time: 0 };
    const client = keepingClient(strapi.url, clock);
    const companyName = (lookup: Awaited<ReturnType<typeof client.fetchView>>) =>
      lookup.kind === 'view' ? lookup.view.company.name : null;
    expect(companyName(await client.fetchView(FIXTURE_CODE, 'en'))).toBe('Contoso');

    // In the last quarter of its second the kept view is shown and read again meanwhile.
    name = 'Contoso Renamed';
    clock.time = 800;
    expect(companyName(await client.fetchView(FIXTURE_CODE, 'en'))).toBe('Contoso');
    await new Promise((done) => setTimeout(done, 100));
    expect(strapi.seen).toHaveLength(2);

    // That read is what the next visitor sees (kept from when it was asked, itself read again).
    name = 'Contoso Again';
    clock.time = 1700;
    expect(companyName(await client.fetchView(FIXTURE_CODE, 'en'))).toBe('Contoso Renamed');
    await new Promise((done) => setTimeout(done, 100));
    expect(strapi.seen).toHaveLength(3);

    // A view nobody asked for in time is stale: the next visitor waits for a new read.
    name = 'Contoso Later';
    clock.time = 2800;
    expect(companyName(await client.fetchView(FIXTURE_CODE, 'en'))).toBe('Contoso Later');
    expect(strapi.seen).toHaveLength(4);
  });

  it('maps 404 to the not-available view', async () => {
    const strapi = await strapiStandIn(() => ({
      status: 404,
      body: JSON.stringify(portalViewFixture('unavailable', 'en')),
    }));
    const client = createPortalClient({ strapiUrl: strapi.url, token: 't', timeoutMs: 1000 });
    const lookup = await client.fetchView('unknown-code-123', null);
    expect(lookup.kind === 'view' && lookup.view.available).toBe(false);
  });

  it('reports a view that breaks the contract instead of rendering it', async () => {
    const strapi = await strapiStandIn(() => ({
      status: 200,
      body: JSON.stringify({ ...portalViewFixture('traveling', 'en'), state: 'teleporting' }),
    }));
    const client = createPortalClient({ strapiUrl: strapi.url, token: 't', timeoutMs: 1000 });
    const lookup = await client.fetchView(FIXTURE_CODE, null);
    expect(lookup).toMatchObject({ kind: 'error', reason: 'invalid-response' });
    expect(lookup.kind === 'error' && lookup.detail).toContain('state');
  });

  it('gives up on a Strapi that does not answer in time', async () => {
    const strapi = await strapiStandIn(() => 'hang');
    const client = createPortalClient({ strapiUrl: strapi.url, token: 't', timeoutMs: 150 });
    expect(await client.fetchView(FIXTURE_CODE, null)).toMatchObject({
      kind: 'error',
      reason: 'timeout',
    });
  });

  it('reports an unreachable Strapi, a refused token and a body that is not JSON', async () => {
    const closed = createPortalClient({
      strapiUrl: 'http://127.0.0.1:9',
      token: 't',
      timeoutMs: 1000,
    });
    expect(await closed.fetchView(FIXTURE_CODE, null)).toMatchObject({ reason: 'unreachable' });

    let answer = { status: 401, body: '{"error":"unauthorized"}' };
    const strapi = await strapiStandIn(() => answer);
    const client = createPortalClient({ strapiUrl: strapi.url, token: 'bad', timeoutMs: 1000 });
    expect(await client.fetchView(FIXTURE_CODE, null)).toMatchObject({ reason: 'rejected' });
    answer = { status: 200, body: '<html>proxy error</html>' };
    expect(await client.fetchView(FIXTURE_CODE, null)).toMatchObject({
      reason: 'invalid-response',
    });
  });

  it('posts a rating to Strapi', async () => {
    const bodies: string[] = [];
    const strapi = await strapiStandIn(() => ({ status: 204, body: '' }));
    server!.prependListener('request', (request: IncomingMessage) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => bodies.push(body));
    });
    const client = createPortalClient({ strapiUrl: strapi.url, token: 't', timeoutMs: 1000 });
    expect(await client.submitRating(FIXTURE_CODE, { score: 4, comment: 'On time' })).toEqual({
      ok: true,
    });
    expect(strapi.seen[0]!.method).toBe('POST');
    expect(strapi.seen[0]!.url).toBe(`/api/enroute/portal/${FIXTURE_CODE}/rating`);
    expect(JSON.parse(bodies[0]!)).toEqual({ score: 4, comment: 'On time' });
  });
});

describe('code and locale from the address', () => {
  it('accepts URL-safe codes only', () => {
    expect(isPlausibleCode(FIXTURE_CODE)).toBe(true);
    expect(isPlausibleCode('../admin')).toBe(false);
    expect(isPlausibleCode('a'.repeat(200))).toBe(false);
    expect(isPlausibleCode(undefined)).toBe(false);
  });

  it('takes ?locale= when it looks like a locale tag', () => {
    expect(requestedLocale(new URL('http://p/t/x?locale=pt-BR'))).toBe('pt-BR');
    expect(requestedLocale(new URL('http://p/t/x?locale=<script>'))).toBeNull();
    expect(portalViewUrl('http://strapi:1337/', 'a b', 'ar').href).toBe(
      'http://strapi:1337/api/enroute/portal/a%20b?locale=ar',
    );
  });
});
