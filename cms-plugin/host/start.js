import { createRequire, registerHooks } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Starts the host app: `node host/start.js`, configured from the environment.
 * Workspace packages resolve to their TypeScript sources (the `source` export condition),
 * so the host runs the repository as it stands, without a build.
 */
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('@enroute/')) {
      return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'source'] });
    }
    return nextResolve(specifier, context);
  },
});

const appDir = path.dirname(fileURLToPath(import.meta.url));
process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';

// Strapi's ESM build does not load under Node's own ESM resolution; its CommonJS build does.
const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi');
await createStrapi({ appDir, distDir: appDir }).start();
