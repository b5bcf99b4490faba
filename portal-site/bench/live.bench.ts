/**
 * Live positions at load: technicians posting their position every 2 s to a real Strapi (the
 * Enroute plugin, SQLite), customer pages following them through one built portal's live channel
 * (Server-Sent Events, as the page's script opens it). Strapi is reached by the portal through a
 * counting proxy, so every read the portal makes is counted. Run twice: with a tenth of the pages,
 * then with all of them, to show whether Strapi's reads grow with the pages open.
 *
 * A position's delay is from the moment it was taken (just before it is posted) to the moment a
 * page receives it; a position posted while a page was open that never reaches it is dropped.
 * Prints as its last line:
 *   live: position_to_page_p95_ms=<n> strapi_reads_per_s=<n> portal_rss_mb=<n> dropped=<n>
 * Run with `npm run bench:live` (BENCH_TECHNICIANS, BENCH_PAGES, BENCH_SECONDS to change the load).
 */
import { readFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { buildAndStartPortal, type BuiltPortal } from '../test/built-portal.ts';
import { postPosition, strapiWithTravelingBookings, type TravelingBooking } from './real-strapi.ts';

const TECHNICIANS = Number(process.env.BENCH_TECHNICIANS ?? 20);
const PAGES = Number(process.env.BENCH_PAGES ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const POST_EVERY_MS = 2_000;
/** Positions posted this close to the end may still be on their way: not counted. */
const SETTLE_MS = 3_000;

/** Forwards every request to Strapi, streams included, and counts them. */
async function countingProxy(
  target: string,
): Promise<{ url: string; reads(): number; close(): void }> {
  const upstream = new URL(target);
  let reads = 0;
  const server: Server = createServer((incoming, outgoing) => {
    reads += 1;
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    outgoing.on('close', () => forwarded.destroy());
    incoming.pipe(forwarded);
  });
  server.maxConnections = 10_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy did not listen');
  return {
    url: `http://127.0.0.1:${address.port}`,
    reads: () => reads,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

interface Sent {
  booking: number;
  key: string;
  at: number;
}

/**
 * A customer page's live channel: each technician position it receives, by key, with the time.
 * (The portal writes one `event:`/`data:` block per update; the page's own script reads them with
 * the browser's EventSource.)
 */
async function openPage(
  portalUrl: string,
  code: string,
  received: Map<string, number>,
  stop: AbortSignal,
): Promise<number> {
  const response = await fetch(`${portalUrl}/t/${code}/live`, {
    headers: { accept: 'text/event-stream' },
    signal: stop,
  });
  if (!response.ok || !response.body) throw new Error(`live channel answered ${response.status}`);
  const opened = performance.now();
  const decoder = new TextDecoder();
  let buffer = '';
  const take = (block: string) => {
    const lines = block.split('\n');
    if (!lines.includes('event: update')) return;
    const data = lines.find((line) => line.startsWith('data:'))?.slice(5);
    if (!data) return;
    const update = JSON.parse(data) as { technician: { lat: number } | null };
    const key = update.technician && keyOf(update.technician.lat);
    if (key && !received.has(key)) received.set(key, performance.now());
  };
  void (async () => {
    try {
      for await (const chunk of response.body!) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          take(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Closed at the end of the run.
    }
  })();
  return opened;
}

const keyOf = (lat: number) => lat.toFixed(6);

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function run(
  portal: BuiltPortal,
  proxy: { reads(): number },
  bookings: TravelingBooking[],
  strapiUrl: string,
  pages: number,
) {
  const stop = new AbortController();
  const pageState = Array.from({ length: pages }, (_, index) => ({
    booking: index % bookings.length,
    received: new Map<string, number>(),
    opened: 0,
  }));
  // Opening the pages counts: the portal reads Strapi for the first viewer of each booking.
  const readsBefore = proxy.reads();
  const opening = performance.now();
  for (const [index, page] of pageState.entries()) {
    page.opened = await openPage(
      portal.url,
      bookings[page.booking]!.code,
      page.received,
      stop.signal,
    );
    // Open them over the first seconds rather than all in one instant.
    if (index % 50 === 49) await new Promise((done) => setTimeout(done, 50));
  }
  const started = performance.now();
  const sent: Sent[] = [];
  let sequence = 0;
  let postFailures = 0;
  let peakRss = await rssMb(portal.pid);
  const technicians = bookings.map((booking, index) =>
    (async () => {
      // Spread the technicians over the interval.
      await new Promise((done) => setTimeout(done, (index * POST_EVERY_MS) / bookings.length));
      while (performance.now() - started < SECONDS * 1000) {
        sequence += 1;
        const lat = 48.8566 + sequence * 1e-5;
        const at = performance.now();
        sent.push({ booking: index, key: keyOf(lat), at });
        const answer = await postPosition(strapiUrl, booking.technicianToken, { lat, lng: 2.3522 });
        if (!answer.ok) postFailures += 1;
        await answer.body?.cancel();
        const wait = POST_EVERY_MS - (performance.now() - at);
        if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      }
    })(),
  );
  const sampler = setInterval(() => {
    void rssMb(portal.pid).then((mb) => (peakRss = Math.max(peakRss, mb)));
  }, 1_000);
  await Promise.all(technicians);
  const elapsed = (performance.now() - opening) / 1000;
  const reads = proxy.reads() - readsBefore;
  await new Promise((done) => setTimeout(done, SETTLE_MS));
  clearInterval(sampler);
  stop.abort();

  const delays: number[] = [];
  let dropped = 0;
  const end = started + SECONDS * 1000 - SETTLE_MS;
  for (const page of pageState) {
    for (const position of sent) {
      if (position.booking !== page.booking || position.at < page.opened || position.at > end)
        continue;
      const at = page.received.get(position.key);
      if (at === undefined) dropped += 1;
      else delays.push(at - position.at);
    }
  }
  return {
    pages,
    p50: Math.round(percentile(delays, 50)),
    p95: Math.round(percentile(delays, 95)),
    delivered: delays.length,
    dropped,
    postFailures,
    readsPerSecond: Number((reads / elapsed).toFixed(2)),
    rss: peakRss,
  };
}

const strapi = await strapiWithTravelingBookings(TECHNICIANS);
const proxy = await countingProxy(strapi.url);
const portal = await buildAndStartPortal({
  STRAPI_URL: proxy.url,
  STRAPI_PORTAL_TOKEN: strapi.readOnlyToken,
  CODE_LOOKUPS_PER_MINUTE: '100000000',
});
try {
  const fewer = await run(
    portal,
    proxy,
    strapi.bookings,
    strapi.url,
    Math.max(TECHNICIANS, Math.round(PAGES / 10)),
  );
  const all = await run(portal, proxy, strapi.bookings, strapi.url, PAGES);
  for (const result of [fewer, all]) {
    console.log(
      `${result.pages} pages, ${TECHNICIANS} technicians, ${SECONDS} s: p50_ms=${result.p50}` +
        ` p95_ms=${result.p95} delivered=${result.delivered} dropped=${result.dropped}` +
        ` post_failures=${result.postFailures} strapi_reads_per_s=${result.readsPerSecond}` +
        ` portal_rss_mb=${result.rss}`,
    );
  }
  console.log(
    `reads_per_s_ratio_${all.pages}_to_${fewer.pages}_pages=${(all.readsPerSecond / Math.max(fewer.readsPerSecond, 0.01)).toFixed(2)}` +
      ` cores=${availableParallelism()} load_avg_1m=${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    `live: position_to_page_p95_ms=${all.p95} strapi_reads_per_s=${all.readsPerSecond}` +
      ` portal_rss_mb=${all.rss} dropped=${all.dropped}`,
  );
} finally {
  await portal.stop();
  proxy.close();
  await strapi.stop();
}
