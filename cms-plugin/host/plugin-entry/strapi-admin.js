// The admin panel's entry for the plugin, from its TypeScript sources (the admin build bundles them).
export { default } from '../../admin/src/index.ts';
