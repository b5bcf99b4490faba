import { createRenderer, type Locale, type Renderer } from '@enroute/content';
import type { Branding, SnippetSet } from '../../../shared/contracts/index.ts';

/**
 * One renderer per locale, kept for the life of the process: a message's templates are compiled
 * once and each recipient costs one interpolation; a change of snippets (their version) or of
 * branding recompiles them.
 */
export function createRendererCache() {
  const renderers = new Map<Locale, Renderer>();
  return {
    forLocale(locale: Locale, snippets: SnippetSet, branding: Branding): Renderer {
      const content = {
        snippets: { [locale]: snippets.values },
        snippetsVersion: snippets.version,
        branding,
      };
      const found = renderers.get(locale);
      if (found) {
        found.update(content);
        return found;
      }
      const renderer = createRenderer(content);
      renderers.set(locale, renderer);
      return renderer;
    },
  };
}

export type RendererCache = ReturnType<typeof createRendererCache>;
