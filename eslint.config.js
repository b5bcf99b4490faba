import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Generated output (builds, Strapi's admin build and its generated client, test artifacts,
    // demo data) is not linted, so a second `npm test` after a run sees what the first saw.
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.astro/**',
      '**/.tmp/**',
      '**/coverage/**',
      'cms-plugin/host/build/**',
      'cms-plugin/host/.strapi/**',
      'cms-plugin/host/database/**',
      'cms-plugin/host/types/**',
      'demo/data/**',
      '**/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
