import { describe, expect, it } from 'vitest';
import { messageData } from '../fixtures/message-data.ts';
import { createRenderer } from './renderer.ts';

const MAP = 'https://maps.example.org/static?center=48.86,2.33&markers=48.87,2.34&size=600x300';

describe("the 'on the way' email's map", () => {
  it('shows the static map with alt text when the message carries one', async () => {
    const email = await createRenderer().renderEmail(
      'traveling',
      'fr',
      messageData({ map: { url: MAP } }),
    );
    const image = /<img[^>]*maps\.example\.org[^>]*>/.exec(email.html)?.[0] ?? '';
    expect(image).toContain(`src="${MAP.replaceAll('&', '&amp;')}"`);
    expect(image).toContain('alt="Votre technicien est en route: 12 rue de la Paix, 75002 Paris"');
  });

  it('shows the address and arrival time only without one', async () => {
    const email = await createRenderer().renderEmail('traveling', 'en', messageData());
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('12 rue de la Paix, 75002 Paris');
    expect(email.html).toMatch(/arrive around \d{1,2}:\d{2}/);
  });

  it('refuses a map that is not https', () => {
    const renderer = createRenderer();
    return expect(
      renderer.renderEmail('traveling', 'en', messageData({ map: { url: 'javascript:alert(1)' } })),
    ).rejects.toThrow(/map\.url/);
  });
});
