/** The part of koa2-ratelimit (the rate limiter Strapi's own admin login uses) the plugin uses. */
declare module 'koa2-ratelimit' {
  import type { Context, Middleware } from 'koa';

  export interface RateLimitOptions {
    /** Window length in milliseconds. */
    interval: number;
    /** Requests allowed per key and window. */
    max: number;
    prefixKey?: string;
    keyGenerator?: (ctx: Context) => Promise<string>;
    handler?: (ctx: Context) => void;
    store?: Store;
  }

  export class Store {}

  /** A CommonJS module: its parts are reached through the default export. */
  const koa2RateLimit: {
    RateLimit: { middleware(options: RateLimitOptions): Middleware };
    Stores: { Memory: new () => Store };
  };
  export default koa2RateLimit;
}
