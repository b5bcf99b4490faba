/**
 * Portal throughput: the built portal serving the traveling page to 50 connections for 20 s
 * (autocannon), and the JavaScript that page loads in Chromium (the map included), gzipped.
 * Strapi is the local stand-in that speaks the portal API contract, serving the fixtures.
 * Prints as its last line:
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

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const TOKEN = 'bench-token';

const standIn = await startPortalStandIn(TOKEN);
const portal = await buildAndStartPortal({
  STRAPI_URL: standIn.url,
  STRAPI_PORTAL_TOKEN: TOKEN,
  CODE_LOOKUPS_PER_MINUTE: '100000000',
});
try {
  const url = `${portal.url}/t/${standIn.codeFor('traveling')}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const jsKbGz = await pageJavaScriptKbGzipped(browser, url).finally(() => browser.close());

  // Warm up (first renders load modules and fill caches), then measure.
  await autocannon({ url, connections: 10, amount: 500 });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const failures = result.errors + result.timeouts + result.non2xx;
  console.log(
    `requests=${result.requests.total} failures=${failures} latency_p50_ms=${result.latency.p50}` +
      ` cores=${availableParallelism()} load_before=${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    `portal: rps=${Math.round(result.requests.average)} p99_ms=${result.latency.p99} js_kb_gz=${jsKbGz}`,
  );
} finally {
  await portal.stop();
  await standIn.close();
}
