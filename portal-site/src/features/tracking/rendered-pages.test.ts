import { describe, expect, it } from 'vitest';
import { createRenderedPages } from './rendered-pages.ts';

function renderer() {
  let renders = 0;
  return {
    get renders() {
      return renders;
    },
    page(html: string, status = 200) {
      return async () => {
        renders += 1;
        return new Response(html, { status, headers: { 'content-type': 'text/html' } });
      };
    },
  };
}

describe('rendered code pages', () => {
  it('answers the same view with the page rendered for it, and renders a new view anew', async () => {
    const pages = createRenderedPages();
    const render = renderer();
    const view = { state: 'traveling' };
    const first = await pages.page(view, 'code-1\n', render.page('<p>On the way</p>'));
    const again = await pages.page(view, 'code-1\n', render.page('<p>never rendered</p>'));
    expect(await first.text()).toBe('<p>On the way</p>');
    expect(await again.text()).toBe('<p>On the way</p>');
    expect(again.headers.get('content-type')).toBe('text/html');
    expect(render.renders).toBe(1);

    const changed = { state: 'in-progress' };
    const next = await pages.page(changed, 'code-1\n', render.page('<p>Started</p>'));
    expect(await next.text()).toBe('<p>Started</p>');
    const notice = await pages.page(changed, 'code-1\nthanks', render.page('<p>Thanks</p>'));
    expect(await notice.text()).toBe('<p>Thanks</p>');
    expect(render.renders).toBe(3);
  });

  it('shares one render between requests that overlap', async () => {
    const pages = createRenderedPages();
    const render = renderer();
    const view = {};
    const crowd = await Promise.all(
      Array.from({ length: 10 }, () => pages.page(view, 'v', render.page('<p>Hi</p>'))),
    );
    expect(await Promise.all(crowd.map((response) => response.text()))).toEqual(
      Array.from({ length: 10 }, () => '<p>Hi</p>'),
    );
    expect(render.renders).toBe(1);
  });

  it('keeps no error answer and no answer that sets a cookie', async () => {
    const pages = createRenderedPages();
    const render = renderer();
    const view = {};
    expect((await pages.page(view, 'v', render.page('down', 503))).status).toBe(503);
    expect((await pages.page(view, 'v', render.page('<p>Back</p>'))).status).toBe(200);
    expect(render.renders).toBe(2);

    const cookie = async () =>
      new Response('<p>Hi</p>', { headers: { 'set-cookie': 'session=1' } });
    const other = {};
    await pages.page(other, 'v', cookie);
    const after = await pages.page(other, 'v', render.page('<p>Fresh</p>'));
    expect(await after.text()).toBe('<p>Fresh</p>');
  });

  it('keeps a bounded number of variants per view', async () => {
    const pages = createRenderedPages({ perView: 2 });
    const render = renderer();
    const view = {};
    for (const code of ['a', 'b', 'c']) await pages.page(view, code, render.page(code));
    await pages.page(view, 'c', render.page('c'));
    await pages.page(view, 'a', render.page('a'));
    expect(render.renders).toBe(4);
  });
});
