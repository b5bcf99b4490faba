import { readFileSync } from 'node:fs';
import { flowEngine, removeUserFolder, template } from '../flows/environment.ts';
import { AT_SCALE, pluginProxy, startBenchPlugin, startProviderProcess } from './stand.ts';
import { percentile, tally } from './tally.ts';

/**
 * A week of reminders at scale: BENCH_REMINDERS bookings (50,000 by default) inside the reminder
 * window of a real Strapi with the plugin on PostgreSQL, all due; then the real reminder template,
 * run by n8n's engine, prepares them page by page and sends them with n8n's Send Email into a real
 * SMTP server and with n8n's Twilio node into the Twilio stand-in.
 *
 * The bookings are written straight into the database (the records API would take most of an
 * hour for 50,000): one account, one technician, and for each booking its own contact and work
 * order, as the records API stores them.
 *
 * Last line: `reminders: due= sent= per_s= duplicates= lost= strapi_rss_mb= page_ms_p95=` —
 * per_s counts bookings reminded per second of the run; strapi_rss_mb is Strapi's resident memory
 * at its highest during the run; page_ms_p95 is the 95th percentile of the plugin's answer time
 * to one page of due reminders.
 */
const COUNT = Number(process.env.BENCH_REMINDERS ?? 50_000);

// Strapi as the plugin's README says to run it at this scale.
const { database, host, token, stop } = await startBenchPlugin('bench:reminders', AT_SCALE);

/** The row id of the document with this external id. */
async function rowId(table: string, externalId: string): Promise<number> {
  const rows = await database.select(`select id from ${table} where external_id = $1`, [
    externalId,
  ]);
  if (!rows[0]) throw new Error(`no ${externalId} in ${table}`);
  return Number(rows[0].id);
}

/** Links each new row (ids from `from`) to a target, in a join table as Strapi keeps it. */
async function link(table: string, own: string, target: string, targetSql: string) {
  const columns = (
    await database.select(
      'select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1',
      [table],
    )
  ).map((row) => String(row.column_name));
  const order = columns.filter((column) => column.endsWith('_ord'));
  await database.execute(
    `insert into ${table} (${[own, target, ...order].join(', ')}) ` +
      `select g.id, ${targetSql}${order.map(() => ', 1').join('')} from seeded g`,
  );
}

const seedStart = performance.now();
const accountId = await rowId('enroute_service_accounts', 'bench-account');
const resourceId = await rowId('enroute_resources', 'bench-tech');
const now = Date.now();
await database.execute(
  `create table seeded as select g as n, g as id from generate_series(1, ${COUNT}) g`,
);
// Contacts, work orders and bookings share the numbering 1..N with their ids offset by what the
// tables held before (none for work orders and bookings; the API wrote none of them).
await database.execute(
  `insert into enroute_contacts (id, document_id, external_id, name, email, mobile_phone, locale, email_opt_out, sms_opt_out, created_at, updated_at, published_at)
   select 1000 + n, 'bc' || lpad(n::text, 22, '0'), 'bench-contact-' || n, 'Customer ' || n, 'r-' || n || '@example.com',
          '+4479111' || lpad(n::text, 5, '0'), 'en', false, false, now(), now(), now() from seeded`,
);
await database.execute(
  `insert into enroute_work_orders (id, document_id, external_id, number, created_at, updated_at, published_at)
   select n, 'bw' || lpad(n::text, 22, '0'), 'bench-wo-' || n, 'WO-' || n, now(), now(), now() from seeded`,
);
await database.execute(
  `insert into enroute_bookings (id, document_id, external_id, start, "end", booking_status, created_at, updated_at, published_at)
   select n, 'bb' || lpad(n::text, 22, '0'), 'bench-booking-' || n,
          to_timestamp(${Math.floor(now / 1000)} + 7200 + (n % 140) * 3600),
          to_timestamp(${Math.floor(now / 1000)} + 10800 + (n % 140) * 3600),
          'scheduled', now(), now(), now() from seeded`,
);
for (const table of ['enroute_contacts', 'enroute_work_orders', 'enroute_bookings']) {
  await database.execute(
    `select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`,
  );
}
await link(
  'enroute_work_orders_service_account_lnk',
  'work_order_id',
  'service_account_id',
  String(accountId),
);
await database.execute('update seeded set id = n');
await link('enroute_work_orders_reported_by_lnk', 'work_order_id', 'contact_id', '1000 + g.n');
await link('enroute_bookings_work_order_lnk', 'booking_id', 'work_order_id', 'g.n');
await link('enroute_bookings_resource_lnk', 'booking_id', 'resource_id', String(resourceId));
await database.execute('drop table seeded');
// What autovacuum does after a bulk load like this one: the planner learns the tables' sizes.
await database.execute('analyze');
console.log(
  `setup: ${COUNT} bookings written in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
);

/** Requests from n8n to the plugin go through here: each reminder page is timed. */
const pageMs: number[] = [];
const proxy = await pluginProxy(host.url, (path, ms) => {
  if (path.includes('/messaging/prepare/reminders')) pageMs.push(ms);
});

/** Strapi's resident memory, sampled through the run. */
let rssMb = 0;
const sampler = setInterval(() => {
  try {
    const status = readFileSync(`/proc/${host.pid()}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    rssMb = Math.max(rssMb, kb / 1024);
  } catch {
    // Strapi is between samples of its own life; the next sample reads it.
  }
}, 250);

const providers = await startProviderProcess();

try {
  const engine = flowEngine(
    { url: proxy.url, token },
    { smtp: { port: providers.smtpPort }, twilio: { url: providers.twilioUrl } },
  );
  const runStart = performance.now();
  const run = await engine.run(template('reminder.json'), [{ json: {} }]);
  const seconds = (performance.now() - runStart) / 1000;
  if (run.status !== 'success') throw new Error(`the reminder run ended ${run.status}`);
  const arrived = await providers.arrived();
  const indexes = Array.from({ length: COUNT }, (_, index) => index + 1);
  const emails = tally(
    indexes.map((n) => `r-${n}@example.com`),
    arrived.emails,
  );
  const sms = tally(
    indexes.map((n) => `+4479111${String(n).padStart(5, '0')}`),
    arrived.sms.map((message) => message.to),
  );
  console.log(
    `run: ${arrived.emails.length} emails and ${arrived.sms.length} SMS in ${seconds.toFixed(1)} s, ${pageMs.length} pages`,
  );
  console.log(
    `reminders: due=${COUNT} sent=${COUNT - Math.max(emails.lost, sms.lost)} per_s=${(COUNT / seconds).toFixed(0)} duplicates=${emails.duplicates + sms.duplicates} lost=${emails.lost + sms.lost} strapi_rss_mb=${rssMb.toFixed(0)} page_ms_p95=${percentile(pageMs, 95).toFixed(0)}`,
  );
} finally {
  clearInterval(sampler);
  await providers.close();
  removeUserFolder();
  proxy.close();
  await stop();
}
