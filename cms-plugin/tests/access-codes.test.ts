import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { AccessCodeView } from '../shared/contracts/admin.ts';
import { AccessCodeCheck } from '../shared/contracts/integration.ts';
import { IssuedAccessCode } from '../shared/contracts/messaging.ts';
import { PreparedBatch } from '../shared/contracts/prepare.ts';
import { putBooking } from './support/fixtures.ts';
import { statusChangeEvent } from './support/messages.ts';
import { onEveryDatabase } from './support/suite.ts';

const DAY = 86_400_000;

onEveryDatabase('access codes: issue, check, extend, expire, block', (host) => {
  let fullAccess = '';
  let readOnly = '';

  beforeAll(async () => {
    ({ fullAccess, readOnly } = host().tokens);
    const settings = await host().admin('PUT', '/settings', {
      portalBaseUrl: 'https://track.example.com/',
    });
    expect(settings.status).toBe(200);
  });

  const issue = async (bookingId: string, status = 201) => {
    const answer = await host().api(
      'POST',
      `/messaging/bookings/${bookingId}/access-codes`,
      fullAccess,
    );
    expect(answer.status).toBe(status);
    return IssuedAccessCode.parse(answer.body);
  };
  /** What the portal's read-only token learns about a code. */
  const check = (token: string) => host().api('GET', `/access-codes/${token}`, readOnly);
  const act = (documentId: string, body: unknown) =>
    host().admin('POST', `/access-codes/${documentId}/actions`, body);

  it('issues one 128-bit link per booking, stores only its hash, and expires it a week after the visit', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'issue');
    const code = await issue(booking.documentId);

    expect(code.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(code.token, 'base64url')).toHaveLength(16);
    expect(code.url).toBe(`https://track.example.com/t/${code.token}`);
    const context = (
      await host().api('GET', `/messaging/bookings/${booking.documentId}`, fullAccess)
    ).body as unknown as { booking: { end: string } };
    expect(Date.parse(code.expiresAt)).toBe(Date.parse(context.booking.end) + 7 * DAY);

    const opened = await check(code.token);
    expect(opened.status).toBe(200);
    expect(AccessCodeCheck.parse(opened.body).data).toEqual({
      bookingId: booking.documentId,
      expiresAt: code.expiresAt,
    });

    // The database holds the SHA-256 of the token, never the token.
    const rows = await host().database.select(
      'select token_hash from enroute_access_codes where document_id = $1',
      [code.documentId],
    );
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(code.token).digest('hex') }]);
    const everything = JSON.stringify(
      await host().database.select('select * from enroute_access_codes'),
    );
    expect(everything).not.toContain(code.token);

    // Asked again, the booking has the same link: one code per booking.
    const again = await issue(booking.documentId, 200);
    expect(again).toEqual(code);

    const listed = await host().admin('GET', `/access-codes?bookingId=${booking.documentId}`);
    expect(listed.status).toBe(200);
    const views = (listed.body.data as unknown[]).map((view) => AccessCodeView.parse(view));
    expect(views.map((view) => view.documentId)).toEqual([code.documentId]);
    expect(JSON.stringify(listed.body)).not.toContain(code.token);

    // The integration fetches a booking's codes too, never their tokens.
    const fetched = await host().api(
      'GET',
      `/messaging/bookings/${booking.documentId}/access-codes`,
      fullAccess,
    );
    expect(fetched.status).toBe(200);
    expect(
      (fetched.body.data as unknown[]).map((view) => AccessCodeView.parse(view).state),
    ).toEqual(['active']);
    expect(JSON.stringify(fetched.body)).not.toContain(code.token);
    expect(
      (await host().api('GET', `/messaging/bookings/${booking.documentId}/access-codes`, readOnly))
        .status,
    ).toBe(403);
    expect(
      (await host().api('GET', '/messaging/bookings/nosuchbooking/access-codes', fullAccess))
        .status,
    ).toBe(404);
  });

  /** Moves a booking through the records API and prepares the message its new status calls for. */
  const moveAndPrepare = async (
    booking: { documentId: string },
    from: 'scheduled' | 'traveling',
    to: 'traveling' | 'completed',
  ) => {
    const moved = await host().api('PATCH', `/bookings/${booking.documentId}`, fullAccess, {
      status: to,
    });
    expect(moved.status).toBe(200);
    const answer = await host().api('POST', '/messaging/prepare/events', fullAccess, {
      type: to,
      events: [statusChangeEvent(booking, from, to)],
    });
    expect(answer.status).toBe(200);
    return PreparedBatch.parse(answer.body);
  };
  const linksIn = (batch: PreparedBatch) =>
    [...batch.email.map((email) => email.html), ...batch.sms.map((sms) => sms.body)].flatMap(
      (text) =>
        [...text.matchAll(/https:\/\/track\.example\.com\/t\/([A-Za-z0-9_-]{22})/g)].map(
          (match) => match[1],
        ),
    );

  it('gives every message of a booking the same link, the one the integration is given', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'one-link');
    const traveling = await moveAndPrepare(booking, 'scheduled', 'traveling');
    const completed = await moveAndPrepare(booking, 'traveling', 'completed');
    expect(traveling.email).toHaveLength(1);
    expect(completed.sms).toHaveLength(1);
    const links = [...linksIn(traveling), ...linksIn(completed)];
    expect(links.length).toBeGreaterThanOrEqual(4);
    expect(new Set(links).size).toBe(1);
    const issued = await issue(booking.documentId, 200);
    expect(issued.token).toBe(links[0]);
    expect((await check(issued.token)).status).toBe(200);
    const codes = await host().database.select(
      'select count(*) as n from enroute_access_codes c join enroute_bookings b on b.id = c.booking_id where b.document_id = $1',
      [booking.documentId],
    );
    expect(Number(codes[0]?.n)).toBe(1);
  });

  it('sends no link to a page an admin closed: the messages are logged skipped', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'closed');
    const code = await issue(booking.documentId);
    await act(code.documentId, { action: 'block' });
    const batch = await moveAndPrepare(booking, 'scheduled', 'traveling');
    expect(batch.email).toEqual([]);
    expect(batch.sms).toEqual([]);
    expect(batch.skipped.map((skip) => [skip.channel, skip.reason]).sort()).toEqual([
      ['email', 'link-closed'],
      ['sms', 'link-closed'],
    ]);
    expect((await check(code.token)).status).toBe(404);
    const refused = await host().api(
      'POST',
      `/messaging/bookings/${booking.documentId}/access-codes`,
      fullAccess,
    );
    expect(refused.status).toBe(409);
    // Unblocked, the page and the booking's messages have the same link again.
    await act(code.documentId, { action: 'unblock' });
    expect(await issue(booking.documentId, 200)).toEqual(code);
  });

  it('answers alike for unknown, malformed, expired and blocked codes', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'alike');
    const code = await issue(booking.documentId);
    const unknown = await check('A'.repeat(22));
    const malformed = await check('not a token');
    await act(code.documentId, { action: 'block' });
    const blocked = await check(code.token);
    for (const answer of [unknown, malformed, blocked]) {
      expect(answer.status).toBe(404);
      expect(answer.body.error?.message).toBe('Not Found');
    }
    expect((await host().request('GET', `/api/enroute/access-codes/${code.token}`)).status).toBe(
      401,
    );
  });

  it('makes block, unblock, expire and extend take effect at once, recording who did it', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'admin');
    const code = await issue(booking.documentId);
    expect((await check(code.token)).status).toBe(200);

    const blocked = await act(code.documentId, { action: 'block' });
    expect(blocked.status).toBe(200);
    expect(AccessCodeView.parse(blocked.body.data).state).toBe('blocked');
    expect((await check(code.token)).status).toBe(404);

    await act(code.documentId, { action: 'unblock' });
    expect((await check(code.token)).status).toBe(200);

    const expired = await act(code.documentId, { action: 'expire' });
    expect(AccessCodeView.parse(expired.body.data).state).toBe('expired');
    expect((await check(code.token)).status).toBe(404);

    const before = Date.now();
    const extended = AccessCodeView.parse(
      (await act(code.documentId, { action: 'extend', days: 3 })).body.data,
    );
    expect(extended.state).toBe('active');
    // An expired code is extended from now.
    expect(Date.parse(extended.expiresAt)).toBeGreaterThanOrEqual(before + 3 * DAY);
    expect(Date.parse(extended.expiresAt)).toBeLessThanOrEqual(Date.now() + 3 * DAY);
    expect((await check(code.token)).status).toBe(200);

    expect(extended.history.map((entry) => [entry.action, entry.by])).toEqual([
      ['issue', 'content-api'],
      ['block', 'ada@example.com'],
      ['unblock', 'ada@example.com'],
      ['expire', 'ada@example.com'],
      ['extend', 'ada@example.com'],
    ]);
  });

  it('refuses bad actions and unknown bookings, changing nothing', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'refuse');
    const code = await issue(booking.documentId);
    const noDays = await act(code.documentId, { action: 'extend' });
    expect(noDays.status).toBe(400);
    expect(noDays.body.error?.details?.errors?.[0]?.path).toBe('days');
    const tooMany = await act(code.documentId, { action: 'extend', days: 1000 });
    expect(tooMany.body.error?.details?.errors?.[0]?.path).toBe('days');
    const unknownAction = await act(code.documentId, { action: 'delete' });
    expect(unknownAction.body.error?.details?.errors?.[0]?.path).toBe('action');
    expect((await act('nosuchcode', { action: 'block' })).status).toBe(404);
    expect((await check(code.token)).status).toBe(200);

    const unknownBooking = await host().api(
      'POST',
      '/messaging/bookings/nosuchbooking/access-codes',
      fullAccess,
    );
    expect(unknownBooking.status).toBe(404);
    expect(
      (await host().api('POST', `/messaging/bookings/${booking.documentId}/access-codes`, readOnly))
        .status,
    ).toBe(403);
    // Without admin rights, the admin routes answer 401.
    expect(
      (
        await host().request('POST', `/enroute/access-codes/${code.documentId}/actions`, {
          body: { action: 'block' },
        })
      ).status,
    ).toBe(401);
    expect((await check(code.token)).status).toBe(200);
  });

  it('follows the validity setting for new codes', async () => {
    await host().admin('PUT', '/settings', { accessCodeValidityDays: 2 });
    const { booking } = await putBooking(host(), fullAccess, 'validity');
    const code = await issue(booking.documentId);
    const context = (
      await host().api('GET', `/messaging/bookings/${booking.documentId}`, fullAccess)
    ).body as unknown as { booking: { end: string } };
    expect(Date.parse(code.expiresAt)).toBe(Date.parse(context.booking.end) + 2 * DAY);
    await host().admin('PUT', '/settings', { accessCodeValidityDays: 7 });
  });
});
