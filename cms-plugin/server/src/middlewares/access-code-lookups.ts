import type { Core } from '@strapi/strapi';
import koa2RateLimit from 'koa2-ratelimit';
import type { PluginConfig } from '../config.ts';
import { errorBody } from '../validation/errors.ts';

const { RateLimit, Stores } = koa2RateLimit;

/**
 * Limits lookups of access codes per client address (`GET /api/enroute/access-codes/:token`), so
 * that tokens cannot be guessed at speed. Behind a reverse proxy, set Strapi's `server.proxy` so
 * that the client's address is the one counted. Counts are kept in this process's memory.
 */
export const accessCodeLookups = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const { max, intervalMs } = strapi
    .plugin('enroute')
    .config<PluginConfig['accessCodeLookups']>('accessCodeLookups');
  return RateLimit.middleware({
    interval: intervalMs,
    max,
    store: new Stores.Memory(),
    keyGenerator: async (ctx) => `enroute-access-code-lookups|${ctx.request.ip}`,
    handler: (ctx) => {
      ctx.status = 429;
      ctx.set('Retry-After', String(Math.ceil(intervalMs / 1000)));
      ctx.body = errorBody(429, 'Too many access code lookups: try again later');
    },
  });
};
