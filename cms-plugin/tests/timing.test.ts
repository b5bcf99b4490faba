import { beforeAll, expect, it } from 'vitest';
import { PreparedBatch, type NotificationState } from '../shared/contracts/index.ts';
import { putBooking } from './support/fixtures.ts';
import { rescheduleEvent, scheduledRun } from './support/messages.ts';
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
  },
  { env: { ENROUTE_TEST_CLOCK: 'true' } },
);
