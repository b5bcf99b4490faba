import type { APIRoute } from 'astro';
import { brandingFromThemeQuery, themeCss } from '../features/branding/branding.ts';

/** The brand's colours and font as custom properties; the URL carries the branding. */
export const GET: APIRoute = ({ url }) => {
  const branding = brandingFromThemeQuery(url.searchParams.get('b'));
  if (!branding) return new Response('/* unknown theme */', { status: 400 });
  return new Response(themeCss(branding), {
    headers: {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
    },
  });
};
