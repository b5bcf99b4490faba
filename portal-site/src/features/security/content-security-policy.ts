/**
 * Security headers of a code page: a Content-Security-Policy that allows everything from the
 * portal itself, map tiles from the configured tile host, images from the branding and
 * technician photo hosts, the survey iframe from the allowlisted survey hosts only, and framing
 * of the portal by the sites the settings allow (none by default).
 */
export interface CodePageSources {
  /** XYZ template of the map tiles, or null when the map is off. */
  tileUrl: string | null;
  /** Pages the code page may frame (the survey and its allowlisted hosts); none when empty. */
  frameUrls: readonly string[];
  imageUrls: readonly string[];
  /** `frame-ancestors` sources: the sites that may embed the page; none when empty. */
  frameAncestors: readonly string[];
  /** Vite's dev server injects styles inline; never true in a build. */
  dev?: boolean;
}

/** What a page that says nothing of its sources gets: only itself, and never framed. */
export const SELF_ONLY: CodePageSources = {
  tileUrl: null,
  frameUrls: [],
  imageUrls: [],
  frameAncestors: [],
};

export function contentSecurityPolicy(sources: CodePageSources): string {
  const images = new Set(["'self'", 'data:', 'blob:']);
  const tileHost = sources.tileUrl ? tileHostSource(sources.tileUrl) : null;
  if (tileHost) images.add(tileHost);
  for (const url of sources.imageUrls) {
    const origin = httpOrigin(url);
    if (origin) images.add(origin);
  }
  const frames = new Set(
    sources.frameUrls.map(httpOrigin).filter((origin): origin is string => origin !== null),
  );
  const ancestors = frameAncestorSources(sources.frameAncestors);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': sources.dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'img-src': [...images],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'frame-src': frames.size > 0 ? [...frames] : ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ancestors.length > 0 ? ancestors : ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * The headers that depend on the page's sources. `X-Frame-Options` cannot name sites, so it is
 * sent (as DENY, for browsers that predate `frame-ancestors`) only when nobody may frame the page.
 */
export function sourceHeaders(sources: CodePageSources): Record<string, string> {
  const policy = contentSecurityPolicy(sources);
  return frameAncestorSources(sources.frameAncestors).length > 0
    ? { 'content-security-policy': policy }
    : { 'content-security-policy': policy, 'x-frame-options': 'DENY' };
}

const FRAME_ANCESTOR = /^https?:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?$/;

/** Only origins (optionally `*.` for subdomains) ever reach `frame-ancestors`. */
function frameAncestorSources(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.trim().toLowerCase()))].filter((value) =>
    FRAME_ANCESTOR.test(value),
  );
}

/**
 * The CSP host source of an XYZ template: `https://{a-c}.tile.example.org/{z}/{x}/{y}.png`
 * gives `https://*.tile.example.org`. Null when the template is not an http(s) URL.
 */
export function tileHostSource(template: string): string | null {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(template);
  if (!match) return null;
  const [, scheme, host = ''] = match;
  const wildcarded = host.replace(/\{[^}]*\}/g, '*');
  if (wildcarded.includes('*') && !/^\*\.[^*]+$/.test(wildcarded)) {
    // A placeholder anywhere but the first label cannot be expressed as a host source.
    return null;
  }
  if (!/^[\w*.-]+(?::\d+)?$/.test(wildcarded)) return null;
  return `${scheme!.toLowerCase()}://${wildcarded.toLowerCase()}`;
}

function httpOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Headers every response of the portal carries, whatever its answer. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

/** Headers every code page and code route carries, whatever its answer: never cached. */
export const CODE_PAGE_HEADERS: Readonly<Record<string, string>> = {
  ...PAGE_HEADERS,
  'cache-control': 'private, no-store',
};
