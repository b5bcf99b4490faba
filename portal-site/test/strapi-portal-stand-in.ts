import { isLocale } from '@enroute/content';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  RatingRequest,
  type AvailablePortalView,
  type LiveUpdate,
  type PortalView,
} from '@enroute/contracts';
import {
  FIXTURE_STATES,
  portalViewFixture,
  type FixtureLocale,
  type FixtureState,
} from '../src/features/portal-view/fixtures/views.ts';

/**
 * A local stand-in for Strapi's portal read API (`GET /api/enroute/portal/:code`, `GET …/live`,
 * `POST …/rating`) serving the fixtures: code `state-<fixture state>` gives that state, anything else
 * the not-available view. Tests change a booking with `update`. Map tiles are answered 404 from
 * `/tiles/…`, as no tile server is reachable here; `/host-page?src=` is a page of another site
 * that embeds the given URL in an iframe.
 */
export interface PortalStandIn {
  url: string;
  tileUrl: string;
  requests: { method: string; path: string; authorization: string | undefined }[];
  ratings: { code: string; rating: RatingRequest }[];
  codeFor(state: FixtureState): string;
  update(state: FixtureState, change: (view: AvailablePortalView) => AvailablePortalView): void;
  reset(): void;
  /** Drops every open live stream, as a restart or a proxy would. */
  dropLiveStreams(): void;
  close(): Promise<void>;
}

const ROUTE = /^\/api\/enroute\/portal\/([^/?]+)(\/rating|\/live)?$/;

export async function startPortalStandIn(token: string): Promise<PortalStandIn> {
  const changes = new Map<FixtureState, (view: AvailablePortalView) => AvailablePortalView>();
  const submitted = new Map<string, RatingRequest>();
  const requests: PortalStandIn['requests'] = [];
  const ratings: PortalStandIn['ratings'] = [];
  let tileUrl = '';
  /** Open live streams by code. */
  const streams = new Map<string, Set<ServerResponse>>();

  function liveUpdate(code: string): LiveUpdate | null {
    const { view: current } = view(code, 'en');
    if (!current.available) return null;
    const { state, position, eta } = current;
    return { state, position, eta, at: new Date().toISOString() };
  }

  /** Writes the booking's current update to a stream; ends it once the booking left traveling. */
  function push(code: string, stream: ServerResponse) {
    const update = liveUpdate(code);
    if (update) stream.write(`event: update\ndata: ${JSON.stringify(update)}\n\n`);
    if (update?.state !== 'traveling') {
      stream.end('event: end\ndata: {}\n\n');
      streams.get(code)?.delete(stream);
    }
  }

  function pushAll() {
    for (const [code, open] of streams) for (const stream of [...open]) push(code, stream);
  }

  function view(code: string, locale: FixtureLocale): { status: number; view: PortalView } {
    const state = FIXTURE_STATES.find((candidate) => `state-${candidate}` === code);
    if (!state || state === 'unavailable') {
      return { status: 404, view: portalViewFixture('unavailable', locale) };
    }
    let found = portalViewFixture(state, locale) as AvailablePortalView;
    found = { ...found, map: { ...found.map, tileUrl } };
    const rating = submitted.get(code);
    if (rating)
      found = {
        ...found,
        rating: {
          enabled: true,
          submitted: { score: rating.score, comment: rating.comment ?? null },
        },
      };
    return { status: 200, view: changes.get(state)?.(found) ?? found };
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    requests.push({
      method: request.method ?? '',
      path: url.pathname,
      authorization: request.headers.authorization,
    });
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/host-page') {
      // A company site that embeds the portal, on another origin than the portal.
      const src = url.searchParams.get('src') ?? '';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return response.end(
        `<!doctype html><title>Host</title><iframe title="portal" src="${src.replace(/"/g, '&quot;')}" width="800" height="600"></iframe>`,
      );
    }
    const match = ROUTE.exec(url.pathname);
    if (!match) {
      response.writeHead(404);
      return response.end();
    }
    if (request.headers.authorization !== `Bearer ${token}`)
      return json(401, { error: 'bad token' });
    const code = decodeURIComponent(match[1]!);
    if (match[2] === '/live') {
      if (!liveUpdate(code)) return json(404, { error: 'not available' });
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      const open = streams.get(code) ?? new Set();
      streams.set(code, open);
      open.add(response);
      request.on('close', () => open.delete(response));
      return push(code, response);
    }
    if (match[2] && request.method === 'POST') {
      let body = '';
      for await (const chunk of request) body += String(chunk);
      const rating = RatingRequest.safeParse(JSON.parse(body || 'null'));
      if (!rating.success) return json(400, { error: rating.error.message });
      submitted.set(code, rating.data);
      ratings.push({ code, rating: rating.data });
      response.writeHead(204);
      return response.end();
    }
    const asked = url.searchParams.get('locale');
    const locale: FixtureLocale = isLocale(asked) ? asked : 'en';
    const answer = view(code, locale);
    return json(answer.status, answer.view);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  tileUrl = `${url}/tiles/{z}/{x}/{y}.png`;

  return {
    url,
    tileUrl,
    requests,
    ratings,
    codeFor: (state) => `state-${state}`,
    update(state, change) {
      changes.set(state, change);
      pushAll();
    },
    reset() {
      changes.clear();
      submitted.clear();
      ratings.length = 0;
      pushAll();
    },
    dropLiveStreams() {
      for (const open of streams.values()) for (const stream of open) stream.destroy();
      streams.clear();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
