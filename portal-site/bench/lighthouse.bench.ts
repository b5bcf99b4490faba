/**
 * Lighthouse (mobile, its default) on the traveling page of the built portal, in Debian's
 * Chromium, with a real Strapi (the Enroute plugin, SQLite) behind it; the median of three runs
 * (LIGHTHOUSE_RUNS). Prints as its last line:
 *   lighthouse: performance=<n> accessibility=<n>
 * Run with `npm run bench:lighthouse`.
 */
import { writeFile } from 'node:fs/promises';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { buildAndStartPortal, freePort } from '../test/built-portal.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/chromium.ts';
import { strapiWithTravelingBooking } from './real-strapi.ts';

const strapi = await strapiWithTravelingBooking();
const portal = await buildAndStartPortal({
  STRAPI_URL: strapi.url,
  STRAPI_PORTAL_TOKEN: strapi.readOnlyToken,
});
const debuggingPort = await freePort();
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [`--remote-debugging-port=${debuggingPort}`, ...CHROMIUM_FLAGS],
});
/** Lighthouse's own advice: scores vary from run to run, so report the median of several. */
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

try {
  const runs: { performance: number; accessibility: number }[] = [];
  for (let run = 1; run <= RUNS; run += 1) {
    const result = await lighthouse(`${portal.url}/t/${strapi.code}`, {
      port: debuggingPort,
      onlyCategories: ['performance', 'accessibility'],
      logLevel: 'error',
      output: 'json',
    });
    if (!result) throw new Error('lighthouse returned no result');
    // The whole report, for a closer look: LIGHTHOUSE_REPORT=report.json npm run bench:lighthouse
    if (process.env.LIGHTHOUSE_REPORT) {
      await writeFile(process.env.LIGHTHOUSE_REPORT, JSON.stringify(result.lhr, null, 2));
    }
    const score = (id: string) => Math.round((result.lhr.categories[id]?.score ?? 0) * 100);
    runs.push({ performance: score('performance'), accessibility: score('accessibility') });
    const metrics = METRICS.map((id) => `${id}=${result.lhr.audits[id]?.displayValue ?? '?'}`);
    console.log(`run ${run}: performance=${score('performance')} ${metrics.join(' ')}`);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(
    `lighthouse: performance=${median(runs.map((r) => r.performance))} accessibility=${median(runs.map((r) => r.accessibility))}`,
  );
} finally {
  await browser.close();
  await portal.stop();
  await strapi.stop();
}
