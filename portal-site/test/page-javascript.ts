import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

/**
 * The JavaScript a page loads in Chromium, the map island included, gzipped one file at a time
 * as a server would send it; in KB with one decimal.
 */
export async function pageJavaScriptKbGzipped(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const scripts: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body());
    });
    await page.goto(url, { waitUntil: 'load' });
    if (await page.locator('[data-map]').count()) await page.locator('.map-ready').waitFor();
    await page.waitForLoadState('networkidle');
    const bytes = (await Promise.all(scripts)).reduce(
      (sum, body) => sum + gzipSync(body).length,
      0,
    );
    return Math.round((bytes / 1024) * 10) / 10;
  } finally {
    await context.close();
  }
}
