import type { APIRoute } from 'astro';
import { isSameOriginPost } from '../../features/security/same-origin.ts';
import { isValidCsrf } from '../../features/technician/technician-app.ts';
import { sessionOf } from '../../features/technician/technician-page.server.ts';
import { technicianClient } from '../../server/services.ts';

const MAX_BODY = 64_000;

/**
 * The phone's positions, passed on to Strapi's ingest with the technician's session: the browser
 * never holds a token it could leak, only the httpOnly cookie and the page's CSRF token.
 */
export const POST: APIRoute = async ({ request, cookies, url }) => {
  const session = sessionOf(cookies);
  if (!session) return new Response(null, { status: 401 });
  if (
    !isSameOriginPost(request, url.origin) ||
    !isValidCsrf(session, request.headers.get('x-csrf-token'))
  ) {
    return new Response(null, { status: 403 });
  }
  const text = await request.text();
  if (text.length > MAX_BODY) return new Response(null, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(null, { status: 400 });
  }
  const posted = await technicianClient.postPositions(session, body);
  const status = posted.ok ? 204 : posted.status === 0 ? 502 : posted.status;
  return new Response(null, { status });
};
