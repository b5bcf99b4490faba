import { defineProject } from 'vitest/config';

// Workspace packages are read from their TypeScript sources (the `source` export condition).
const conditions = ['source', 'module', 'node', 'development|production'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'e2e',
    include: ['**/*.test.ts'],
    // `npm start` and the n8n flows have projects of their own.
    exclude: ['start/**', 'n8n/**', '**/node_modules/**'],
    // The whole stack starts once per file; its parts are separate processes.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 900_000,
  },
});
