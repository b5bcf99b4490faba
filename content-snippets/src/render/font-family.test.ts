import { describe, expect, it } from 'vitest';
import { Branding, defaultBranding } from '../branding.ts';
import { messageData } from '../fixtures/message-data.ts';
import { createRenderer } from './renderer.ts';

/** A font stack the settings accept is one every message renders with. */
describe('font stacks in the branding', () => {
  const accepted = [
    "'Segoe UI', Arial, sans-serif",
    '"Segoe UI", Arial',
    '"Helvetica Neue",Helvetica,Arial,sans-serif',
    'system-ui, -apple-system, "Segoe UI", Roboto',
    'Georgia',
  ];

  it.each(accepted)('renders every message with %s', async (fontFamily) => {
    expect(Branding.shape.fontFamily.safeParse(fontFamily).success).toBe(true);
    const renderer = createRenderer({ branding: { ...defaultBranding, fontFamily } });
    const email = await renderer.renderEmail('reminder', 'en', messageData());
    const sms = await renderer.renderSms('reminder', 'en', messageData());
    expect(sms.body).toContain('https://');
    const families = fontFamily.split(',').map((name) => name.trim().replace(/^['"]|['"]$/g, ''));
    const declared = /font-family:([^;"]+)/.exec(email.html)?.[1] ?? '';
    expect(declared.split(',').map((name) => name.trim().replace(/^['"]|['"]$/g, ''))).toEqual(
      families,
    );
  });

  it.each([
    ['unbalanced quotes', `'Segoe UI", Arial`],
    ['a name starting with a digit', '3Dumb Sans, Arial'],
    ['an empty name', 'Arial,, sans-serif'],
    ['markup', 'Arial"><script>'],
  ])('refuses %s', (_why, fontFamily) => {
    const parsed = Branding.safeParse({ ...defaultBranding, fontFamily });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['fontFamily']);
  });
});
