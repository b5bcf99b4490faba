import type { PortalLookup } from './features/portal-view/portal-view.ts';

declare global {
  namespace App {
    interface Locals {
      /** The code page's view, looked up by the middleware. */
      lookup?: PortalLookup;
    }
  }
}
