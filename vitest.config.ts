import { defineConfig } from 'vitest/config';

// One `vitest run` at the root runs every package's tests and the cross-package tests in test/.
// Each package with tests ships its own vitest.config.ts; the root only gathers them.
export default defineConfig({
  test: {
    projects: [
      '*/vitest.config.ts',
      'test/n8n/vitest.config.ts',
      'cms-plugin/server/src/eta/vitest.config.ts',
      'test/start/vitest.config.ts',
    ],
    passWithNoTests: true,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
