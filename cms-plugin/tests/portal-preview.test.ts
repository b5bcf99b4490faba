import { expect, it } from 'vitest';
import {
  AvailablePortalView,
  PortalPreviewLink,
  type PortalPreviewRequest,
} from '../shared/contracts/index.ts';
import { onEveryDatabase } from './support/suite.ts';

const ADMIN_ORIGIN = 'http://127.0.0.1:1337';

onEveryDatabase('portal preview: the customer page of sample data, before saving', (host) => {
  const link = async (request: Partial<PortalPreviewRequest>) => {
    const answer = await host().admin('POST', '/portal-preview', {
      frameAncestor: ADMIN_ORIGIN,
      ...request,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return PortalPreviewLink.parse(answer.body.data);
  };
  /** What the portal gets for the link's token, with its read-only token. */
  const exchange = (url: string) => {
    const token = new URL(url).pathname.replace(/^\/preview\//, '');
    return host().api('GET', `/portal-preview/${token}`, host().tokens.readOnly);
  };

  it('opens the chosen state in the chosen language, with unsaved branding and snippets, framed by the admin only', async () => {
    const preview = await link({
      state: 'traveling',
      locale: 'fr',
      branding: {
        accentColor: '#aa3300',
        backgroundColor: '#ffffff',
        foregroundColor: '#ffffff',
        textColor: '#1a1a1a',
        fontFamily: 'system',
        logoUrl: null,
        headerImageUrl: null,
        footerImageUrl: null,
      },
      snippets: { 'portal.traveling.eta': 'Arrivée estimée (brouillon)' },
    });
    expect(preview.url).toMatch(/^http:\/\/localhost:4321\/preview\/[\w-]+\.[\w-]+$/);
    const answer = await exchange(preview.url);
    expect(answer.status).toBe(200);
    const view = AvailablePortalView.parse(answer.body);
    expect(view).toMatchObject({
      state: 'traveling',
      locale: 'fr',
      branding: { accentColor: '#aa3300' },
      embedding: { frameAncestors: [ADMIN_ORIGIN] },
      technician: { name: 'Jordan Lee' },
    });
    expect(view.snippets['portal.traveling.eta']).toBe('Arrivée estimée (brouillon)');
    expect(view.position).not.toBeNull();
    expect(view.eta).not.toBeNull();
    // Nothing was saved.
    const settings = await host().admin('GET', '/settings');
    expect(
      (settings.body.data as { branding: { accentColor: string } }).branding.accentColor,
    ).not.toBe('#aa3300');

    const completed = AvailablePortalView.parse(
      (await exchange((await link({ state: 'completed', locale: 'en' })).url)).body,
    );
    expect(completed).toMatchObject({ state: 'completed', position: null, technician: null });
    expect(completed.rating.enabled).toBe(true);
  });

  it('refuses an altered token, and a request naming an unknown snippet or locale', async () => {
    const preview = await link({ state: 'scheduled', locale: 'en' });
    const token = new URL(preview.url).pathname.replace(/^\/preview\//, '');
    const [payload, signature] = token.split('.');
    const altered = Buffer.from(
      Buffer.from(payload!, 'base64url').toString().replace('"scheduled"', '"completed"'),
    ).toString('base64url');
    const answer = await host().api(
      'GET',
      `/portal-preview/${altered}.${signature}`,
      host().tokens.readOnly,
    );
    expect(answer.status).toBe(404);
    expect((await host().request('GET', `/api/enroute/portal-preview/${token}`)).status).toBe(401);

    const unknown = await host().admin('POST', '/portal-preview', {
      state: 'scheduled',
      locale: 'fr',
      frameAncestor: ADMIN_ORIGIN,
      snippets: { 'portal.nothing': 'x' },
    });
    expect(unknown.status).toBe(400);
    const klingon = await host().admin('POST', '/portal-preview', {
      state: 'scheduled',
      locale: 'tlh',
      frameAncestor: ADMIN_ORIGIN,
    });
    expect(klingon.status).toBe(400);
  });
});
