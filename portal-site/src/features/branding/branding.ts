import { readableTextOn } from '@enroute/content';
import { Branding } from '@enroute/contracts';

/**
 * The brand reaches the page as an external stylesheet whose URL carries the (validated)
 * branding, so that the Content-Security-Policy needs no inline styles and a change of branding
 * in Strapi shows on the next page load (a new URL).
 */
export const THEME_PATH = '/theme.css';

const SAFE_FONT_FAMILY = /^[\w\s,'"-]+$/;
const FALLBACK_FONT = 'system-ui, sans-serif';

export function themeHref(branding: Branding): string {
  const json = JSON.stringify(branding);
  return `${THEME_PATH}?b=${Buffer.from(json, 'utf8').toString('base64url')}`;
}

export function brandingFromThemeQuery(value: string | null): Branding | null {
  if (!value || value.length > 4000) return null;
  try {
    const parsed = Branding.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function themeCss(branding: Branding): string {
  const font = SAFE_FONT_FAMILY.test(branding.fontFamily) ? branding.fontFamily : FALLBACK_FONT;
  return [
    ':root {',
    `  --brand-font: ${font};`,
    `  --brand-text: ${branding.textColor};`,
    `  --brand-background: ${branding.backgroundColor};`,
    `  --brand-surface: ${branding.foregroundColor};`,
    `  --brand-accent: ${branding.accentColor};`,
    `  --brand-on-accent: ${readableTextOn(branding.accentColor)};`,
    '}',
    '',
  ].join('\n');
}

/** Origins of the branding images, for the page's img-src. */
export function brandingImageUrls(branding: Branding): string[] {
  return [branding.logoUrl, branding.headerImageUrl, branding.footerImageUrl].filter(
    (url): url is string => url !== null,
  );
}
