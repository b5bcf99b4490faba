import { beforeAll, expect, it } from 'vitest';
import {
  MessagingSettings,
  PreparedBatch,
  RecordResultsResponse,
  type BookingEvent,
} from '../shared/contracts/index.ts';
import { inDays, putBooking, QUIET_HOURS_OFF } from './support/fixtures.ts';
import { scheduledRun, statusChangeEvent } from './support/messages.ts';
import { startHost, type Host } from './support/host.ts';
import { onEveryDatabase } from './support/suite.ts';

const statusEvent = (
  documentId: string,
  start: string,
  from: BookingEvent['booking']['status'],
  to: BookingEvent['booking']['status'],
) => statusChangeEvent({ documentId, start }, from, to);

onEveryDatabase('content API: message preparation and delivery results', (host) => {
  let fullAccess = '';
  let readOnly = '';

  beforeAll(async () => {
    ({ fullAccess, readOnly } = host().tokens);
    const quiet = await host().admin('PUT', '/settings', QUIET_HOURS_OFF);
    expect(quiet.status).toBe(200);
  });

  const prepareEvents = (body: unknown, on: Host = host(), token = fullAccess) =>
    on.api('POST', '/messaging/prepare/events', token, body);
  const prepared = async (type: string, events: BookingEvent[], on: Host = host()) => {
    const answer = await prepareEvents(
      { type, events },
      on,
      on === host() ? fullAccess : on.tokens.fullAccess,
    );
    expect(answer.status).toBe(200);
    return PreparedBatch.parse(answer.body);
  };
  const recordResults = async (results: unknown[]) => {
    const answer = await host().api('POST', '/messaging/results', fullAccess, { results });
    expect(answer.status).toBe(200);
    return RecordResultsResponse.parse(answer.body);
  };
  const keyCount = async (key: string) => {
    const rows = await host().database.select(
      'select count(*) as n from enroute_notifications where idempotency_key = $1',
      [key],
    );
    return Number(rows[0]?.n);
  };
  /** Moves a booking to a status through the records API, as a dispatch system would. */
  const changeStatus = async (documentId: string, status: string) => {
    const answer = await host().api('PATCH', `/bookings/${documentId}`, fullAccess, { status });
    expect(answer.status).toBe(200);
  };

  it('prepares a traveling event: one rendered email and SMS, with the link, claimed once of 20 requests at once', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'race');
    await changeStatus(booking.documentId, 'traveling');
    const event = statusEvent(booking.documentId, inDays(2), 'scheduled', 'traveling');
    const batches = await Promise.all(
      Array.from({ length: 20 }, () => prepared('traveling', [event])),
    );
    const emails = batches.flatMap((batch) => batch.email);
    const texts = batches.flatMap((batch) => batch.sms);
    expect(emails).toHaveLength(1);
    expect(texts).toHaveLength(1);
    expect(batches.reduce((sum, batch) => sum + batch.alreadyClaimed, 0)).toBe(38);

    const [email] = emails;
    expect(email).toMatchObject({
      channel: 'email',
      to: 'camille@example.com',
      bookingId: booking.documentId,
      type: 'traveling',
      locale: 'fr',
      source: 0,
      idempotencyKey: `${booking.documentId}:traveling:email:trip-1`,
    });
    const link = /https?:\/\/[^\s"<]+\/t\/[A-Za-z0-9_-]{22,}/.exec(email?.html ?? '')?.[0];
    expect(link).toBeDefined();
    expect(email?.text).toContain(link);
    expect(texts[0]?.body).toContain(link);
    // Both messages carry the same link, and it opens the booking.
    const token = link?.split('/t/')[1] ?? '';
    expect((await host().api('GET', `/access-codes/${token}`, readOnly)).status).toBe(200);
    expect(await keyCount(`${booking.documentId}:traveling:email:trip-1`)).toBe(1);
    expect(await keyCount(`${booking.documentId}:traveling:sms:trip-1`)).toBe(1);

    // The log keeps the words, never a working link.
    const log = await host().admin('GET', `/notifications?bookingId=${booking.documentId}`);
    expect(log.status).toBe(200);
    const rows = await host().database.select(
      'select content from enroute_notifications where idempotency_key = $1',
      [`${booking.documentId}:traveling:sms:trip-1`],
    );
    const stored: unknown = rows[0]?.content;
    const content = typeof stored === 'string' ? stored : JSON.stringify(stored);
    expect(content).toContain('[access-code]');
    expect(content).not.toContain(token);
  });

  it('lets one prepare win when two Strapi instances share the database', async (context) => {
    // The scale path: several instances on one PostgreSQL database.
    if (host().database.client !== 'postgres') return context.skip();
    const second = await startHost({
      database: host().database,
      env: { ENROUTE_RELAY_ENABLED: 'false' },
    });
    try {
      const { booking } = await putBooking(host(), fullAccess, 'two-instances');
      await changeStatus(booking.documentId, 'traveling');
      const event = statusEvent(booking.documentId, inDays(2), 'scheduled', 'traveling');
      const batches = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          prepared('traveling', [event], index % 2 === 0 ? host() : second),
        ),
      );
      expect(batches.flatMap((batch) => batch.sms)).toHaveLength(1);
      expect(batches.flatMap((batch) => batch.email)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it('sends a second journey its own "on the way" message, and one journey told three times once', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'journeys');
    await changeStatus(booking.documentId, 'traveling');
    const first = statusEvent(booking.documentId, inDays(2), 'scheduled', 'traveling');
    const told = await Promise.all(
      // The same event delivered twice, and another event of the same journey.
      [first, first, statusEvent(booking.documentId, inDays(2), 'scheduled', 'traveling')].map(
        (event) => prepared('traveling', [event]),
      ),
    );
    expect(told.flatMap((batch) => batch.sms)).toHaveLength(1);
    expect(told.flatMap((batch) => batch.email)).toHaveLength(1);
    // Turned back (moved to another day), then on the way again: a second journey.
    await changeStatus(booking.documentId, 'scheduled');
    await changeStatus(booking.documentId, 'traveling');
    const second = await prepared('traveling', [
      statusEvent(booking.documentId, inDays(2), 'scheduled', 'traveling'),
    ]);
    expect(second.sms).toHaveLength(1);
    expect(second.email).toHaveLength(1);
    const keys = [...told.flatMap((batch) => batch.sms), ...second.sms].map(
      (sms) => sms.idempotencyKey,
    );
    expect(keys.map((key) => key.split(':').at(-1))).toEqual(['trip-1', 'trip-2']);
  });

  it('records a batch of results, each once, and answers what it could not record', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'result');
    await changeStatus(booking.documentId, 'traveling');
    const batch = await prepared('traveling', [
      statusEvent(booking.documentId, inDays(2), 'scheduled', 'traveling'),
    ]);
    const sms = batch.sms[0]!.notificationId;
    const email = batch.email[0]!.notificationId;

    const first = await recordResults([
      { notificationId: sms, state: 'failed' },
      { notificationId: email, state: 'sent', providerMessageId: '<m1@example.com>' },
      { notificationId: 'nosuchnotification', state: 'sent' },
    ]);
    expect(first.data).toEqual([
      expect.objectContaining({ documentId: email, state: 'sent', attempts: 1 }),
    ]);
    expect(first.errors).toEqual([
      {
        index: 0,
        notificationId: sms,
        status: 400,
        message: 'reason: is required when state is failed',
      },
      {
        index: 2,
        notificationId: 'nosuchnotification',
        status: 404,
        message: 'id: no notification with documentId nosuchnotification',
      },
    ]);

    const second = await recordResults([
      { notificationId: sms, state: 'failed', reason: 'provider-error: 503' },
      { notificationId: email, state: 'sent' },
    ]);
    expect(second.data).toEqual([
      expect.objectContaining({ documentId: sms, state: 'failed', attempts: 1 }),
    ]);
    expect(second.errors).toMatchObject([{ index: 1, status: 409 }]);

    // A failed message is claimed again by the next event of its kind, by one of five at once.
    const retries = await Promise.all(
      Array.from({ length: 5 }, () =>
        prepared('traveling', [
          statusEvent(booking.documentId, inDays(2), 'scheduled', 'traveling'),
        ]),
      ),
    );
    expect(retries.flatMap((retry) => retry.sms).map((one) => one.notificationId)).toEqual([sms]);
    expect(retries.flatMap((retry) => retry.email)).toEqual([]);
    const third = await recordResults([
      {
        notificationId: sms,
        state: 'sent',
        providerMessageId: 'SM123',
        providerResponse: { sid: 'SM123' },
      },
    ]);
    expect(third.data[0]).toMatchObject({
      state: 'sent',
      attempts: 2,
      providerMessageId: 'SM123',
      recipientMasked: '+33*******78',
    });
  });

  it('passes over an event for a booking deleted since, and an event of another message', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'other');
    const batch = await prepared('traveling', [
      statusEvent('nosuchbooking', inDays(2), 'scheduled', 'traveling'),
      statusEvent(booking.documentId, inDays(2), 'scheduled', 'completed'),
    ]);
    expect(batch).toMatchObject({
      email: [],
      sms: [],
      skipped: [],
      missing: [{ bookingId: 'nosuchbooking', source: 0 }],
    });
  });

  it('refuses a bad request with every wrong field named, and logs nothing', async () => {
    const before = await host().database.select('select count(*) as n from enroute_notifications');
    const bad = await prepareEvents({
      type: 'postcard',
      events: [{ id: 'not-a-uuid', type: 'booking.status_changed', booking: {} }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details?.errors?.map((error) => error.path)).toEqual(
      expect.arrayContaining(['type', 'events.0.id', 'events.0.booking.documentId']),
    );
    expect((await prepareEvents({ type: 'traveling', events: [] })).status).toBe(400);
    const badPage = await host().api('POST', '/messaging/prepare/reminders', fullAccess, {
      limit: 0,
    });
    expect(badPage.status).toBe(400);
    expect(badPage.body.error?.details?.errors?.[0]?.path).toBe('limit');
    const badResults = await host().api('POST', '/messaging/results', fullAccess, {
      results: [{ notificationId: 'x', state: 'delivered' }],
    });
    expect(badResults.status).toBe(400);
    expect(badResults.body.error?.details?.errors?.[0]?.path).toBe('results.0.state');

    // A read-only token prepares and records nothing.
    for (const path of [
      '/messaging/prepare/events',
      '/messaging/prepare/reminders',
      '/messaging/results',
    ]) {
      expect((await host().api('POST', path, readOnly, {})).status).toBe(403);
    }
    // The test clock is for tests only: refused where it is not switched on.
    const clocked = await host().api(
      'POST',
      '/messaging/prepare/reminders',
      fullAccess,
      {},
      { 'x-enroute-now': '2030-01-01T10:00:00.000Z' },
    );
    expect(clocked.status).toBe(400);
    expect(clocked.body.error?.details?.errors?.[0]?.path).toBe('X-Enroute-Now');
    const after = await host().database.select('select count(*) as n from enroute_notifications');
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n));
  });

  it('prepares the due reminders a page at a time: inside the window, exclusions logged, each booking once', async () => {
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
    const settings = await host().admin('PUT', '/settings', {
      excludedAccountIds: [excluded.account.documentId],
    });
    expect(settings.status).toBe(200);

    const run = () => scheduledRun(host(), { limit: 2 });
    const first = await run();
    const remindedIds = first.email.map((email) => email.bookingId);
    expect(remindedIds).toContain(soon.booking.documentId);
    expect(remindedIds).not.toContain(far.booking.documentId);
    expect(remindedIds).not.toContain(canceled.booking.documentId);
    expect(new Set(remindedIds).size).toBe(remindedIds.length);
    expect(first.email.find((email) => email.bookingId === soon.booking.documentId)).toMatchObject({
      type: 'reminder',
      ics: { method: 'REQUEST' },
    });
    expect(
      first.skipped.filter((skip) => skip.bookingId === excluded.booking.documentId),
    ).toMatchObject([
      { channel: 'email', reason: 'excluded-account' },
      { channel: 'sms', reason: 'excluded-account' },
    ]);

    // A second run prepares nothing again and logs no skip twice.
    const second = await run();
    expect(second.email).toEqual([]);
    expect(second.sms).toEqual([]);
    expect(second.skipped.every((skip) => skip.notificationId === null)).toBe(true);

    // A reminder that failed is prepared again by the next run.
    const email = first.email.find((one) => one.bookingId === soon.booking.documentId)!;
    await recordResults([
      { notificationId: email.notificationId, state: 'failed', reason: 'provider-error: timeout' },
    ]);
    const third = await run();
    expect(third.email.map((one) => one.notificationId)).toEqual([email.notificationId]);

    const messaging = MessagingSettings.parse(
      (await host().api('GET', '/messaging/settings', readOnly)).body,
    );
    expect(messaging.excludedAccountIds).toEqual([excluded.account.documentId]);
  });

  it('fails a message that lacks what it must say (a completed visit with no completion time), named in the log, and sends nothing half-empty', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'no-completion');
    await changeStatus(booking.documentId, 'completed');
    // A booking written straight into the database (an import) carries no completion time.
    await host().database.execute(
      'update enroute_bookings set completed_at = null where document_id = $1',
      [booking.documentId],
    );
    const batch = await prepared('completed', [
      statusEvent(booking.documentId, inDays(2), 'in-progress', 'completed'),
    ]);
    expect(batch.email).toEqual([]);
    expect(batch.sms).toEqual([]);
    const reason = 'could not prepare the message: the booking has no completion time';
    expect(batch.failed).toEqual([{ bookingId: booking.documentId, source: 0, reason }]);
    const log = await host().admin('GET', `/notifications?bookingId=${booking.documentId}`);
    const entries = (log.body.data as { type: string; state: string; reason: string }[]).filter(
      (entry) => entry.type === 'completed',
    );
    expect(entries.map((entry) => [entry.state, entry.reason])).toEqual([
      ['failed', reason],
      ['failed', reason],
    ]);
  });

  it('does not tell an event the booking has moved on from: logged expired with its status now, and the message is sent once it is true again', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'told-late');
    await changeStatus(booking.documentId, 'traveling');
    await changeStatus(booking.documentId, 'in-progress');
    const late = await prepared('traveling', [
      statusEvent(booking.documentId, inDays(2), 'scheduled', 'traveling'),
    ]);
    expect([...late.email, ...late.sms]).toEqual([]);
    const log = await host().admin('GET', `/notifications?bookingId=${booking.documentId}`);
    const entries = (log.body.data as { type: string; state: string; reason: string }[]).filter(
      (entry) => entry.type === 'traveling',
    );
    expect(entries.map((entry) => [entry.state, entry.reason])).toEqual([
      ['expired', 'the booking is in-progress now'],
      ['expired', 'the booking is in-progress now'],
    ]);
    // The same event again is the same expired entry, not a second one.
    await prepared('traveling', [
      statusEvent(booking.documentId, inDays(2), 'scheduled', 'traveling'),
    ]);
    const again = await host().admin('GET', `/notifications?bookingId=${booking.documentId}`);
    expect((again.body.data as unknown[]).length).toBe((log.body.data as unknown[]).length);
    // Completed, and told in time: the completed message goes out.
    await changeStatus(booking.documentId, 'completed');
    const completed = await prepared('completed', [
      statusEvent(booking.documentId, inDays(2), 'in-progress', 'completed'),
    ]);
    expect(completed.email).toHaveLength(1);
    expect(completed.sms).toHaveLength(1);
  });

  it('sends a canceled message only after a reminder was sent for the booking', async () => {
    const { booking } = await putBooking(host(), fullAccess, 'cancel-after', {
      start: inDays(1, 3),
      end: inDays(1, 5),
    });
    const cancel = () =>
      prepared('canceled', [
        statusEvent(booking.documentId, inDays(1, 3), 'scheduled', 'canceled'),
      ]);
    const before = await cancel();
    expect(before.skipped.map((skip) => skip.reason)).toEqual([
      'no-reminder-before',
      'no-reminder-before',
    ]);
    let reminder: PreparedBatch['email'][number] | undefined;
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const answer = await host().api('POST', '/messaging/prepare/reminders', fullAccess, {
        cursor,
      });
      const page = PreparedBatch.parse(answer.body);
      reminder ??= page.email.find((email) => email.bookingId === booking.documentId);
      cursor = page.next ?? null;
    }
    expect(reminder).toBeDefined();
    await recordResults([{ notificationId: reminder!.notificationId, state: 'sent' }]);
    await changeStatus(booking.documentId, 'canceled');
    const after = await cancel();
    expect(after.email.map((email) => email.bookingId)).toEqual([booking.documentId]);
    expect(after.email[0]?.ics?.method).toBe('CANCEL');
  });
});
