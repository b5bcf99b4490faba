import { expect, it } from 'vitest';
import { NotificationLogPage } from '../shared/contracts/index.ts';
import { inDays, putBooking, QUIET_HOURS_OFF } from './support/fixtures.ts';
import { statusChangeEvent } from './support/messages.ts';
import { onEveryDatabase } from './support/suite.ts';

/**
 * Up to 0.1.0 the message log and the access codes kept their booking in link tables. A database
 * of that time, started with this version, keeps every logged message's booking, and every
 * customer's link still opens their booking.
 */
onEveryDatabase('a database of an earlier version', (host) => {
  it('keeps the booking of each logged message and of each link when the link tables go', async () => {
    const { fullAccess } = host().tokens;
    expect((await host().admin('PUT', '/settings', QUIET_HOURS_OFF)).status).toBe(200);
    const { booking } = await putBooking(host(), fullAccess, 'older-log');
    expect(
      (
        await host().api('PATCH', `/bookings/${booking.documentId}`, fullAccess, {
          status: 'traveling',
        })
      ).status,
    ).toBe(200);
    const prepared = await host().api('POST', '/messaging/prepare/events', fullAccess, {
      type: 'traveling',
      events: [
        statusChangeEvent(
          { documentId: booking.documentId, start: inDays(2) },
          'scheduled',
          'traveling',
        ),
      ],
    });
    expect(prepared.status).toBe(200);
    const logged = async () =>
      NotificationLogPage.parse(
        (await host().admin('GET', `/notifications?bookingId=${booking.documentId}`)).body,
      ).data.map((entry) => `${entry.type}:${entry.channel}`);
    expect((await logged()).sort()).toEqual(['traveling:email', 'traveling:sms']);
    const sms = String((prepared.body as { sms: { body: string }[] }).sms[0]?.body);
    const token = /\/t\/([A-Za-z0-9_-]{22,})/.exec(sms)?.[1] ?? '';
    const opens = async () => {
      const answer = await host().api('GET', `/access-codes/${token}`, host().tokens.readOnly);
      return answer.status === 200 && JSON.stringify(answer.body).includes(booking.documentId);
    };
    expect(await opens()).toBe(true);

    // The log as the earlier version kept it: the booking in a link table of its own.
    await host().stop();
    const { database } = host();
    await database.execute(
      'create table enroute_notifications_booking_lnk (id integer primary key, notification_id integer, booking_id integer)',
    );
    await database.execute(
      'insert into enroute_notifications_booking_lnk (id, notification_id, booking_id) select id, id, booking_id from enroute_notifications',
    );
    await database.execute(
      'create table enroute_access_codes_booking_lnk (id integer primary key, access_code_id integer, booking_id integer)',
    );
    await database.execute(
      'insert into enroute_access_codes_booking_lnk (id, access_code_id, booking_id) select id, id, booking_id from enroute_access_codes',
    );
    for (const table of ['enroute_notifications', 'enroute_access_codes']) {
      if (database.client === 'postgres') {
        await database.execute(`alter table ${table} drop column booking_id`);
      } else {
        // SQLite cannot drop a column that has an index: the column is left empty instead.
        await database.execute(`update ${table} set booking_id = null`);
      }
    }

    await host().start();
    expect((await logged()).sort()).toEqual(['traveling:email', 'traveling:sms']);
    expect(await opens()).toBe(true);
  });
});
