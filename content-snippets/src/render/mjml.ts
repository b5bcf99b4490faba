import { createRequire } from 'node:module';
import path from 'node:path';
import type mjml2htmlType from 'mjml';

type Mjml2Html = typeof mjml2htmlType;

const require = createRequire(import.meta.url);
let loaded: Mjml2Html | null = null;

/**
 * MJML, loaded on first use from its own folder. When it is first loaded, mjml reads a
 * `.mjmlconfig` from the process's working directory and requires the packages it lists: a file
 * placed there would run code inside Strapi. Loading it with its own package folder as the working
 * directory (which holds no such file), then going back, leaves nothing for it to find.
 */
export function mjml(): Mjml2Html {
  if (loaded) return loaded;
  const workingDirectory = process.cwd();
  process.chdir(path.dirname(require.resolve('mjml/package.json')));
  try {
    const module = require('mjml') as Mjml2Html | { default: Mjml2Html };
    loaded = typeof module === 'function' ? module : module.default;
  } finally {
    process.chdir(workingDirectory);
  }
  return loaded;
}
