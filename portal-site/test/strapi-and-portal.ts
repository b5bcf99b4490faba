import { mkdir } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { sqliteDatabase, type TestDatabase } from '../../cms-plugin/tests/support/database.ts';
import { startHost, type Host } from '../../cms-plugin/tests/support/host.ts';
import { buildAndStartPortal, type BuiltPortal } from './built-portal.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';

export interface StrapiAndPortal {
  host: Host;
  portal: BuiltPortal;
  browser: Browser;
}

/**
 * For a suite: a real Strapi with the Enroute plugin (the host app on a fresh SQLite file), the
 * built portal in front of it with Strapi's read-only token, and Chromium; all stopped after it.
 */
export function useStrapiAndPortal(screenshots: string): () => StrapiAndPortal {
  let database: TestDatabase | undefined;
  let started: StrapiAndPortal | undefined;
  const stack: Partial<StrapiAndPortal> = {};

  beforeAll(async () => {
    database = await sqliteDatabase();
    stack.host = await startHost({ database });
    stack.portal = await buildAndStartPortal({
      STRAPI_URL: stack.host.url,
      STRAPI_PORTAL_TOKEN: stack.host.tokens.readOnly,
    });
    stack.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    await mkdir(screenshots, { recursive: true });
    started = stack as StrapiAndPortal;
  }, 300_000);

  afterAll(async () => {
    await stack.browser?.close();
    await stack.portal?.stop();
    await stack.host?.stop();
    await database?.drop();
  });

  return () => {
    if (!started) throw new Error('Strapi and the portal did not start');
    return started;
  };
}
