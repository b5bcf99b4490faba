import { createRenderer, type Renderer, type RendererContent } from '@enroute/content';

const renderers = new Map<string, Renderer>();

/**
 * One renderer per CMS and locale, kept between executions: compiled templates are reused as
 * long as the snippets version and branding stay the same, and recompiled when they change.
 */
export function rendererFor(cms: string, locale: string, content: RendererContent): Renderer {
  const key = `${cms}|${locale}`;
  let renderer = renderers.get(key);
  if (!renderer) {
    renderer = createRenderer(content);
    renderers.set(key, renderer);
  } else {
    renderer.update(content);
  }
  return renderer;
}
