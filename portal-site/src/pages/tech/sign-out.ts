import type { APIRoute } from 'astro';
import { isSameOriginPost } from '../../features/security/same-origin.ts';
import { HOME_PATH, isValidCsrf } from '../../features/technician/technician-app.ts';
import { forgetSession, sessionOf } from '../../features/technician/technician-page.server.ts';
import { technicianClient } from '../../server/services.ts';

/** Ends the session in Strapi and forgets the cookie. */
export const POST: APIRoute = async ({ request, cookies, url, redirect }) => {
  const session = sessionOf(cookies);
  if (session) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      form = new FormData();
    }
    if (!isSameOriginPost(request, url.origin) || !isValidCsrf(session, form.get('csrf'))) {
      return new Response('This form has expired. Go back and try again.', { status: 403 });
    }
    const ended = await technicianClient.signOut(session);
    if (!ended.ok && ended.status !== 401) console.error(`sign-out failed: ${ended.reason}`);
  }
  forgetSession(cookies);
  return redirect(HOME_PATH, 303);
};
