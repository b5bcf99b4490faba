import { beforeAll, expect, it } from 'vitest';
import { AvailablePortalView, UnavailablePortalView } from '../../shared/contracts/portal-view.ts';
import { onEveryDatabase } from '../support/suite.ts';
import {
  actOnCode,
  nearParis,
  portalView,
  postPositions,
  secondsFromNow,
  setStatus,
  trackedBooking,
} from './support.ts';

onEveryDatabase('portal read API: the view of a code, privacy of the position', (host) => {
  beforeAll(async () => {
    const saved = await host().admin('PUT', '/settings', { positionStaleSeconds: 120 });
    expect(saved.status).toBe(200);
  });

  const available = async (code: string, locale?: string) => {
    const answer = await portalView(host(), code, locale);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return AvailablePortalView.parse(answer.body);
  };

  it('shows a scheduled booking in the contact’s language, with no technician, position or ETA', async () => {
    const { code } = await trackedBooking(host(), 'view-scheduled');
    const view = await available(code);
    expect(view).toMatchObject({
      available: true,
      state: 'scheduled',
      locale: 'fr',
      direction: 'ltr',
      booking: {
        number: 'WO-view-scheduled',
        timeZone: 'Europe/Paris',
        serviceType: 'Boiler service',
      },
      serviceAccount: {
        name: 'Boulangerie Martin',
        address: '12 rue de la Paix, Paris',
        location: { lat: 48.8698, lng: 2.3311 },
      },
      technician: null,
      position: null,
      eta: null,
    });
    expect(view.snippets['portal.scheduled.heading']).toBeTruthy();
    expect(view.locales).toContain('ar');
    expect((await available(code, 'ar')).direction).toBe('rtl');
    expect((await available(code, 'de')).locale).toBe('de');
    expect((await available(code, 'xx')).locale).toBe('fr');
  });

  it('counts every view on the access code', async () => {
    const { code } = await trackedBooking(host(), 'view-count');
    await available(code);
    await available(code);
    const rows = await host().database.select(
      `select views, last_viewed_at from enroute_access_codes where token_hash = $1`,
      [(await import('node:crypto')).createHash('sha256').update(code).digest('hex')],
    );
    expect(rows[0]?.views).toBe(2);
    expect(rows[0]?.last_viewed_at).not.toBeNull();
  });

  it('answers unknown, expired and blocked codes alike, with nothing of the booking', async () => {
    const expired = await trackedBooking(host(), 'view-expired');
    const blocked = await trackedBooking(host(), 'view-blocked');
    await actOnCode(host(), expired.booking.documentId, 'expire');
    await actOnCode(host(), blocked.booking.documentId, 'block');

    const answers = await Promise.all(
      ['AAAAAAAAAAAAAAAAAAAAAA', 'unknown', expired.code, blocked.code].map((code) =>
        portalView(host(), code),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      const view = UnavailablePortalView.parse(answer.body);
      expect(view.available).toBe(false);
      expect(JSON.stringify(view)).not.toMatch(/Boulangerie|WO-view|Jordan|rue de la Paix/);
    }
    // The same words for all: the contact's language is not used, which would tell the code exists.
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expect((answers[2]!.body as { locale: string }).locale).toBe('en');
  });

  it('needs the portal token', async () => {
    const { code } = await trackedBooking(host(), 'view-token');
    expect((await host().request('GET', `/api/enroute/portal/${code}`)).status).toBe(401);
  });

  it('shows position and ETA only while traveling, and the technician only on the way and on site', async () => {
    const { booking, code, technician } = await trackedBooking(host(), 'view-traveling');
    await postPositions(host(), technician, { ...nearParis(), recordedAt: secondsFromNow(-5) });
    expect((await available(code)).position).toBeNull();

    await setStatus(host(), booking.documentId, 'traveling');
    const traveling = await available(code);
    expect(traveling.state).toBe('traveling');
    expect(traveling.technician).toEqual({
      name: 'Jordan Lee',
      initials: 'JL',
      photoUrl: null,
      phone: '+14155550100',
    });
    expect(traveling.position).toMatchObject({ lat: 48.8566, lng: 2.3522, stale: false });
    expect(traveling.eta).toMatchObject({ source: 'builtin', fallback: false });
    expect(Date.parse(traveling.eta!.arrivesAt)).toBeGreaterThan(Date.now() - 1000);

    await setStatus(host(), booking.documentId, 'in-progress');
    const onSite = await available(code);
    expect(onSite.technician?.name).toBe('Jordan Lee');
    expect(onSite.position).toBeNull();
    expect(onSite.eta).toBeNull();

    await postPositions(host(), technician, { ...nearParis(1), recordedAt: secondsFromNow(-1) });
    await setStatus(host(), booking.documentId, 'completed');
    const completed = await available(code);
    expect(completed).toMatchObject({ technician: null, position: null, eta: null });
    expect(completed.rating.enabled).toBe(true);
  });

  it('reports a position older than the setting as stale, not as current', async () => {
    const { booking, code, technician } = await trackedBooking(host(), 'view-stale');
    await setStatus(host(), booking.documentId, 'traveling');
    await postPositions(host(), technician, { ...nearParis(), recordedAt: secondsFromNow(-150) });
    expect((await available(code)).position).toMatchObject({ stale: true });

    expect((await host().admin('PUT', '/settings', { positionStaleSeconds: 300 })).status).toBe(
      200,
    );
    expect((await available(code)).position).toMatchObject({ stale: false });
    expect((await host().admin('PUT', '/settings', { positionStaleSeconds: 120 })).status).toBe(
      200,
    );
  });

  it('follows the toggles: hidden name, photo, phone and map', async () => {
    const { booking, code } = await trackedBooking(host(), 'view-toggles');
    await setStatus(host(), booking.documentId, 'traveling');
    const saved = await host().admin('PUT', '/settings', {
      showTechnicianName: false,
      showTechnicianPhone: false,
      showMap: false,
    });
    expect(saved.status).toBe(200);
    const view = await available(code);
    expect(view.technician).toEqual({ name: null, initials: '', photoUrl: null, phone: null });
    expect(view.map.enabled).toBe(false);
    expect(JSON.stringify(view.snippets)).not.toContain('Jordan');
    await host().admin('PUT', '/settings', {
      showTechnicianName: true,
      showTechnicianPhone: true,
      showMap: true,
    });
  });

  it('takes one rating of a completed booking', async () => {
    const { booking, code } = await trackedBooking(host(), 'view-rating');
    const rate = (body: unknown) =>
      host().api('POST', `/portal/${code}/rating`, host().tokens.readOnly, body);
    expect((await rate({ score: 5 })).status).toBe(409);
    await setStatus(host(), booking.documentId, 'completed');
    expect((await rate({ score: 6 })).status).toBe(400);
    expect((await rate({ score: 4, comment: 'On time, thanks' })).status).toBe(201);
    expect((await rate({ score: 1 })).status).toBe(409);
    expect((await available(code)).rating).toEqual({
      enabled: true,
      submitted: { score: 4, comment: 'On time, thanks' },
    });
  });
});
