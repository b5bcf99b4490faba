/**
 * Portal throughput: the built portal serving the traveling page to 50 connections for 20 s
 * (autocannon), with a real Strapi (the Enroute plugin, SQLite) behind it; and the JavaScript that
 * page loads in Chromium (the map included), gzipped. Before it, the same load with Strapi
 * answered by the local stand-in, which measures the portal alone. Prints as its last line:
 *   portal: rps=<n> p99_ms=<n> js_kb_gz=<n>
 * Run with `npm run bench:portal`.
 */
import autocannon from 'autocannon';
import { availableParallelism, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { buildAndStartPortal } from '../test/built-portal.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/chromium.ts';
import { pageJavaScriptKbGzipped } from '../test/page-javascript.ts';
import { startPortalStandIn } from '../test/strapi-portal-stand-in.ts';
import { strapiWithTravelingBooking } from './real-strapi.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

/** Warm up (first renders load modules and fill caches), then the measured load. */
async function load(url: string) {
  await autocannon({ url, connections: 10, amount: 500 });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

async function withPortal<T>(
  strapi: { url: string; token: string },
  run: (portalUrl: string) => Promise<T>,
): Promise<T> {
  const portal = await buildAndStartPortal({
    STRAPI_URL: strapi.url,
    STRAPI_PORTAL_TOKEN: strapi.token,
    CODE_LOOKUPS_PER_MINUTE: '100000000',
  });
  try {
    return await run(portal.url);
  } finally {
    await portal.stop();
  }
}

const standIn = await startPortalStandIn('bench-token');
const alone = await withPortal({ url: standIn.url, token: 'bench-token' }, (portalUrl) =>
  load(`${portalUrl}/t/${standIn.codeFor('traveling')}`),
).finally(() => standIn.close());
console.log(
  `portal alone (stand-in Strapi): rps=${alone.rps} p50_ms=${alone.p50} p99_ms=${alone.p99} failures=${alone.failures}`,
);

const strapi = await strapiWithTravelingBooking();
try {
  await withPortal({ url: strapi.url, token: strapi.readOnlyToken }, async (portalUrl) => {
    const url = `${portalUrl}/t/${strapi.code}`;
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    const jsKbGz = await pageJavaScriptKbGzipped(browser, url).finally(() => browser.close());
    const real = await load(url);
    console.log(
      `with Strapi: p50_ms=${real.p50} failures=${real.failures} cores=${availableParallelism()}` +
        ` load_avg_1m=${loadavg()[0]!.toFixed(1)}`,
    );
    console.log(`portal: rps=${real.rps} p99_ms=${real.p99} js_kb_gz=${jsKbGz}`);
  });
} finally {
  await strapi.stop();
}
