import { createRequire } from 'node:module';
import type { errors as StrapiErrors } from '@strapi/utils';

/**
 * Strapi's error classes, from the CommonJS build that Strapi itself runs: its error middleware
 * recognises them with `instanceof`, which a second (ESM) copy would not pass.
 */
export const { errors } = createRequire(import.meta.url)('@strapi/utils') as {
  errors: typeof StrapiErrors;
};
