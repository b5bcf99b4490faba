/**
 * Portal throughput: the built portal serving the traveling page to 50 connections for 20 s
 * (autocannon), and the JavaScript that page loads, gzipped. Strapi is the local stand-in
 * serving the fixtures, so this measures the portal alone. Prints as its last line:
 *   portal: rps=<n> p99_ms=<n> js_kb_gz=<n>
 * Run with `npm run bench -w @enroute/portal`.
 */
import autocannon from 'autocannon';
import { gzipSync } from 'node:zlib';
import { buildAndStartPortal } from '../test/built-portal.ts';
import { startPortalStandIn } from '../test/strapi-portal-stand-in.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const TOKEN = 'bench-token';

/** The scripts the page links, gzipped one by one as a browser receives them. */
async function pageJavaScriptGzipped(portalUrl: string, path: string): Promise<number> {
  const html = await (await fetch(`${portalUrl}${path}`)).text();
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
  const seen = new Set<string>();
  let bytes = 0;
  const queue = [...sources];
  while (queue.length > 0) {
    const source = queue.shift()!;
    if (seen.has(source)) continue;
    seen.add(source);
    const code = await (await fetch(new URL(source, portalUrl))).text();
    bytes += gzipSync(code).length;
    // Chunks the entry imports, statically or once the page has loaded.
    for (const match of code.matchAll(/"(\.\/[\w.-]+\.js)"/g)) {
      queue.push(new URL(match[1]!, new URL(source, portalUrl)).pathname);
    }
  }
  return bytes / 1024;
}

const standIn = await startPortalStandIn(TOKEN);
const portal = await buildAndStartPortal({
  STRAPI_URL: standIn.url,
  STRAPI_PORTAL_TOKEN: TOKEN,
  CODE_LOOKUPS_PER_MINUTE: '100000000',
});
try {
  const path = `/t/${standIn.codeFor('traveling')}`;
  const jsKbGz = await pageJavaScriptGzipped(portal.url, path);
  const result = await autocannon({
    url: `${portal.url}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  const failures = result.errors + result.timeouts + result.non2xx;
  console.log(
    `requests=${result.requests.total} failures=${failures} latency_p50_ms=${result.latency.p50}`,
  );
  console.log(
    `portal: rps=${Math.round(result.requests.average)} p99_ms=${result.latency.p99} js_kb_gz=${jsKbGz.toFixed(1)}`,
  );
} finally {
  await portal.stop();
  await standIn.close();
}
