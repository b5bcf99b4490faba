import { describe, expect, it } from 'vitest';
import { allowFrame } from './admin-frames-portal.ts';

const STRAPI_POLICY =
  "default-src 'self';base-uri 'self';img-src 'self' data: blob:;object-src 'none';frame-ancestors 'self'";

describe("the admin's policy for framing the portal", () => {
  it("adds a frame-src with the portal's origin when Strapi's policy has none", () => {
    expect(allowFrame(STRAPI_POLICY, 'https://track.example.com')).toBe(
      `${STRAPI_POLICY};frame-src 'self' https://track.example.com`,
    );
  });

  it('adds the origin to an existing frame-src once, leaving the other directives alone', () => {
    const policy = `${STRAPI_POLICY};frame-src 'self' sandbox.embed.apollographql.com`;
    const once = allowFrame(policy, 'http://localhost:4321');
    expect(once).toBe(`${policy} http://localhost:4321`);
    expect(allowFrame(once, 'http://localhost:4321')).toBe(once);
  });
});
