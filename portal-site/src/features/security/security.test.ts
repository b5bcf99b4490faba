import { describe, expect, it } from 'vitest';
import type { AvailablePortalView } from '@enroute/contracts';
import { portalViewFixture } from '../portal-view/fixtures/views.ts';
import { codePageSources } from './code-page-sources.ts';
import {
  contentSecurityPolicy,
  SELF_ONLY,
  sourceHeaders,
  tileHostSource,
} from './content-security-policy.ts';
import { createRateLimiter } from './rate-limit.ts';
import { isSameOriginPost } from './same-origin.ts';

function directive(policy: string, name: string): string[] {
  const found = policy.split('; ').find((part) => part.startsWith(`${name} `));
  return found ? found.split(' ').slice(1) : [];
}

describe('content security policy of a code page', () => {
  const policy = contentSecurityPolicy({
    tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    frameUrls: ['https://forms.example.com/s/123?x=1'],
    imageUrls: ['https://cdn.contoso.example/logo.png', 'javascript:alert(1)'],
    frameAncestors: [],
  });

  it('allows scripts and styles from the portal only', () => {
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(directive(policy, 'style-src')).toEqual(["'self'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
  });

  it('allows the tile host and the branding image hosts for images', () => {
    expect(directive(policy, 'img-src')).toEqual(
      expect.arrayContaining(['https://tile.openstreetmap.org', 'https://cdn.contoso.example']),
    );
    expect(policy).not.toContain('javascript');
  });

  it('frames the survey host only, and nothing when there is no survey', () => {
    expect(directive(policy, 'frame-src')).toEqual(['https://forms.example.com']);
    const none = contentSecurityPolicy(SELF_ONLY);
    expect(directive(none, 'frame-src')).toEqual(["'none'"]);
    expect(directive(none, 'img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('refuses to be framed unless the settings name the sites that may embed it', () => {
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(sourceHeaders(SELF_ONLY)['x-frame-options']).toBe('DENY');

    const embeddable = sourceHeaders({
      ...SELF_ONLY,
      frameAncestors: ['https://www.contoso.example', 'https://*.Contoso.example', "'self' *"],
    });
    expect(directive(embeddable['content-security-policy']!, 'frame-ancestors')).toEqual([
      'https://www.contoso.example',
      'https://*.contoso.example',
    ]);
    expect(embeddable['x-frame-options']).toBeUndefined();
  });

  it('takes its sources from the view: tiles, survey hosts, images, embedding sites', () => {
    const completed = portalViewFixture('completed-survey', 'en') as AvailablePortalView;
    const sources = codePageSources({
      ...completed,
      survey: {
        url: 'https://forms.example.com/s/1',
        allowedHosts: ['forms.example.com', 'login.forms.example.com'],
      },
      embedding: { frameAncestors: ['https://www.contoso.example'] },
    });
    expect(sources).toMatchObject({
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      imageUrls: ['https://cdn.contoso.example/logo.png'],
      frameAncestors: ['https://www.contoso.example'],
    });
    expect(sources.frameUrls).toEqual([
      'https://forms.example.com',
      'https://login.forms.example.com',
    ]);
    const foreign = codePageSources({
      ...completed,
      survey: { url: 'https://evil.example/s', allowedHosts: ['forms.example.com'] },
    });
    expect(foreign.frameUrls).toEqual([]);
    const unavailable = codePageSources(portalViewFixture('unavailable', 'en'));
    expect(unavailable).toMatchObject({ tileUrl: null, frameUrls: [], frameAncestors: [] });
  });

  it('turns tile templates into host sources', () => {
    expect(tileHostSource('https://{a-c}.tile.example.org/{z}/{x}/{y}.png')).toBe(
      'https://*.tile.example.org',
    );
    expect(tileHostSource('http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png')).toBe(
      'http://127.0.0.1:8080',
    );
    expect(tileHostSource('https://tiles.{s}.example.org/{z}.png')).toBeNull();
    expect(tileHostSource("https://x.org'; script-src *")).toBeNull();
  });
});

describe('rate limit on code lookups', () => {
  it('lets a client make `limit` lookups per window, then tells it when to retry', () => {
    let time = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => time });
    expect([1, 2, 3].map(() => limiter.take('198.51.100.7').allowed)).toEqual([true, true, true]);
    const refused = limiter.take('198.51.100.7');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(limiter.take('203.0.113.9').allowed).toBe(true);
    time = 20_000;
    expect(limiter.take('198.51.100.7').allowed).toBe(true);
    expect(limiter.take('198.51.100.7').allowed).toBe(false);
  });

  it('forgets clients whose bucket is full again', () => {
    let time = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: () => time, maxTracked: 2 });
    limiter.take('a');
    limiter.take('b');
    time = 5000;
    limiter.take('c');
    expect(limiter.tracked).toBe(1);
  });
});

describe('same-origin form posts', () => {
  const post = (headers: Record<string, string>) =>
    new Request('http://portal.test/t/code/rating', { method: 'POST', headers });

  it('accepts the portal own pages, even with Origin: null', () => {
    expect(
      isSameOriginPost(
        post({ 'sec-fetch-site': 'same-origin', origin: 'null' }),
        'http://portal.test',
      ),
    ).toBe(true);
    expect(isSameOriginPost(post({ origin: 'http://portal.test' }), 'http://portal.test')).toBe(
      true,
    );
  });

  it('refuses other sites and posts that say nothing of where they come from', () => {
    expect(isSameOriginPost(post({ 'sec-fetch-site': 'cross-site' }), 'http://portal.test')).toBe(
      false,
    );
    expect(isSameOriginPost(post({ 'sec-fetch-site': 'same-site' }), 'http://portal.test')).toBe(
      false,
    );
    expect(isSameOriginPost(post({ origin: 'https://evil.example' }), 'http://portal.test')).toBe(
      false,
    );
    expect(isSameOriginPost(post({}), 'http://portal.test')).toBe(false);
  });
});
