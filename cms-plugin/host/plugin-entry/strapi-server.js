// Loads the plugin from its TypeScript sources (Node strips the types), so the host runs the
// workspace as it is, without a build.
export { default } from '../../server/src/index.ts';
