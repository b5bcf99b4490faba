import { defineProject } from 'vitest/config';

// Workspace packages (the contracts reach @enroute/content) are read from their TypeScript sources.
const conditions = ['source', 'module', 'node', 'development|production'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'eta',
    include: ['**/*.test.ts'],
  },
});
