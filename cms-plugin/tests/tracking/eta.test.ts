import { afterAll, beforeAll, expect, it } from 'vitest';
import { AvailablePortalView } from '../../shared/contracts/portal-view.ts';
import {
  startProviderServer,
  type ProviderServer,
} from '../../server/src/eta/test-support/provider-server.ts';
import { onEveryDatabase } from '../support/suite.ts';
import { openEventStream } from './event-stream.ts';
import {
  nearParis,
  portalView,
  postPositions,
  secondsFromNow,
  setStatus,
  trackedBooking,
} from './support.ts';

/** An OSRM route answer (osrm-routed's documented format): 12 minutes, 4.2 km. */
const OSRM_ROUTE = {
  code: 'Ok',
  routes: [{ duration: 720, distance: 4200, legs: [], weight: 720, weight_name: 'routability' }],
  waypoints: [],
};

onEveryDatabase(
  'ETA: stored on the booking, from the configured provider or the built-in',
  (host) => {
    let osrm: ProviderServer;

    beforeAll(async () => {
      osrm = await startProviderServer(() => ({ body: OSRM_ROUTE }));
    });
    afterAll(async () => {
      await host().admin('PUT', '/settings', { etaProvider: 'builtin', etaProviderUrl: null });
      await osrm.close();
    });

    const etaRow = async (bookingId: string) =>
      (
        await host().database.select(
          'select eta_arrives_at, eta_computed_at, eta_source, eta_fallback from enroute_bookings where document_id = $1',
          [bookingId],
        )
      )[0]!;

    const view = async (code: string) =>
      AvailablePortalView.parse((await portalView(host(), code)).body);

    it('computes the built-in ETA with the first position of a trip, and keeps it between throttled positions', async () => {
      const { booking, code, technician } = await trackedBooking(host(), 'eta-builtin');
      await setStatus(host(), booking.documentId, 'traveling');
      expect((await view(code)).eta).toBeNull();

      await postPositions(host(), technician, { ...nearParis(), recordedAt: secondsFromNow(-1) });
      await expect.poll(async () => (await etaRow(booking.documentId)).eta_source).toBe('builtin');
      const first = await etaRow(booking.documentId);
      const eta = (await view(code)).eta;
      expect(eta).toMatchObject({ source: 'builtin', fallback: false });
      expect(Date.parse(eta!.arrivesAt)).toBeGreaterThanOrEqual(Date.parse(eta!.computedAt));

      // Within the throttle interval a new position does not call the provider again. The live
      // stream shows the new position once the server is done with it (ETA step included).
      const live = await openEventStream(
        `${host().url}/api/enroute/portal/${code}/live`,
        host().tokens.readOnly,
      );
      await postPositions(host(), technician, {
        lat: 48.87,
        lng: 2.3,
        recordedAt: secondsFromNow(0),
      });
      let event = await live.next();
      while (event.event === 'update' && event.update.position?.lat !== 48.87) {
        event = await live.next();
      }
      live.close();
      expect(event).toMatchObject({ update: { eta: { arrivesAt: eta!.arrivesAt } } });
      expect(await etaRow(booking.documentId)).toEqual(first);
    });

    it('asks OSRM when the settings say so, and says so on the booking', async () => {
      const saved = await host().admin('PUT', '/settings', {
        etaProvider: 'osrm',
        etaProviderUrl: osrm.baseUrl,
      });
      expect(saved.status).toBe(200);
      const { booking, code, technician } = await trackedBooking(host(), 'eta-osrm');
      await postPositions(host(), technician, { ...nearParis(), recordedAt: secondsFromNow(-2) });
      await setStatus(host(), booking.documentId, 'traveling');

      const eta = (await view(code)).eta;
      expect(eta).toMatchObject({ source: 'osrm', fallback: false });
      expect(Date.parse(eta!.arrivesAt) - Date.parse(eta!.computedAt)).toBeGreaterThan(700_000);
      const asked = osrm.requests.at(-1);
      expect(asked?.path).toBe('/route/v1/driving/2.3522,48.8566;2.3311,48.8698');
    });

    it('falls back to the built-in estimate when the provider does not answer, and records it', async () => {
      const saved = await host().admin('PUT', '/settings', {
        etaProvider: 'valhalla',
        etaProviderUrl: 'http://127.0.0.1:9',
      });
      expect(saved.status).toBe(200);
      const { booking, code, technician } = await trackedBooking(host(), 'eta-fallback');
      await postPositions(host(), technician, { ...nearParis(), recordedAt: secondsFromNow(-2) });
      await setStatus(host(), booking.documentId, 'traveling');
      expect((await view(code)).eta).toMatchObject({ source: 'builtin', fallback: true });
      expect(await etaRow(booking.documentId)).toMatchObject({ eta_source: 'builtin' });
    });

    it('gives a booking created already traveling its ETA', async () => {
      await host().admin('PUT', '/settings', { etaProvider: 'builtin', etaProviderUrl: null });
      const { technician } = await trackedBooking(host(), 'eta-created');
      await postPositions(host(), technician, { ...nearParis(), recordedAt: secondsFromNow(-2) });
      const created = await host().api(
        'PUT',
        '/bookings/booking-eta-created-2',
        host().tokens.fullAccess,
        {
          workOrder: 'wo-eta-created',
          resource: 'tech-eta-created',
          start: secondsFromNow(3_600),
          end: secondsFromNow(7_200),
          status: 'traveling',
        },
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const { documentId } = created.body.data as { documentId: string };
      await expect.poll(async () => (await etaRow(documentId)).eta_source).toBe('builtin');
    });

    it('gives no ETA when the technician’s last position is stale at departure', async () => {
      await host().admin('PUT', '/settings', { etaProvider: 'builtin', etaProviderUrl: null });
      const { booking, code, technician } = await trackedBooking(host(), 'eta-stale');
      await postPositions(host(), technician, { ...nearParis(), recordedAt: secondsFromNow(-600) });
      await setStatus(host(), booking.documentId, 'traveling');
      const traveling = await view(code);
      expect(traveling.eta).toBeNull();
      expect(traveling.position).toMatchObject({ stale: true });
    });
  },
);
