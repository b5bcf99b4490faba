import type { APIContext } from 'astro';
import { describe, expect, it } from 'vitest';
import { onRequest } from './middleware.ts';

/** A request through the portal's middleware to a page that answers `answer`. */
async function through(path: string, answer: () => Response): Promise<Response> {
  const url = new URL(path, 'http://portal.example');
  const context = {
    url,
    request: new Request(url),
    params: {},
    routePattern: '',
    clientAddress: '192.0.2.7',
    locals: {},
  } as unknown as APIContext;
  const response = await onRequest(context, async () => answer());
  if (!(response instanceof Response)) throw new Error('the middleware gave no response');
  return response;
}

describe('security headers', () => {
  it.each([
    ['/', 404],
    ['/t/', 404],
    ['/theme.css', 200],
    ['/no-such-page', 404],
  ])('%s carries them, as code pages do', async (path, status) => {
    const response = await through(path, () => new Response('page', { status }));
    expect(response.status).toBe(status);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('keeps the policy a page sets for itself', async () => {
    const own = "default-src 'self'; frame-ancestors https://www.contoso.example";
    const response = await through(
      '/',
      () => new Response('page', { headers: { 'content-security-policy': own } }),
    );
    expect(response.headers.get('content-security-policy')).toBe(own);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
