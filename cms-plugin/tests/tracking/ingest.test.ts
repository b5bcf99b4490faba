import { beforeAll, expect, it } from 'vitest';
import { ApiError } from '../../shared/contracts/errors.ts';
import { LocationIngestResponse } from '../../shared/contracts/locations.ts';
import { putBooking } from '../support/fixtures.ts';
import { onEveryDatabase } from '../support/suite.ts';
import { nearParis, postPositions, secondsFromNow, technicianToken } from './support.ts';

onEveryDatabase('location ingest: technician tokens, validation, duplicates, retention', (host) => {
  let token = '';

  beforeAll(async () => {
    await putBooking(host(), host().tokens.fullAccess, 'ingest');
    token = await technicianToken(host(), 'tech-ingest');
  });

  const storedFor = async (resource: string) =>
    host().database.select(
      `select l.latitude, l.longitude, l.accuracy, l.recorded_at, l.source from enroute_locations l
       join enroute_resources r on r.id = l.resource_id where r.external_id = $1 order by l.recorded_at`,
      [resource],
    );

  it('stores one position posted with the technician token, for that technician only', async () => {
    const answer = await postPositions(host(), token, {
      ...nearParis(),
      accuracy: 8,
      recordedAt: secondsFromNow(-30),
    });
    expect(answer.status).toBe(200);
    expect(LocationIngestResponse.parse(answer.body.data)).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [],
    });
    const rows = await storedFor('tech-ingest');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      latitude: 48.8566,
      longitude: 2.3522,
      accuracy: 8,
      source: 'app',
    });
  });

  it('refuses a post without a token, with a token of another kind, or with a revoked one', async () => {
    const position = { ...nearParis(), recordedAt: secondsFromNow(-5) };
    const anonymous = await postPositions(host(), null, position);
    expect(anonymous.status).toBe(401);
    expect(ApiError.parse(anonymous.body).error).toMatchObject({
      status: 401,
      name: 'UnauthorizedError',
      details: { errors: [] },
    });
    expect((await postPositions(host(), host().tokens.fullAccess, position)).status).toBe(401);
    expect((await postPositions(host(), `enr_t_${'x'.repeat(43)}`, position)).status).toBe(401);

    const issued = await host().api('POST', '/technician-tokens', host().tokens.fullAccess, {
      resource: 'tech-ingest',
    });
    const { documentId, token: revoked } = issued.body.data as {
      documentId: string;
      token: string;
    };
    expect((await postPositions(host(), revoked, position)).status).toBe(200);
    const revoke = await host().api(
      'DELETE',
      `/technician-tokens/${documentId}`,
      host().tokens.fullAccess,
    );
    expect(revoke.status).toBe(200);
    expect((await postPositions(host(), revoked, { ...position, lat: 1 })).status).toBe(401);
  });

  it('lets only the integration issue tokens, and stores only their hash', async () => {
    const refused = await host().api('POST', '/technician-tokens', host().tokens.readOnly, {
      resource: 'tech-ingest',
    });
    expect(refused.status).toBe(403);
    const unknown = await host().api('POST', '/technician-tokens', host().tokens.fullAccess, {
      resource: 'nobody',
    });
    expect(unknown.status).toBe(404);
    const rows = await host().database.select('select token_hash from enroute_technician_tokens');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(String(row.token_hash)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('keeps the good items of a batch and reports each bad one with its fields', async () => {
    const before = (await storedFor('tech-ingest')).length;
    const answer = await postPositions(host(), token, {
      positions: [
        { ...nearParis(1), recordedAt: secondsFromNow(-20) },
        { lat: 91, lng: 2.35, recordedAt: secondsFromNow(-19) },
        { ...nearParis(2), accuracy: -3, recordedAt: secondsFromNow(-18) },
        { ...nearParis(3), recordedAt: secondsFromNow(600) },
        { ...nearParis(4), recordedAt: 'yesterday' },
        { ...nearParis(5), recordedAt: secondsFromNow(30) },
      ],
    });
    expect(answer.status).toBe(200);
    const report = LocationIngestResponse.parse(answer.body.data);
    expect(report.accepted).toBe(2);
    expect(
      report.rejected.map((item) => [item.index, item.errors.map((error) => error.path)]),
    ).toEqual([
      [1, ['lat']],
      [2, ['accuracy']],
      [3, ['recordedAt']],
      [4, ['recordedAt']],
    ]);
    expect(report.rejected[2]?.errors[0]?.message).toMatch(/future/);
    expect(await storedFor('tech-ingest')).toHaveLength(before + 2);
  });

  it('ignores positions it already has, within a batch and across posts', async () => {
    const at = secondsFromNow(-10);
    const first = await postPositions(host(), token, {
      positions: [
        { ...nearParis(6), recordedAt: at },
        { ...nearParis(6), recordedAt: at },
      ],
    });
    expect(first.body.data).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    const again = await postPositions(host(), token, { ...nearParis(6), recordedAt: at });
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    const rows = await storedFor('tech-ingest');
    expect(
      rows.filter(
        (row) => Date.parse(new Date(row.recorded_at as string).toISOString()) === Date.parse(at),
      ),
    ).toHaveLength(1);
  });

  it('answers 422 when nothing could be stored, and 400 for a body that is no position at all', async () => {
    const none = await postPositions(host(), token, { positions: [{ lat: 'north' }] });
    expect(none.status).toBe(422);
    expect(ApiError.parse(none.body).error.name).toBe('ValidationError');
    expect(none.body.error?.details?.errors?.map((error) => error.path)).toEqual(
      expect.arrayContaining(['0.lat', '0.lng', '0.recordedAt']),
    );
    const empty = await postPositions(host(), token, { positions: [] });
    expect(empty.status).toBe(400);
    const tooMany = await postPositions(host(), token, {
      positions: Array.from({ length: 501 }, (_, index) => ({
        ...nearParis(),
        recordedAt: secondsFromNow(-index),
      })),
    });
    expect(tooMany.status).toBe(400);
  });

  it('deletes positions older than the retention setting', async () => {
    const old = await postPositions(host(), token, {
      positions: [
        { ...nearParis(7), recordedAt: secondsFromNow(-3 * 86_400) },
        { ...nearParis(8), recordedAt: secondsFromNow(-2 * 86_400) },
      ],
    });
    expect(old.body.data?.accepted).toBe(2);
    const before = (await storedFor('tech-ingest')).length;
    const saved = await host().admin('PUT', '/settings', { locationRetentionDays: 1 });
    expect(saved.status).toBe(200);
    await expect.poll(async () => (await storedFor('tech-ingest')).length).toBe(before - 2);
    const tooOld = await postPositions(host(), token, {
      ...nearParis(9),
      recordedAt: secondsFromNow(-2 * 86_400),
    });
    expect(tooOld.status).toBe(422);
    expect(tooOld.body.error?.details?.errors?.[0]?.message).toMatch(/older than the 1 days/);
    await host().admin('PUT', '/settings', { locationRetentionDays: 30 });
  });
});
