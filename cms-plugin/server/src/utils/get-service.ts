import type { Core } from '@strapi/strapi';
import type { Services } from '../services/index.ts';
import { PLUGIN_ID } from './uids.ts';

/** One of the plugin's services, typed from the registry in services/index.ts. */
export function getService<Name extends keyof Services>(
  name: Name,
  { strapi }: { strapi: Core.Strapi },
): Services[Name] {
  return strapi.plugin(PLUGIN_ID).service(name) as Services[Name];
}
