import type { Core } from '@strapi/strapi';

/** A booking relation that moved from a link table into a column of its own table. */
type Moved = { table: string; link: string; ownColumn: string };

const MOVED: Moved[] = [
  // The message log: a row per message, read by booking through its own index.
  {
    table: 'enroute_notifications',
    link: 'enroute_notifications_booking_lnk',
    ownColumn: 'notification_id',
  },
  // Access codes: a row per booking's link, read by booking for every message.
  {
    table: 'enroute_access_codes',
    link: 'enroute_access_codes_booking_lnk',
    ownColumn: 'access_code_id',
  },
];

/**
 * Up to 0.1.0 the message log and the access codes kept their booking in link tables; it is now a
 * column of their own tables (written with each row, read through an index, and with no link row
 * whose foreign-key check reads the growing table). Before Strapi brings the tables in line with
 * the schema, which drops the link tables, each row's booking moves into the new column, so no
 * logged message and no customer's link loses its booking.
 */
export async function moveBookingsIntoTheirTables(strapi: Core.Strapi): Promise<void> {
  // A schema builder runs once: a new one for each statement.
  const schema = () => strapi.db.getSchemaConnection();
  const knex = strapi.db.connection;
  for (const { table, link, ownColumn } of MOVED) {
    if (!(await schema().hasTable(link)) || !(await schema().hasTable(table))) continue;
    if (!(await schema().hasColumn(table, 'booking_id'))) {
      await schema().alterTable(table, (builder) => builder.integer('booking_id').unsigned());
    }
    const moved = await knex(table)
      .whereNull('booking_id')
      .update({
        booking_id: knex(link)
          .select('booking_id')
          .where(`${link}.${ownColumn}`, knex.ref(`${table}.id`))
          .limit(1),
      });
    if (moved > 0) strapi.log.info(`enroute: ${moved} rows of ${table} keep their booking`);
  }
}
