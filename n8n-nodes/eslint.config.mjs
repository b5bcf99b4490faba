import { config } from '@n8n/node-cli/eslint';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// n8n's community-node rules, n8n Cloud's included, for the package's nodes and credentials;
// the tests, scripts, benchmark and support code follow the repository's own lint config.
export default [
  {
    ignores: [
      'dist/**',
      'test/**',
      'scripts/**',
      'bench/**',
      '**/*.test.ts',
      'vitest.config.ts',
      'eslint.config.mjs',
    ],
  },
  ...config,
  {
    // Workspace packages resolve to their TypeScript sources, as in tsc and vitest.
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          conditionNames: ['source', 'import', 'require', 'node', 'default'],
        }),
      ],
    },
  },
  {
    // The plugin's settings hold the webhook URL: there is no remote webhook to register.
    files: ['nodes/EnrouteTrigger/EnrouteTrigger.node.ts'],
    rules: { '@n8n/community-nodes/webhook-lifecycle-complete': 'off' },
  },
  {
    // A versioned node's icon is on its base description (nodes/Enroute/Enroute.node.ts): an
    // icon path in a version's file would resolve against the bundle in dist/, not this folder.
    files: ['nodes/Enroute/v*/*.node.ts'],
    rules: { '@n8n/community-nodes/icon-validation': 'off' },
  },
];
