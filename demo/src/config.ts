import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_BUILD, DEMO, isInRepository } from './paths.ts';
import type { StackOptions } from './stack.ts';
import type { Log } from './processes.ts';

const Port = z.coerce.number().int().min(1).max(65_535);

/**
 * The launcher's settings, all from the environment with embedded defaults: one machine, SQLite,
 * n8n in main mode. ENROUTE_DATABASE=postgres and ENROUTE_N8N_MODE=queue give the configuration
 * for more than one machine (PostgreSQL for Strapi and n8n, Redis for n8n's queue and a worker).
 */
const Env = z.object({
  ENROUTE_HOST: z.string().default('127.0.0.1'),
  ENROUTE_STRAPI_PORT: Port.default(1337),
  ENROUTE_N8N_PORT: Port.default(5678),
  ENROUTE_PORTAL_PORT: Port.default(4321),
  ENROUTE_CAPTURE_PORT: Port.default(8025),
  ENROUTE_SMTP_PORT: Port.default(2525),
  ENROUTE_DATA: z.string().default(path.join(DEMO, 'data')),
  // Inside the repository: the portal's server bundle loads its packages from node_modules.
  ENROUTE_BUILD: z
    .string()
    .default(DEFAULT_BUILD)
    .refine(
      isInRepository,
      'must be a folder inside the repository (node_modules is found from it)',
    ),
  ENROUTE_DATABASE: z.enum(['sqlite', 'postgres']).default('sqlite'),
  DATABASE_HOST: z.string().default('127.0.0.1'),
  DATABASE_PORT: Port.default(5432),
  DATABASE_NAME: z.string().default('enroute'),
  DATABASE_USERNAME: z.string().default('postgres'),
  DATABASE_PASSWORD: z.string().default(''),
  ENROUTE_N8N_MODE: z.enum(['main', 'queue']).default('main'),
  REDIS_HOST: z.string().default('127.0.0.1'),
  REDIS_PORT: Port.default(6379),
});

export function optionsFromEnv(env: NodeJS.ProcessEnv, log: Log): StackOptions {
  const parsed = Env.safeParse(env);
  if (!parsed.success) throw new Error(`Check the environment:\n${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  return {
    host: e.ENROUTE_HOST,
    ports: {
      strapi: e.ENROUTE_STRAPI_PORT,
      n8n: e.ENROUTE_N8N_PORT,
      portal: e.ENROUTE_PORTAL_PORT,
      capture: e.ENROUTE_CAPTURE_PORT,
      smtp: e.ENROUTE_SMTP_PORT,
    },
    dataDir: path.resolve(e.ENROUTE_DATA),
    buildDir: path.resolve(e.ENROUTE_BUILD),
    database:
      e.ENROUTE_DATABASE === 'postgres'
        ? {
            client: 'postgres',
            host: e.DATABASE_HOST,
            port: e.DATABASE_PORT,
            name: e.DATABASE_NAME,
            user: e.DATABASE_USERNAME,
            password: e.DATABASE_PASSWORD,
          }
        : { client: 'sqlite' },
    n8n: { mode: e.ENROUTE_N8N_MODE, redis: { host: e.REDIS_HOST, port: e.REDIS_PORT } },
    demo: true,
    adminPanel: true,
    log,
  };
}
