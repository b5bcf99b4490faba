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
