import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';
import { defineProject } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// getViteConfig gives the tests Astro's compiler, so pages render through the container API.
export default getViteConfig(
  defineProject({
    test: {
      name: 'portal',
      root,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    },
  }),
  { root },
);
