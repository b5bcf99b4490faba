import { createRequire, registerHooks } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Starts the host app: `node host/start.js`, configured from the environment.
 * Workspace packages resolve to their TypeScript sources (the `source` export condition),
 * so the host runs the repository as it stands, without a build. The hook adds the condition
 * for them alone: Strapi's own packages also declare a `source` export, to files they do not
 * publish, so `node --conditions=source start.js` would not start.
 *
 * ENROUTE_HOST_APP_DIR names another app folder to run in: one whose package.json, config,
 * src and plugin-entry are links to this folder's, with an admin panel and uploads of its own
 * (so that a build there leaves host/build alone).
 */
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('@enroute/')) {
      return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'source'] });
    }
    return nextResolve(specifier, context);
  },
});

const appDir = process.env.ENROUTE_HOST_APP_DIR
  ? path.resolve(process.env.ENROUTE_HOST_APP_DIR)
  : path.dirname(fileURLToPath(import.meta.url));
process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';

// Strapi's ESM build does not load under Node's own ESM resolution; its CommonJS build does.
const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi');
await createStrapi({ appDir, distDir: appDir }).start();
