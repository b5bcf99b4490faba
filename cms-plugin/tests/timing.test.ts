import { beforeAll, expect, it } from 'vitest';
import { PreparedBatch, type NotificationState } from '../shared/contracts/index.ts';
import { putBooking } from './support/fixtures.ts';
import { rescheduleEvent, scheduledRun, statusChangeEvent } from './support/messages.ts';
import { onEveryDatabase } from './support/suite.ts';

onEveryDatabase(
  'message timing: reminders at the customer’s local time, quiet hours, a test clock',
  (host) => {
    let token = '';
    beforeAll(async () => {
      token = host().tokens.fullAccess;
      const saved = await host().admin('PUT', '/settings', {
        portalBaseUrl: 'https://track.example.com',
        reminderWindowDays: 1,
        reminderSendTime: '10:00',
        reminderSendTimeZone: 'account',
      });
      expect(saved.status).toBe(200);
    });

    const post = async (path: string, now: string, body: unknown) => {
      const answer = await host().api('POST', path, token, body, { 'x-enroute-now': now });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return PreparedBatch.parse(answer.body);
    };
    /** Every page of the scheduled run at `now`. */
    const run = (now: string) => scheduledRun(host(), { now });
    const recordSent = async (batch: {
      email: { notificationId: string }[];
      sms: { notificationId: string }[];
    }) => {
      const results = [...batch.email, ...batch.sms].map(({ notificationId }) => ({
        notificationId,
        state: 'sent',
      }));
      const answer = await host().api('POST', '/messaging/results', token, { results });
      expect(answer.status).toBe(200);
    };
    const states = async (documentIds: string[]): Promise<NotificationState[]> => {
      const rows = await host().database.select(
        'select document_id, state from enroute_notifications',
      );
      return documentIds.map(
        (id) => rows.find((row) => row.document_id === id)?.state as NotificationState,
      );
    };
    const move = async (documentId: string, start: string) => {
      const end = new Date(Date.parse(start) + 3_600_000).toISOString();
      const answer = await host().api('PATCH', `/bookings/${documentId}`, token, { start, end });
      expect(answer.status).toBe(200);
    };

    it('reminds a Paris customer at 10:00 Paris time on the day the clocks go forward, then holds a night-time move until 08:00', async () => {
      // Monday 29 March 2027, 09:00 in Paris (UTC+2 since Sunday 02:00).
      const start = '2027-03-29T07:00:00.000Z';
      const { booking } = await putBooking(host(), token, 'paris-dst', {
        start,
        end: '2027-03-29T08:00:00.000Z',
      });
      const mine = (batch: Pick<PreparedBatch, 'email' | 'sms'>) =>
        [...batch.email, ...batch.sms].filter((one) => one.bookingId === booking.documentId);

      // Sunday 09:55 in Paris: not yet. 10:00: the reminder, by email and SMS.
      expect(mine(await run('2027-03-28T07:55:00.000Z'))).toEqual([]);
      const reminder = await run('2027-03-28T08:00:00.000Z');
      expect(
        mine(reminder)
          .map((one) => [one.channel, one.type])
          .sort(),
      ).toEqual([
        ['email', 'reminder'],
        ['sms', 'reminder'],
      ]);
      await recordSent({
        email: reminder.email.filter((one) => one.bookingId === booking.documentId),
        sms: reminder.sms.filter((one) => one.bookingId === booking.documentId),
      });
      expect(mine(await run('2027-03-28T08:05:00.000Z'))).toEqual([]);

      // Moved at 23:30 Paris time: the rescheduled message waits for the end of quiet hours.
      const later = '2027-03-29T12:00:00.000Z';
      await move(booking.documentId, later);
      const night = await post('/messaging/prepare/events', '2027-03-28T21:30:00.000Z', {
        type: 'rescheduled',
        events: [rescheduleEvent(booking.documentId, start, later, '2027-03-28T21:30:00.000Z')],
      });
      expect(night.email).toEqual([]);
      expect(night.sms).toEqual([]);
      expect(night.waiting.map((one) => [one.channel, one.notBefore]).sort()).toEqual([
        ['email', '2027-03-29T06:00:00.000Z'],
        ['sms', '2027-03-29T06:00:00.000Z'],
      ]);
      const waiting = night.waiting.map((one) => one.notificationId);
      expect(await states(waiting)).toEqual(['pending', 'pending']);

      // 07:55 in Paris: still waiting. 08:00: handed out, once.
      expect(mine(await run('2027-03-29T05:55:00.000Z'))).toEqual([]);
      const morning = await run('2027-03-29T06:00:00.000Z');
      const handed = mine(morning);
      expect(handed.map((one) => [one.channel, one.type]).sort()).toEqual([
        ['email', 'rescheduled'],
        ['sms', 'rescheduled'],
      ]);
      expect(handed.map((one) => one.notificationId).sort()).toEqual([...waiting].sort());
      const sms = morning.sms.find((one) => one.bookingId === booking.documentId);
      expect(sms?.body).toMatch(/https:\/\/track\.example\.com\/t\/[A-Za-z0-9_-]{22}/);
      expect(mine(await run('2027-03-29T06:05:00.000Z'))).toEqual([]);
    });

    it('logs a waiting message expired when the booking moves again before it could go', async () => {
      const start = '2027-04-06T07:00:00.000Z';
      const { booking } = await putBooking(host(), token, 'paris-again', {
        start,
        end: '2027-04-06T08:00:00.000Z',
      });
      const reminder = await run('2027-04-05T08:00:00.000Z');
      await recordSent({
        email: reminder.email.filter((one) => one.bookingId === booking.documentId),
        sms: reminder.sms.filter((one) => one.bookingId === booking.documentId),
      });
      const later = '2027-04-06T12:00:00.000Z';
      await move(booking.documentId, later);
      const night = await post('/messaging/prepare/events', '2027-04-05T20:00:00.000Z', {
        type: 'rescheduled',
        events: [rescheduleEvent(booking.documentId, start, later, '2027-04-05T20:00:00.000Z')],
      });
      expect(night.waiting).toHaveLength(2);
      // Moved once more in the night, before the message could go.
      await move(booking.documentId, '2027-04-06T14:00:00.000Z');
      const morning = await run('2027-04-06T06:00:00.000Z');
      expect(
        [...morning.email, ...morning.sms].filter((one) => one.type === 'rescheduled'),
      ).toEqual([]);
      expect(await states(night.waiting.map((one) => one.notificationId))).toEqual([
        'expired',
        'expired',
      ]);
    });

    it('sends an "on the way" message again after a passing failure, never after a refusal, and expires it once the technician arrives', async () => {
      const start = '2027-05-10T12:00:00.000Z';
      const { booking } = await putBooking(host(), token, 'retry', {
        start,
        end: '2027-05-10T13:00:00.000Z',
      });
      const moveTo = async (status: string) => {
        const answer = await host().api('PATCH', `/bookings/${booking.documentId}`, token, {
          status,
        });
        expect(answer.status).toBe(200);
      };
      await moveTo('traveling');
      const sent = await post('/messaging/prepare/events', '2027-05-10T09:00:00.000Z', {
        type: 'traveling',
        events: [statusChangeEvent({ ...booking, start }, 'scheduled', 'traveling')],
      });
      const email = sent.email[0]!;
      const sms = sent.sms[0]!;
      const record = (results: unknown[], now: string) =>
        host().api('POST', '/messaging/results', token, { results }, { 'x-enroute-now': now });
      await record(
        [
          {
            notificationId: email.notificationId,
            state: 'failed',
            reason: 'Send Email: connect ECONNREFUSED 127.0.0.1:2525',
          },
          {
            notificationId: sms.notificationId,
            state: 'failed',
            reason: 'Send SMS: Bad request - please check your parameters',
          },
        ],
        '2027-05-10T09:00:05.000Z',
      );
      const again = (batch: Pick<PreparedBatch, 'email' | 'sms'>) =>
        [...batch.email, ...batch.sms].filter((one) => one.bookingId === booking.documentId);
      // A minute after a first failed try, the email goes again; the refused SMS never does.
      expect(again(await run('2027-05-10T09:00:30.000Z'))).toEqual([]);
      const retried = again(await run('2027-05-10T09:01:05.000Z'));
      expect(retried.map((one) => [one.channel, one.notificationId])).toEqual([
        ['email', email.notificationId],
      ]);
      expect(again(await run('2027-05-10T09:01:10.000Z'))).toEqual([]);
      await record(
        [
          {
            notificationId: email.notificationId,
            state: 'failed',
            reason: 'Send Email: Connection timeout',
          },
        ],
        '2027-05-10T09:01:20.000Z',
      );
      // The technician arrives before the next try: the message is no longer true.
      await moveTo('in-progress');
      expect(again(await run('2027-05-10T09:10:00.000Z'))).toEqual([]);
      expect(await states([email.notificationId, sms.notificationId])).toEqual([
        'expired',
        'failed',
      ]);
    });

    it('takes over a claim left unanswered past its lease, sends it once, and never to a customer who opted out meanwhile', async () => {
      const start = '2027-05-11T12:00:00.000Z';
      const { booking } = await putBooking(host(), token, 'lease', {
        start,
        end: '2027-05-11T13:00:00.000Z',
      });
      const done = await host().api('PATCH', `/bookings/${booking.documentId}`, token, {
        status: 'completed',
      });
      expect(done.status).toBe(200);
      const claimed = await post('/messaging/prepare/events', '2027-05-11T13:30:00.000Z', {
        type: 'completed',
        events: [statusChangeEvent({ ...booking, start }, 'in-progress', 'completed')],
      });
      expect([claimed.email.length, claimed.sms.length]).toEqual([1, 1]);
      // The run that claimed them died without an answer.
      const mine = (batch: Pick<PreparedBatch, 'email' | 'sms'>) =>
        [...batch.email, ...batch.sms]
          .filter((one) => one.bookingId === booking.documentId)
          .map((one) => one.notificationId)
          .sort();
      expect(mine(await run('2027-05-11T13:40:00.000Z'))).toEqual([]);
      // Meanwhile the customer turned email off: only the SMS goes, the email is logged expired.
      const optedOut = await host().api('PUT', '/contacts/contact-lease', token, {
        name: 'Camille Martin',
        email: 'camille@example.com',
        mobilePhone: '+33 6 12 34 56 78',
        locale: 'fr',
        emailOptOut: true,
      });
      expect(optedOut.status).toBe(200);
      const sms = claimed.sms.map((one) => one.notificationId);
      const email = claimed.email.map((one) => one.notificationId);
      expect(mine(await run('2027-05-11T13:46:00.000Z'))).toEqual(sms);
      expect(mine(await run('2027-05-11T13:47:00.000Z'))).toEqual([]);
      expect(await states([...email, ...sms])).toEqual(['expired', 'pending']);
    });
  },
  { env: { ENROUTE_TEST_CLOCK: 'true' } },
);
