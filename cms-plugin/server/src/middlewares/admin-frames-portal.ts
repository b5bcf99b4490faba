import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service.ts';

type Koa = {
  path: string;
  response: { get(name: string): string; set(name: string, value: string): void };
};

/** How long the portal's address is trusted without reading the settings again. */
const SETTINGS_TRUSTED_MS = 30_000;

/** A policy with the origin added to its `frame-src` (created from nothing when absent). */
export function allowFrame(policy: string, origin: string): string {
  const directives = policy
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  const index = directives.findIndex((part) => /^frame-src(\s|$)/i.test(part));
  if (index === -1) directives.push(`frame-src 'self' ${origin}`);
  else if (!directives[index]!.split(/\s+/).includes(origin))
    directives[index] = `${directives[index]} ${origin}`;
  return directives.join(';');
}

/**
 * The admin panel may frame the Enroute portal (the customer page's preview), and only it:
 * Strapi's own policy frames nothing but itself, so the portal's origin from the settings is
 * added to the admin pages' `frame-src`.
 */
export function adminFramesPortal(strapi: Core.Strapi) {
  const adminPath = String(strapi.config.get('admin.path') ?? '/admin');
  let known: { origin: string; at: number } | null = null;
  const portalOrigin = async () => {
    if (known && Date.now() - known.at < SETTINGS_TRUSTED_MS) return known.origin;
    const settings = await getService('settings', { strapi }).read();
    known = { origin: new URL(settings.portalBaseUrl).origin, at: Date.now() };
    return known.origin;
  };
  return async (ctx: Koa, next: () => Promise<void>) => {
    await next();
    if (!ctx.path.startsWith(adminPath)) return;
    const policy = ctx.response.get('content-security-policy');
    if (policy)
      ctx.response.set('content-security-policy', allowFrame(policy, await portalOrigin()));
  };
}
