/**
 * Lighthouse (mobile, its default) on the traveling page of the built portal, in Debian's
 * Chromium, with the fixture stand-in as Strapi. Prints as its last line:
 *   lighthouse: performance=<n> accessibility=<n>
 * Run with `npm run bench:lighthouse -w @enroute/portal`.
 */
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { buildAndStartPortal, freePort } from '../test/built-portal.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/chromium.ts';
import { startPortalStandIn } from '../test/strapi-portal-stand-in.ts';

const TOKEN = 'bench-token';

const standIn = await startPortalStandIn(TOKEN);
const portal = await buildAndStartPortal({ STRAPI_URL: standIn.url, STRAPI_PORTAL_TOKEN: TOKEN });
const debuggingPort = await freePort();
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [`--remote-debugging-port=${debuggingPort}`, ...CHROMIUM_FLAGS],
});
try {
  const result = await lighthouse(`${portal.url}/t/${standIn.codeFor('traveling')}`, {
    port: debuggingPort,
    onlyCategories: ['performance', 'accessibility'],
    logLevel: 'error',
    output: 'json',
  });
  if (!result) throw new Error('lighthouse returned no result');
  const score = (id: string) => Math.round((result.lhr.categories[id]?.score ?? 0) * 100);
  const metrics = [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
    'speed-index',
  ];
  console.log(metrics.map((id) => `${id}=${result.lhr.audits[id]?.displayValue ?? '?'}`).join(' '));
  console.log(
    `lighthouse: performance=${score('performance')} accessibility=${score('accessibility')}`,
  );
} finally {
  await browser.close();
  await portal.stop();
  await standIn.close();
}
