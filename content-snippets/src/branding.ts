// The schema is part of the plugin's contracts, where the settings that hold it are defined; the
// renderer that applies it takes it from there (bundled with it into the plugin).
export {
  Branding,
  defaultBranding,
  fontFamilies,
} from '../../cms-plugin/shared/contracts/branding.ts';

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
