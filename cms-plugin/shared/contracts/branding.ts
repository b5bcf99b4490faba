import { z } from 'zod';

const Colour = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour such as #0a5ad4');
const ImageUrl = z.url({ protocol: /^https$/ }).nullable();

/** One family name of a font stack, quoted or not: words that start with a letter. */
const FAMILY = /^(['"]?)(-?[A-Za-z_][\w-]*(?:\s+-?[A-Za-z_][\w-]*)*)\1$/;

/**
 * The family names of a CSS font stack (`'Segoe UI', Arial` gives `Segoe UI` and `Arial`), or
 * null when a name is not one. Every such name is valid CSS unquoted, so the stack can be written
 * anywhere (an HTML attribute, a style sheet) without quotes to escape.
 */
export function fontFamilies(stack: string): string[] | null {
  const names = stack.split(',').map((name) => FAMILY.exec(name.trim())?.[2]);
  return names.every((name) => name !== undefined) ? (names as string[]) : null;
}

/** Display settings: what the portal and every email are branded with. */
export const Branding = z.object({
  fontFamily: z
    .string()
    .min(1)
    .max(200)
    .refine((stack) => fontFamilies(stack) !== null, {
      message:
        'must be a CSS font-family list such as "\'Segoe UI\', Arial, sans-serif": names of words that start with a letter, quoted or not, separated by commas',
    }),
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
