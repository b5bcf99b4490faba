/**
 * Code pages already rendered, by the view they show. A page is a function of its view, its code
 * and its rating notice, so the HTML rendered for a view answers every later request for that
 * same view: a crowd on one page costs one render per view Strapi gives, not one per visitor. A
 * new view (Strapi changed the booking, or the view's freshness ran out) is a new object and is
 * rendered anew; renders of the same page that overlap share one.
 */
interface RenderedPage {
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
}

/** Statuses worth keeping: the page itself, and the not-available page. */
const KEPT_STATUSES = new Set([200, 404]);

export interface RenderedPagesOptions {
  /** Variants (code and notice) kept per view; the oldest goes first. */
  perView?: number;
}

export function createRenderedPages(options: RenderedPagesOptions = {}) {
  const perView = options.perView ?? 8;
  const byView = new WeakMap<object, Map<string, Promise<RenderedPage | null>>>();

  async function capture(render: () => Promise<Response>): Promise<RenderedPage | Response> {
    const response = await render();
    if (!KEPT_STATUSES.has(response.status) || response.headers.has('set-cookie')) return response;
    const body = new Uint8Array(await response.arrayBuffer());
    // With its length known the page goes out in one write instead of chunks.
    const headers = [...response.headers].filter(([name]) => name !== 'content-length');
    headers.push(['content-length', String(body.byteLength)]);
    return { status: response.status, headers, body };
  }

  return {
    /**
     * The page of `view` for `variant`: rendered by `render` the first time, the same bytes, status
     * and headers every time after. A response that is not a page (an error, a redirect, a cookie)
     * is passed on and not kept.
     */
    async page(view: object, variant: string, render: () => Promise<Response>): Promise<Response> {
      let pages = byView.get(view);
      if (!pages) {
        pages = new Map<string, Promise<RenderedPage | null>>();
        byView.set(view, pages);
      }
      const kept = pages.get(variant);
      if (kept) {
        const page = await kept;
        if (page) return toResponse(page);
        return render();
      }
      const rendering = capture(render);
      const shared = rendering.then(
        (result) => (result instanceof Response ? null : result),
        () => null,
      );
      if (pages.size >= perView) pages.delete(pages.keys().next().value!);
      pages.set(variant, shared);
      void shared.then((page) => {
        if (!page && pages.get(variant) === shared) pages.delete(variant);
      });
      const result = await rendering;
      return result instanceof Response ? result : toResponse(result);
    },
  };
}

function toResponse(page: RenderedPage): Response {
  return new Response(page.body, { status: page.status, headers: page.headers });
}

export type RenderedPages = ReturnType<typeof createRenderedPages>;
