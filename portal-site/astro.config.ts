import node from '@astrojs/node';
import { defineConfig, envField } from 'astro/config';
import type { Plugin } from 'vite';

/** The workspace packages publish their TypeScript sources under the `source` export condition. */
const workspaceSources: Plugin = {
  name: 'enroute:workspace-sources',
  configEnvironment(_name, config) {
    config.resolve ??= {};
    const conditions = config.resolve.conditions ?? [];
    if (!conditions.includes('source')) config.resolve.conditions = ['source', ...conditions];
  },
};

export default defineConfig({
  output: 'server',
  // Loopback unless HOST says otherwise (a proxy or load balancer sits in front in production).
  server: { host: '127.0.0.1', port: 4321 },
  // server.ts serves the build: static files from memory, everything else through this handler.
  adapter: node({ mode: 'middleware' }),
  // Scripts and styles always ship as files so that the Content-Security-Policy can stay
  // `script-src 'self'` without inline exceptions.
  build: { inlineStylesheets: 'never' },
  vite: {
    build: { assetsInlineLimit: 0 },
    plugins: [workspaceSources],
  },
  // Under `Referrer-Policy: no-referrer` browsers post forms with `Origin: null`, which Astro's
  // origin check refuses; the rating route checks Sec-Fetch-Site itself (see same-origin.ts).
  security: { checkOrigin: false },
  devToolbar: { enabled: false },
  env: {
    schema: {
      STRAPI_URL: envField.string({
        context: 'server',
        access: 'secret',
        url: true,
        default: 'http://127.0.0.1:1337',
      }),
      STRAPI_PORTAL_TOKEN: envField.string({ context: 'server', access: 'secret', default: '' }),
      STRAPI_TIMEOUT_MS: envField.number({
        context: 'server',
        access: 'secret',
        int: true,
        min: 100,
        default: 4000,
      }),
      // `stream`: Strapi pushes each change (its live endpoint); `poll`: the portal reads the view.
      LIVE_UPSTREAM: envField.enum({
        context: 'server',
        access: 'secret',
        values: ['stream', 'poll'],
        default: 'stream',
      }),
      LIVE_POLL_INTERVAL_MS: envField.number({
        context: 'server',
        access: 'secret',
        int: true,
        min: 250,
        default: 1000,
      }),
      // How long a view from Strapi may be shown again without asking (0: ask every time).
      VIEW_FRESH_MS: envField.number({
        context: 'server',
        access: 'secret',
        int: true,
        min: 0,
        max: 60_000,
        default: 1000,
      }),
      CODE_LOOKUPS_PER_MINUTE: envField.number({
        context: 'server',
        access: 'secret',
        int: true,
        min: 1,
        default: 60,
      }),
    },
  },
});
