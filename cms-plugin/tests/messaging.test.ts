import { beforeAll, expect, it } from 'vitest';
import {
  ClaimResponse,
  DueReminders,
  MessageContext,
  MessagingSettings,
  Notification,
} from '../shared/contracts/messaging.ts';
import { inDays, putBooking } from './support/fixtures.ts';
import { startHost } from './support/host.ts';
import { onEveryDatabase } from './support/suite.ts';

onEveryDatabase('content API: message claims, results and due reminders', (host) => {
  let fullAccess = '';
  let readOnly = '';

  beforeAll(async () => {
    ({ fullAccess, readOnly } = host().tokens);
  });

  const claim = (body: Record<string, unknown>) =>
    host().api('POST', '/messaging/notifications', fullAccess, body);
  /** The claim of the message `type` on `channel` for a booking, as the n8n flows send it. */
  const claimOf = (bookingId: string, type: string, channel: 'email' | 'sms') => ({
    idempotencyKey: `${bookingId}:${type}:${channel}`,
    bookingId,
    type,
    channel,
    recipient: channel === 'email' ? 'camille@example.com' : '+33612345678',
  });
  const claimMessage = async (bookingId: string, type: string, channel: 'email' | 'sms') => {
    const answer = await claim(claimOf(bookingId, type, channel));
    return { status: answer.status, ...ClaimResponse.parse(answer.body) };
  };
  const recordResult = (notificationId: string, body: unknown) =>
    host().api('POST', `/messaging/notifications/${notificationId}/result`, fullAccess, body);

  it('lets exactly one of 20 simultaneous claims of a key win', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'race');
    const request = claimOf(booking.documentId, 'traveling', 'email');
    const answers = await Promise.all(Array.from({ length: 20 }, () => claim(request)));

    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(19).fill(409)]);
    const bodies = answers.map((answer) => ClaimResponse.parse(answer.body));
    const winner = bodies.find((body) => body.claimed);
    expect(bodies.filter((body) => body.claimed)).toHaveLength(1);
    // Every loser is shown the winner's log entry, with the recipient masked.
    for (const body of bodies) {
      expect(body.notification.documentId).toBe(winner?.notification.documentId);
      expect(body.notification.recipientMasked).toBe('c***@e***.com');
      expect(body.notification.state).toBe('pending');
    }
    const rows = await host().database.select(
      'select count(*) as n from enroute_notifications where idempotency_key = $1',
      [request.idempotencyKey],
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('lets one claim win when two Strapi instances share the database', async (context) => {
    // The scale path: several instances on one PostgreSQL database.
    if (host().database.client !== 'postgres') return context.skip();
    const second = await startHost({
      database: host().database,
      env: { ENROUTE_RELAY_ENABLED: 'false' },
    });
    try {
      const { booking } = await putBooking(host(), fullAccess, 'two-instances');
      const request = claimOf(booking.documentId, 'canceled', 'sms');
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          index % 2 === 0
            ? claim(request)
            : second.api('POST', '/messaging/notifications', second.tokens.fullAccess, request),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([
        201,
        ...Array<number>(19).fill(409),
      ]);
    } finally {
      await second.stop();
    }
  });

  it('records a result once, and names what is missing', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'result');
    const won = await claimMessage(booking.documentId, 'completed', 'sms');
    const result = (body: unknown) => recordResult(won.notification.documentId, body);

    const noReason = await result({ state: 'failed' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error?.details?.errors).toEqual([
      { path: 'reason', message: 'is required when state is failed' },
    ]);

    const failed = await result({ state: 'failed', reason: 'provider-error: 503' });
    expect(failed.status).toBe(200);
    expect(Notification.parse(failed.body)).toMatchObject({ state: 'failed', attempts: 1 });

    const sent = await result({
      state: 'sent',
      providerMessageId: 'SM123',
      content: { body: 'Your visit is complete.' },
      providerResponse: { sid: 'SM123', status: 'queued' },
    });
    expect(Notification.parse(sent.body)).toMatchObject({
      state: 'sent',
      attempts: 2,
      providerMessageId: 'SM123',
      recipientMasked: '+33*******78',
    });

    const again = await result({ state: 'sent', providerMessageId: 'SM124' });
    expect(again.status).toBe(409);
    expect(again.body.error?.details?.errors?.[0]?.path).toBe('state');

    expect(
      (
        await host().api('POST', '/messaging/notifications/nosuchnotification/result', fullAccess, {
          state: 'sent',
        })
      ).status,
    ).toBe(404);
  });

  it('lets one of simultaneous retries claim a message that failed', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'retry');
    const first = await claimMessage(booking.documentId, 'traveling', 'sms');
    await recordResult(first.notification.documentId, {
      state: 'failed',
      reason: 'provider-error: 503',
    });
    const retries = await Promise.all(
      Array.from({ length: 5 }, () => claimMessage(booking.documentId, 'traveling', 'sms')),
    );
    expect(retries.map((retry) => retry.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const retry of retries) {
      expect(retry.notification.documentId).toBe(first.notification.documentId);
      expect(retry.notification.state).toBe('pending');
    }
    // Once sent, it is never claimed again.
    await recordResult(first.notification.documentId, { state: 'sent' });
    const after = await claimMessage(booking.documentId, 'traveling', 'sms');
    expect(after.status).toBe(409);
    expect(after.notification).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('refuses a bad claim without logging anything', async () => {
    const before = await host().database.select('select count(*) as n from enroute_notifications');
    const unknownBooking = await claim({
      idempotencyKey: 'nosuchbooking:reminder:email',
      bookingId: 'nosuchbooking',
      type: 'reminder',
      channel: 'email',
      recipient: null,
    });
    expect(unknownBooking.status).toBe(400);
    expect(unknownBooking.body.error?.details?.errors?.[0]?.path).toBe('bookingId');

    const badFields = await claim({ idempotencyKey: '', type: 'postcard', channel: 'pigeon' });
    expect(badFields.status).toBe(400);
    expect(badFields.body.error?.details?.errors?.map((error) => error.path)).toEqual(
      expect.arrayContaining(['idempotencyKey', 'bookingId', 'type', 'channel']),
    );

    const skippedWithoutReason = await claim({
      idempotencyKey: 'x:reminder:sms',
      bookingId: 'x',
      type: 'reminder',
      channel: 'sms',
      recipient: null,
      state: 'skipped',
    });
    expect(skippedWithoutReason.status).toBe(400);

    const readOnlyClaim = await host().api('POST', '/messaging/notifications', readOnly, {});
    expect(readOnlyClaim.status).toBe(403);

    const after = await host().database.select('select count(*) as n from enroute_notifications');
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n));
  });

  it('lists due reminders inside the window, without exclusions or reminders already claimed', async () => {
    const soon = await putBooking(host(), fullAccess, 'due-soon', {
      start: inDays(1),
      end: inDays(1, 2),
    });
    const far = await putBooking(host(), fullAccess, 'due-far', {
      start: inDays(20),
      end: inDays(20, 2),
    });
    const canceled = await putBooking(host(), fullAccess, 'due-canceled', {
      start: inDays(2),
      end: inDays(2, 2),
      status: 'canceled',
    });
    const excluded = await putBooking(host(), fullAccess, 'due-excluded', {
      start: inDays(2),
      end: inDays(2, 2),
    });
    const reminded = await putBooking(host(), fullAccess, 'due-reminded', {
      start: inDays(3),
      end: inDays(3, 2),
    });
    const settings = await host().admin('PUT', '/settings', {
      excludedAccountIds: [excluded.account.documentId],
    });
    expect(settings.status).toBe(200);
    const reminder = await claimMessage(reminded.booking.documentId, 'reminder', 'email');
    expect(reminder.status).toBe(201);

    const dueIds = async () => {
      const ids: string[] = [];
      for (let page = 1; ; page += 1) {
        const answer = await host().api(
          'GET',
          `/messaging/due-reminders?page=${page}&pageSize=2`,
          fullAccess,
        );
        expect(answer.status).toBe(200);
        const due = DueReminders.parse(answer.body);
        ids.push(...due.data.map((context) => context.booking.documentId));
        if (page >= due.meta.pageCount) return ids;
      }
    };
    const ids = await dueIds();
    expect(ids).toContain(soon.booking.documentId);
    expect(ids).not.toContain(far.booking.documentId);
    expect(ids).not.toContain(canceled.booking.documentId);
    expect(ids).not.toContain(excluded.booking.documentId);
    expect(ids).not.toContain(reminded.booking.documentId);
    expect(new Set(ids).size).toBe(ids.length);

    // Once sent, the reminder shows in the booking's context, for the start it was sent for.
    await recordResult(reminder.notification.documentId, { state: 'sent' });
    const context = MessageContext.parse(
      (await host().api('GET', `/messaging/bookings/${reminded.booking.documentId}`, fullAccess))
        .body,
    );
    expect(context.remindersSent.map((sent) => sent.start)).toEqual([context.booking.start]);

    // A reminder that failed does not count: the booking is due again.
    const failing = await claimMessage(soon.booking.documentId, 'reminder', 'email');
    expect(await dueIds()).not.toContain(soon.booking.documentId);
    await recordResult(failing.notification.documentId, {
      state: 'failed',
      reason: 'provider-error: timeout',
    });
    expect(await dueIds()).toContain(soon.booking.documentId);

    const badPage = await host().api('GET', '/messaging/due-reminders?page=0', fullAccess);
    expect(badPage.status).toBe(400);
    expect(badPage.body.error?.details?.errors?.[0]?.path).toBe('page');

    const messaging = MessagingSettings.parse(
      (await host().api('GET', '/messaging/settings', fullAccess)).body,
    );
    expect(messaging.excludedAccountIds).toEqual([excluded.account.documentId]);
    expect(messaging.reminder).toEqual({ windowDays: 7, sendTime: '10:00', sendTimeZone: 'utc' });
  });
});
