import { defineProject } from 'vitest/config';

// Workspace packages are read from their TypeScript sources (the `source` export condition).
const conditions = ['source', 'module', 'node', 'development|production'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'cms-plugin',
    include: ['tests/**/*.test.ts', 'server/src/**/*.test.ts', 'shared/**/*.test.ts'],
    // The ETA module has a test project of its own.
    exclude: ['server/src/eta/**', '**/node_modules/**', 'dist/**'],
    // Each file boots a real Strapi (once, shared by its tests); one file at a time keeps the
    // machine responsive.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
