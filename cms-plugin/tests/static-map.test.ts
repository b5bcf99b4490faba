import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiError } from '../shared/contracts/index.ts';
import { inDays, putBooking, QUIET_HOURS_OFF } from './support/fixtures.ts';
import { startMapServer, type MapServer } from './support/map-server.ts';
import { sendTravelingMessages } from './support/messages.ts';
import { onEveryDatabase } from './support/suite.ts';

let maps: MapServer;
beforeAll(async () => {
  maps = await startMapServer();
});
afterAll(() => maps.close());

const IMAGE = /<img[^>]*>/g;

onEveryDatabase("the 'on the way' email's static map", (host) => {
  let fullAccess = '';

  beforeAll(async () => {
    fullAccess = host().tokens.fullAccess;
    expect((await host().admin('PUT', '/settings', QUIET_HOURS_OFF)).status).toBe(200);
  });

  /** A booking on its way, its technician last seen at `at` (none when null). */
  const travelingBooking = async (id: string, at: { lat: number; lng: number } | null) => {
    const { booking } = await putBooking(host(), fullAccess, id, {
      start: inDays(0, 1),
      end: inDays(0, 3),
      status: 'traveling',
    });
    if (at) {
      const resource = await host().api('PUT', `/resources/tech-${id}`, fullAccess, {
        name: 'Jordan Lee',
        phone: '+1 415 555 0100',
      });
      const resourceId = (resource.body.data as { documentId: string }).documentId;
      const placed = await host().admin('POST', '/positions', { resourceId, ...at });
      expect(placed.status).toBe(201);
    }
    return booking;
  };
  const travelingEmail = async (booking: { documentId: string }) => {
    const batch = await sendTravelingMessages(host(), booking);
    const email = batch.email.find((one) => one.bookingId === booking.documentId);
    expect(email).toBeDefined();
    return email!;
  };

  it('refuses a map URL that is not https or uses an unknown placeholder, naming the field', async () => {
    for (const [staticMapUrl, message] of [
      [`http://maps.example.org/static?c={lat},{lng}`, 'must be an https URL'],
      [`https://maps.example.org/static?z={zoom}&c={lat},{lng}`, 'may only use {lat}'],
      [`https://maps.example.org/static?c=1,2`, 'must place the technician'],
    ] as const) {
      const answer = await host().admin('PUT', '/settings', { staticMapUrl });
      expect(answer.status).toBe(400);
      const [error] = ApiError.parse(answer.body).error.details.errors;
      expect(error?.path).toBe('staticMapUrl');
      expect(error?.message).toContain(message);
    }
  });

  it('shows the technician and the visit on the provider’s image, with alt text; the image loads', async () => {
    const template = `${maps.origin}/static?center={lat},{lng}&marker={destLat},{destLng}&size={width}x{height}`;
    expect((await host().admin('PUT', '/settings', { staticMapUrl: template })).status).toBe(200);
    const booking = await travelingBooking('map', { lat: 48.8566, lng: 2.3522 });
    const email = await travelingEmail(booking);
    const images = (email.html.match(IMAGE) ?? []).filter((tag) => tag.includes(maps.origin));
    expect(images).toHaveLength(1);
    const src = /src="([^"]+)"/.exec(images[0]!)?.[1]?.replaceAll('&amp;', '&') ?? '';
    // The account of putBooking is at 48.8698, 2.3311.
    expect(src).toBe(
      `${maps.origin}/static?center=48.85660,2.35220&marker=48.86980,2.33110&size=1104x552`,
    );
    expect(images[0]).toContain('alt="Votre technicien est en route: 12 rue de la Paix, Paris"');
    expect(email.text).toContain('12 rue de la Paix, Paris');

    const image = await maps.get(src);
    expect(image).toMatchObject({ status: 200, type: 'image/png' });
    expect(image.bytes).toBeGreaterThan(0);
    expect(maps.requests).toContain(new URL(src).pathname + new URL(src).search);
  });

  it('shows no map without a position, or without a provider: the address and arrival time only', async () => {
    const unseen = await travelingBooking('map-unseen', null);
    const withoutPosition = await travelingEmail(unseen);
    expect(withoutPosition.html).not.toContain(maps.origin);
    expect(withoutPosition.html).toContain('12 rue de la Paix, Paris');

    expect((await host().admin('PUT', '/settings', { staticMapUrl: null })).status).toBe(200);
    const booking = await travelingBooking('map-none', { lat: 48.85, lng: 2.35 });
    const email = await travelingEmail(booking);
    expect(email.html.match(IMAGE) ?? []).toEqual([]);
    expect(email.html).toContain('12 rue de la Paix, Paris');
    expect(email.html).toMatch(/vers \d{1,2}:\d{2}/);
  });
});
