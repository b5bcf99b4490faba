import { createRequire, registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * Loads n8n the way the n8n server does for the nodes it runs:
 * - n8n-nodes-base expects its host to provide n8n-core and n8n-workflow; in this package they
 *   sit in our own node_modules, beside the zod 3 that n8n 2.39 is built with;
 * - n8n-workflow ships an ESM and a CommonJS build: everything gets the CommonJS one that
 *   n8n-core uses, so that there is one copy of its classes (errors, node types).
 */
const hostRequire = createRequire(import.meta.url);
const provided = /^(n8n-core|n8n-workflow)(\/|$)/;

let resolvingFromHost = false;
function fromHost(specifier: string): string {
  resolvingFromHost = true;
  try {
    return pathToFileURL(hostRequire.resolve(specifier)).href;
  } finally {
    resolvingFromHost = false;
  }
}

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (resolvingFromHost) return nextResolve(specifier, context);
    const fromNodesBase = context.parentURL?.includes('/node_modules/n8n-nodes-base/');
    if ((provided.test(specifier) && fromNodesBase) || specifier === 'n8n-workflow') {
      return { url: fromHost(specifier), shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});
