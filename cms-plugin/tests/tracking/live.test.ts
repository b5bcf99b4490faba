import { afterAll, beforeAll, expect, it } from 'vitest';
import { onEveryDatabase } from '../support/suite.ts';
import { startHost, type Host } from '../support/host.ts';
import { openEventStream } from './event-stream.ts';
import {
  actOnCode,
  nearParis,
  postPositions,
  secondsFromNow,
  setStatus,
  trackedBooking,
} from './support.ts';

onEveryDatabase('live updates: one stream per booking, pushed on every change', (host) => {
  const stream = (code: string, on: Host = host()) =>
    openEventStream(`${on.url}/api/enroute/portal/${code}/live`, host().tokens.readOnly);

  it('pushes positions, then the end of the trip, to an open stream', async () => {
    const { booking, code, technician } = await trackedBooking(host(), 'live-trip');
    await setStatus(host(), booking.documentId, 'traveling');
    const live = await stream(code);
    expect(live.status).toBe(200);
    expect(live.contentType).toMatch(/^text\/event-stream/);
    const first = await live.next();
    expect(first).toMatchObject({
      event: 'update',
      update: { state: 'traveling', position: null },
    });

    await postPositions(host(), technician, {
      ...nearParis(1),
      accuracy: 5,
      recordedAt: secondsFromNow(-2),
    });
    const moved = await live.next();
    expect(moved).toMatchObject({
      event: 'update',
      update: {
        state: 'traveling',
        position: { lat: 48.8576, lng: 2.3522, accuracy: 5, stale: false },
      },
    });
    // The first position of the trip gives the first ETA.
    const withEta = moved.event === 'update' && moved.update.eta ? moved : await live.next();
    expect(withEta).toMatchObject({ update: { eta: { source: 'builtin', fallback: false } } });

    await setStatus(host(), booking.documentId, 'in-progress');
    expect(await live.next()).toMatchObject({
      event: 'update',
      update: { state: 'in-progress', position: null, eta: null },
    });
    expect(await live.next()).toEqual({ event: 'end' });
    await live.closed;
  });

  it('carries a position placed by hand in the admin like one from the app', async () => {
    const { booking, code } = await trackedBooking(host(), 'live-manual');
    await setStatus(host(), booking.documentId, 'traveling');
    const live = await stream(code);
    expect(await live.next()).toMatchObject({ event: 'update', update: { position: null } });
    const [resource] = await host().database.select(
      'select document_id from enroute_resources where external_id = $1',
      ['tech-live-manual'],
    );
    const placed = await host().admin('POST', '/positions', {
      resourceId: resource?.document_id,
      lat: 48.86,
      lng: 2.34,
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    let event = await live.next();
    while (event.event === 'update' && event.update.position === null) event = await live.next();
    expect(event).toMatchObject({ update: { position: { lat: 48.86, lng: 2.34, stale: false } } });
    live.close();
  });

  it('answers a booking that is not traveling with its state and the end', async () => {
    const { code } = await trackedBooking(host(), 'live-scheduled');
    const live = await stream(code);
    expect(await live.next()).toMatchObject({
      event: 'update',
      update: { state: 'scheduled', position: null },
    });
    expect(await live.next()).toEqual({ event: 'end' });
  });

  it('answers 404 for an unknown code, and ends the stream of a code that gets blocked', async () => {
    expect((await stream('AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    const { booking, code } = await trackedBooking(host(), 'live-blocked');
    await setStatus(host(), booking.documentId, 'traveling');
    const live = await stream(code);
    expect(await live.next()).toMatchObject({ event: 'update' });
    await actOnCode(host(), booking.documentId, 'block');
    expect(await live.next()).toEqual({ event: 'end' });
  });

  it('turns a position stale on the open stream as it ages, without a new post', async () => {
    expect((await host().admin('PUT', '/settings', { positionStaleSeconds: 10 })).status).toBe(200);
    const { booking, code, technician } = await trackedBooking(host(), 'live-stale');
    await setStatus(host(), booking.documentId, 'traveling');
    await postPositions(host(), technician, { ...nearParis(), recordedAt: secondsFromNow(-8) });
    const live = await stream(code);
    let event = await live.next();
    while (event.event === 'update' && event.update.position?.stale !== false)
      event = await live.next();
    let stale = await live.next(6_000);
    while (stale.event === 'update' && stale.update.position?.stale === false)
      stale = await live.next(6_000);
    expect(stale).toMatchObject({
      event: 'update',
      update: { state: 'traveling', position: { stale: true } },
    });
    live.close();
    expect((await host().admin('PUT', '/settings', { positionStaleSeconds: 120 })).status).toBe(
      200,
    );
  });

  describe2ndInstance();

  function describe2ndInstance() {
    let second: Host | undefined;
    beforeAll(async () => {
      second = await startHost({ database: host().database });
    });
    afterAll(async () => {
      await second?.stop();
    });

    it('carries a change made through another Strapi instance on the same database', async () => {
      const { booking, code, technician } = await trackedBooking(host(), 'live-two');
      await setStatus(host(), booking.documentId, 'traveling');
      const live = await stream(code, second);
      expect(await live.next()).toMatchObject({ event: 'update', update: { state: 'traveling' } });
      await postPositions(host(), technician, { ...nearParis(3), recordedAt: secondsFromNow(-1) });
      let event = await live.next();
      while (event.event === 'update' && event.update.position === null) event = await live.next();
      expect(event).toMatchObject({ update: { position: { lat: 48.8596, stale: false } } });
      live.close();
    });
  }
});
