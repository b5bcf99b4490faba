import { createRenderer, type Locale, type Renderer, type RendererContent } from '@enroute/content';
import type { Branding, SnippetSet } from '../../../shared/contracts/index.ts';
import type { TemplateSet } from '../templates/service.ts';

/** What a locale's messages are made of: its snippets and templates, each over the defaults. */
export type LocaleContent = { snippets: SnippetSet; templates: TemplateSet };

/**
 * The one way stored content becomes a renderer's content: every message (event, scheduled run,
 * retry) and the admin preview render through it.
 */
export function rendererContent(
  locale: Locale,
  content: LocaleContent,
  branding: Branding,
): RendererContent {
  return {
    snippets: { [locale]: content.snippets.values },
    snippetsVersion: content.snippets.version,
    templates: content.templates.templates,
    templatesVersion: content.templates.version,
    branding,
  };
}

/**
 * One renderer per locale, kept for the life of the process: a message's templates are compiled
 * once and each recipient costs one interpolation; a change of snippets or templates (their
 * versions) or of branding recompiles them.
 */
export function createRendererCache() {
  const renderers = new Map<Locale, Renderer>();
  return {
    forLocale(locale: Locale, content: LocaleContent, branding: Branding): Renderer {
      const next = rendererContent(locale, content, branding);
      const found = renderers.get(locale);
      if (found) {
        found.update(next);
        return found;
      }
      const renderer = createRenderer(next);
      renderers.set(locale, renderer);
      return renderer;
    },
  };
}

export type RendererCache = ReturnType<typeof createRendererCache>;
