import { referenceScenario } from './reference-scenario.ts';

/**
 * When one machine is not enough: Strapi on PostgreSQL (127.0.0.1:5432), n8n on PostgreSQL in
 * queue mode (Redis at 127.0.0.1:6379, one main, one worker).
 */
referenceScenario('scale');
