/**
 * Whether a form post came from the portal's own pages. Browsers send `Sec-Fetch-Site`; under
 * `Referrer-Policy: no-referrer` they send `Origin: null`, so the origin alone cannot tell.
 */
export function isSameOriginPost(request: Request, ownOrigin: string): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  return request.headers.get('origin') === ownOrigin;
}

/** The form of a post from the portal's own pages, or the answer that refuses a cross-site one. */
export async function ownFormPost(
  request: Request,
  ownOrigin: string,
): Promise<FormData | Response> {
  if (!isSameOriginPost(request, ownOrigin)) {
    return new Response('Cross-site form posts are refused.', { status: 403 });
  }
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}
