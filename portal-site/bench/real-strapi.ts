import { sqliteDatabase } from '../../cms-plugin/tests/support/database.ts';
import { inDays, putBooking } from '../../cms-plugin/tests/support/fixtures.ts';
import { startHost } from '../../cms-plugin/tests/support/host.ts';

/**
 * A real Strapi with the Enroute plugin (SQLite) holding one booking on its way: put through the
 * integration API, its technician's position posted as the app posts it, then set traveling.
 */
export async function strapiWithTravelingBooking() {
  const database = await sqliteDatabase();
  const host = await startHost({ database });
  const fail = (step: string, answer: { status: number; body: unknown }) => {
    throw new Error(`${step}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };
  try {
    const { booking } = await putBooking(host, host.tokens.fullAccess, 'bench', {
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
      resource: 'tech-bench',
      label: 'bench phone',
    });
    if (technician.status !== 201) fail('technician token', technician);
    const posted = await fetch(`${host.url}/api/enroute/locations`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${(technician.body.data as { token: string }).token}`,
      },
      body: JSON.stringify({ lat: 48.8566, lng: 2.3522, recordedAt: new Date().toISOString() }),
    });
    if (!posted.ok) fail('position', { status: posted.status, body: await posted.text() });
    const traveling = await host.api(
      'PATCH',
      `/bookings/${booking.documentId}`,
      host.tokens.fullAccess,
      {
        status: 'traveling',
      },
    );
    if (traveling.status !== 200) fail('traveling', traveling);
    return {
      url: host.url,
      readOnlyToken: host.tokens.readOnly,
      code,
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
