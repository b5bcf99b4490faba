import { createRequire } from 'node:module';
import { defineProject } from 'vitest/config';

const require = createRequire(import.meta.url);
// Workspace packages are read from their TypeScript sources (the `source` export condition).
const conditions = ['source', 'module', 'node', 'development|production'];

export default defineProject({
  resolve: {
    conditions,
    // One copy of n8n-workflow for our nodes and n8n's engine: the CommonJS build that n8n loads.
    alias: { 'n8n-workflow': require.resolve('n8n-workflow') },
  },
  ssr: { resolve: { conditions } },
  test: {
    name: 'n8n-nodes',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    setupFiles: ['./support/n8n-host-resolution.ts'],
    testTimeout: 30_000,
  },
});
