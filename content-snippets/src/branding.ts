import { z } from 'zod';

const Colour = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour such as #0a5ad4');
const ImageUrl = z.url({ protocol: /^https$/ }).nullable();

/** Display settings: what the portal and every email are branded with. */
export const Branding = z.object({
  fontFamily: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\w\s,'"-]+$/, 'must be a CSS font-family list such as "Inter, Arial, sans-serif"'),
  /** Body text. */
  textColor: Colour,
  /** Page background around the content. */
  backgroundColor: Colour,
  /** Surface the content sits on (cards, email body). */
  foregroundColor: Colour,
  /** Buttons, links and the technician's marker. */
  accentColor: Colour,
  logoUrl: ImageUrl,
  headerImageUrl: ImageUrl,
  footerImageUrl: ImageUrl,
});
export type Branding = z.infer<typeof Branding>;

export const defaultBranding: Branding = {
  fontFamily: 'Helvetica, Arial, sans-serif',
  textColor: '#1f2933',
  backgroundColor: '#eef2f6',
  foregroundColor: '#ffffff',
  accentColor: '#0a5ad4',
  logoUrl: null,
  headerImageUrl: null,
  footerImageUrl: null,
};

/** Black or white, whichever reads better on the given colour (WCAG relative luminance). */
export function readableTextOn(background: string): '#000000' | '#ffffff' {
  const hex =
    background.length === 4
      ? [...background.slice(1)].map((c) => c + c).join('')
      : background.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast against white is (1.05)/(L+0.05); against black (L+0.05)/0.05; pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#000000';
}
