import { sqliteDatabase } from '../../cms-plugin/tests/support/database.ts';
import { inDays, putBooking } from '../../cms-plugin/tests/support/fixtures.ts';
import { startHost, type Host } from '../../cms-plugin/tests/support/host.ts';

/** A booking on its way: its portal code and its technician's token for the ingest route. */
export interface TravelingBooking {
  code: string;
  technicianToken: string;
}

/**
 * A real Strapi with the Enroute plugin (SQLite) holding bookings on their way, one technician
 * each: put through the integration API, each technician's position posted as the app posts it,
 * then set traveling.
 */
export async function strapiWithTravelingBookings(count: number) {
  const database = await sqliteDatabase();
  const host = await startHost({ database });
  try {
    const bookings: TravelingBooking[] = [];
    for (let index = 0; index < count; index += 1) {
      bookings.push(await travelingBooking(host, count === 1 ? 'bench' : `bench-${index}`));
    }
    return {
      url: host.url,
      readOnlyToken: host.tokens.readOnly,
      bookings,
      async stop() {
        await host.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await host.stop();
    await database.drop();
    throw error;
  }
}

/** One booking on its way (the portal throughput bench's). */
export async function strapiWithTravelingBooking() {
  const strapi = await strapiWithTravelingBookings(1);
  return { ...strapi, code: strapi.bookings[0]!.code };
}

function fail(step: string, answer: { status: number; body: unknown }): never {
  throw new Error(`${step}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

async function travelingBooking(host: Host, id: string): Promise<TravelingBooking> {
  const { booking } = await putBooking(host, host.tokens.fullAccess, id, {
    start: inDays(0, 1),
    end: inDays(0, 3),
    status: 'scheduled',
  });
  const issued = await host.api(
    'POST',
    `/messaging/bookings/${booking.documentId}/access-codes`,
    host.tokens.fullAccess,
  );
  if (issued.status !== 201) fail('access code', issued);
  const code = (issued.body as { token: string }).token;
  const technician = await host.api('POST', '/technician-tokens', host.tokens.fullAccess, {
    resource: `tech-${id}`,
    label: 'bench phone',
  });
  if (technician.status !== 201) fail('technician token', technician);
  const technicianToken = (technician.body.data as { token: string }).token;
  const posted = await postPosition(host.url, technicianToken, { lat: 48.8566, lng: 2.3522 });
  if (!posted.ok) fail('position', { status: posted.status, body: await posted.text() });
  const traveling = await host.api(
    'PATCH',
    `/bookings/${booking.documentId}`,
    host.tokens.fullAccess,
    { status: 'traveling' },
  );
  if (traveling.status !== 200) fail('traveling', traveling);
  return { code, technicianToken };
}

/** A position posted to the ingest route, as the technician app (or a dispatch system) posts it. */
export function postPosition(
  strapiUrl: string,
  technicianToken: string,
  position: { lat: number; lng: number; recordedAt?: string },
): Promise<Response> {
  return fetch(`${strapiUrl}/api/enroute/locations`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${technicianToken}`,
    },
    body: JSON.stringify({ recordedAt: new Date().toISOString(), ...position }),
  });
}
