import { beforeAll, expect, it } from 'vitest';
import { ApiError } from '../../shared/contracts/errors.ts';
import {
  SignInLink,
  TechnicianSession,
  TechnicianVisit,
  TodaysVisits,
} from '../../shared/contracts/technician-app.ts';
import { inDays, putBooking } from '../support/fixtures.ts';
import type { Host } from '../support/host.ts';
import { onEveryDatabase } from '../support/suite.ts';
import { nearParis, postPositions, secondsFromNow, technicianToken } from './support.ts';

/** A technician app call with a session token (or none). */
async function call(
  host: Host,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${host.url}/api/enroute${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as { data: unknown } };
}

async function linkFor(host: Host, resourceDocumentId: string) {
  const answer = await host.admin('POST', `/resources/${resourceDocumentId}/sign-in-links`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  const link = SignInLink.parse(answer.body.data);
  return { ...link, token: link.url.split('/tech/sign-in/')[1] ?? '' };
}

async function resourceId(host: Host, externalId: string): Promise<string> {
  const rows = await host.database.select(
    'select document_id from enroute_resources where external_id = $1',
    [externalId],
  );
  return String(rows[0]?.document_id);
}

onEveryDatabase('technician app: sign-in links, sessions, visits, status', (host) => {
  let mine = '';
  let others = '';
  let session = '';
  let link = { documentId: '', token: '', url: '' };

  beforeAll(async () => {
    // Starts now (on the minute): today in the account's zone, whatever the hour.
    const today = { start: inDays(0), end: inDays(0, 2) };
    mine = (await putBooking(host(), host().tokens.fullAccess, 'app-mine', today)).booking
      .documentId;
    others = (await putBooking(host(), host().tokens.fullAccess, 'app-other', today)).booking
      .documentId;
    await putBooking(host(), host().tokens.fullAccess, 'app-mine-later', {
      start: inDays(3),
      end: inDays(3, 1),
      resource: 'tech-app-mine',
    });
    link = await linkFor(host(), await resourceId(host(), 'tech-app-mine'));
  });

  it('an admin makes a sign-in link on the portal address; the link starts a session', async () => {
    expect(link.url).toMatch(/^http:\/\/localhost:4321\/tech\/sign-in\/enr_t_[\w-]{43}$/);
    const answer = await call(host(), 'POST', '/technician/sessions', null, { link: link.token });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const started = TechnicianSession.parse(answer.body.data);
    expect(started.technician.name).toBe('Jordan Lee');
    expect(Date.parse(started.expiresAt)).toBeGreaterThan(Date.now() + 11 * 3600_000);
    session = started.token;
    const stored = await host().database.select(
      'select token_hash, kind from enroute_technician_tokens where kind = $1',
      ['session'],
    );
    expect(stored.map((row) => row.token_hash)).not.toContain(session);
  });

  it('the link itself is no bearer token: it only starts sessions', async () => {
    expect((await call(host(), 'GET', '/technician/visits', link.token)).status).toBe(401);
    const position = { ...nearParis(), recordedAt: secondsFromNow(-3) };
    expect((await postPositions(host(), link.token, position)).status).toBe(401);
  });

  it("lists today's visits of the signed-in technician only", async () => {
    const answer = await call(host(), 'GET', '/technician/visits', session);
    expect(answer.status).toBe(200);
    const today = TodaysVisits.parse(answer.body.data);
    expect(today.visits.map((visit) => visit.documentId)).toEqual([mine]);
    expect(today.visits[0]).toMatchObject({
      customer: 'Boulangerie Martin',
      address: '12 rue de la Paix, Paris',
      timeZone: 'Europe/Paris',
      status: 'scheduled',
      destination: { lat: 48.8698, lng: 2.3311 },
      workOrder: 'WO-app-mine',
    });
    expect((await call(host(), 'GET', '/technician/visits', null)).status).toBe(401);
  });

  it("changes its own visit's status through the records path, and no one else's (403)", async () => {
    const refused = await call(host(), 'POST', `/technician/visits/${others}/status`, session, {
      status: 'traveling',
    });
    expect(refused.status).toBe(403);
    expect(ApiError.parse(refused.body).error.status).toBe(403);

    const skipped = await call(host(), 'POST', `/technician/visits/${mine}/status`, session, {
      status: 'completed',
    });
    expect(skipped.status).toBe(409);

    // The phone's position is taken only while the visit is on its way.
    let step = 0;
    const positionAccepted = async () => {
      step += 1;
      const position = { ...nearParis(step), recordedAt: secondsFromNow(-1) };
      const answer = await postPositions(host(), session, position);
      if (answer.status === 409) {
        expect(answer.body.error?.message).toBe(
          'positions from the technician app are taken only while a visit is on its way',
        );
      }
      return answer.status;
    };
    expect(await positionAccepted()).toBe(409);
    // On its way through another instance (written straight into the database, which this
    // instance hears nothing of): the refusal just cached does not hold the position back.
    const setStored = (status: string) =>
      host().database.execute(
        'update enroute_bookings set booking_status = $1 where document_id = $2',
        [status, mine],
      );
    await setStored('traveling');
    expect(await positionAccepted()).toBe(200);
    await setStored('scheduled');
    for (const status of ['traveling', 'in-progress', 'completed'] as const) {
      const answer = await call(host(), 'POST', `/technician/visits/${mine}/status`, session, {
        status,
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(TechnicianVisit.parse(answer.body.data).status).toBe(status);
      expect(await positionAccepted()).toBe(status === 'traveling' ? 200 : 409);
    }
    // A dispatch system's app token is not the phone app: its positions are always taken.
    const appToken = await technicianToken(host(), 'tech-app-mine');
    expect(
      (await postPositions(host(), appToken, { ...nearParis(9), recordedAt: secondsFromNow(-1) }))
        .status,
    ).toBe(200);
    const rows = await host().database.select(
      'select booking_status, completed_at from enroute_bookings where document_id = $1',
      [mine],
    );
    expect(rows[0]?.booking_status).toBe('completed');
    // The same consequences as any change through the records API.
    expect(rows[0]?.completed_at).not.toBeNull();
    const events = await host().database.select(
      `select count(*) as n from enroute_booking_events where booking_document_id = $1`,
      [mine],
    );
    expect(Number(events[0]?.n)).toBeGreaterThanOrEqual(3);
  });

  it('a revoked link starts no session and ends the sessions it started', async () => {
    const revoked = await host().api(
      'DELETE',
      `/technician-tokens/${link.documentId}`,
      host().tokens.fullAccess,
    );
    expect(revoked.status).toBe(200);
    const again = await call(host(), 'POST', '/technician/sessions', null, { link: link.token });
    expect(again.status).toBe(401);
    expect(ApiError.parse(again.body).error.details.errors).toEqual([
      { path: 'link', message: 'revoked' },
    ]);
    expect((await call(host(), 'GET', '/technician/visits', session)).status).toBe(401);
  });

  it('an expired link starts no session, and says so', async () => {
    const expiring = await linkFor(host(), await resourceId(host(), 'tech-app-other'));
    await host().database.execute(
      'update enroute_technician_tokens set expires_at = $1 where document_id = $2',
      [new Date(Date.now() - 60_000).toISOString(), expiring.documentId],
    );
    const answer = await call(host(), 'POST', '/technician/sessions', null, {
      link: expiring.token,
    });
    expect(answer.status).toBe(401);
    expect(ApiError.parse(answer.body).error.details.errors).toEqual([
      { path: 'link', message: 'expired' },
    ]);
  });

  it('signing out ends the session', async () => {
    const fresh = await linkFor(host(), await resourceId(host(), 'tech-app-other'));
    const started = await call(host(), 'POST', '/technician/sessions', null, {
      link: fresh.token,
    });
    const token = TechnicianSession.parse(started.body.data).token;
    expect((await call(host(), 'GET', '/technician/visits', token)).status).toBe(200);
    expect((await call(host(), 'DELETE', '/technician/session', token)).status).toBe(204);
    expect((await call(host(), 'GET', '/technician/visits', token)).status).toBe(401);
  });
});
