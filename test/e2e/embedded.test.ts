import { referenceScenario } from './reference-scenario.ts';

/** One machine, embedded defaults: Strapi on SQLite, n8n in main mode on SQLite. */
referenceScenario('embedded');
