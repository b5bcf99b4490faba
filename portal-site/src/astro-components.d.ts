// Plain `tsc` (the typecheck script) does not read .astro files; tests import components through
// this declaration and render them with the container API.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const component: AstroComponentFactory;
  export default component;
}
