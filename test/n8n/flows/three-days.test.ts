import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { signPayload } from 'strapi-plugin-enroute/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sqliteDatabase, type TestDatabase } from '../../../cms-plugin/tests/support/database.ts';
import { startHost, type Host } from '../../../cms-plugin/tests/support/host.ts';
import { rescheduleEvent, statusChangeEvent } from '../../../cms-plugin/tests/support/messages.ts';
import { activateWebhookWorkflow } from '../support/webhook-receiver.ts';
import {
  flowEngine,
  PORTAL,
  removeUserFolder,
  startProviders,
  template,
  WEBHOOK_SECRET,
  type Providers,
} from './environment.ts';

/**
 * Three simulated days through the real Strapi and n8n's engine running the real templates: the
 * reminder flow every 5 simulated minutes, the rescheduled and canceled flows when a dispatcher
 * moves or cancels. Customers in Seattle, Paris (whose clocks go forward on the third day), Dubai
 * and Tokyo; bookings made at random moments (some the evening before), some moved, some
 * canceled. The plugin's routes take the simulated time from a test clock, set on each request by
 * a proxy in front of them.
 *
 * What each customer should get is worked out here from the product's promises, on the wall clock
 * of their zone: the reminder at 10:00 on the day before the visit (the window is one day), or at
 * the first run after the booking was made if that was later, never between 21:00 and 08:00 (it
 * waits for 08:00) and never at or after the start; "moved" at the move (after 08:00 if at night)
 * when a reminder went before, then a reminder for the new start; "canceled" at once when a
 * reminder went before; nothing twice.
 */

const MINUTE = 60_000;
const RUN_EVERY = 5 * MINUTE;
const FROM = Date.parse('2027-03-26T00:00:00Z');
const UNTIL = Date.parse('2027-03-29T00:00:00Z');
const ZONES = {
  seattle: 'America/Los_Angeles',
  paris: 'Europe/Paris',
  dubai: 'Asia/Dubai',
  tokyo: 'Asia/Tokyo',
} as const;
type City = keyof typeof ZONES;

/** A small seeded generator, so that every run tells the same three days. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, between: (low: number, high: number) => low + Math.floor(next() * (high - low)) };
}

type Plan = {
  id: string;
  city: City;
  createdAt: number;
  start: number;
  move?: { at: number; to: number };
  cancelAt?: number;
};

/** The bookings of the three days, six per city. */
function plans(): Plan[] {
  const random = generator(20270326);
  const made: Plan[] = [];
  for (const city of Object.keys(ZONES) as City[]) {
    for (let index = 0; index < 6; index += 1) {
      const day = DateTime.fromMillis(FROM, { zone: ZONES[city] })
        .startOf('day')
        .plus({ days: 1 + (index % 3) });
      // Visits to be moved start early, so that their reminder (10:00 the day before) comes first.
      const hour = index === 1 || index === 3 ? random.between(8, 10) : random.between(8, 18);
      const start = day.set({ hour, minute: 5 * random.between(0, 12) });
      // Made two days ahead, or the evening before (after the day's 10:00 has gone).
      const createdAt =
        index % 3 === 2
          ? start
              .minus({ days: 1 })
              .set({ hour: random.between(18, 24), minute: random.between(0, 60) })
          : start.minus({ days: 2, minutes: random.between(0, 600) });
      const plan: Plan = {
        id: `${city}-${index}`,
        city,
        createdAt: Math.max(FROM, createdAt.toMillis()),
        start: start.toMillis(),
      };
      if (index === 1) {
        // Moved three hours later: at night, after the reminder.
        const at = start
          .minus({ days: 1 })
          .set({ hour: 23, minute: 10 + 5 * random.between(0, 8) });
        plan.move = { at: at.toMillis(), to: start.plus({ hours: 3 }).toMillis() };
      }
      if (index === 3) {
        plan.move = {
          at: start.minus({ hours: 20 }).toMillis(),
          to: start.plus({ hours: 2 }).toMillis(),
        };
      }
      if (index === 4) plan.cancelAt = start.minus({ hours: 2 }).toMillis();
      // Canceled half an hour after it was made: before or after its reminder.
      if (index === 5) plan.cancelAt = plan.createdAt + 30 * MINUTE;
      made.push(plan);
    }
  }
  return made;
}

/** The first run at or after `at`. */
const runAt = (at: number) => Math.ceil((at - FROM) / RUN_EVERY) * RUN_EVERY + FROM;

function quiet(at: number, zone: string): boolean {
  const hour = DateTime.fromMillis(at, { zone }).hour;
  return hour >= 21 || hour < 8;
}

/** `at`, or 08:00 on the customer's clock when `at` falls in their quiet hours. */
function outsideQuietHours(at: number, zone: string): number {
  if (!quiet(at, zone)) return at;
  const local = DateTime.fromMillis(at, { zone });
  const morning = (local.hour >= 21 ? local.plus({ days: 1 }) : local).set({
    hour: 8,
    minute: 0,
    second: 0,
    millisecond: 0,
  });
  return morning.toMillis();
}

/** 10:00 on the customer's clock on the first day their booking is within a day of its start. */
function sendTime(start: number, zone: string): number {
  const opens = DateTime.fromMillis(start - 86_400_000, { zone });
  const ten = opens.set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  return (ten.toMillis() >= opens.toMillis() ? ten : ten.plus({ days: 1 })).toMillis();
}

type Sent = { type: string; at: number };

/** What the customer of a plan should get, by message type, at which run (within the days). */
function expected(plan: Plan): Sent[] {
  const zone = ZONES[plan.city];
  const out: Sent[] = [];
  const reminderFor = (start: number, existsFrom: number, until: number) => {
    const at = outsideQuietHours(runAt(Math.max(existsFrom, sendTime(start, zone))), zone);
    return at < start && at < until ? at : null;
  };
  // A change happens at a run of the days, once the booking exists.
  const happens = (at: number | undefined) =>
    at !== undefined && runAt(at) >= runAt(plan.createdAt) && runAt(at) < UNTIL;
  const end = happens(plan.cancelAt) ? (plan.cancelAt ?? Infinity) : Infinity;
  if (!happens(plan.move?.at)) delete plan.move;
  const first = reminderFor(
    plan.start,
    plan.createdAt,
    plan.move ? Math.min(plan.move.at, end) : end,
  );
  if (first !== null) out.push({ type: 'reminder', at: first });
  if (plan.move && plan.move.at < end) {
    const movedAt = runAt(plan.move.at);
    if (first !== null)
      out.push({ type: 'rescheduled', at: runAt(outsideQuietHours(movedAt, zone)) });
    const second = reminderFor(plan.move.to, movedAt, end);
    if (second !== null) out.push({ type: 'reminder', at: second });
  }
  if (end !== Infinity && out.some((one) => one.type === 'reminder' && one.at <= runAt(end))) {
    out.push({ type: 'canceled', at: runAt(end) });
  }
  return out
    .filter((one) => one.at < UNTIL)
    .sort((a, b) => a.at - b.at || a.type.localeCompare(b.type));
}

let database: TestDatabase;
let host: Host;
let providers: Providers;
let clockProxy: ReturnType<typeof createServer>;
let now = FROM;

beforeAll(async () => {
  database = await sqliteDatabase();
  [host, providers] = await Promise.all([
    startHost({ database, env: { ENROUTE_RELAY_ENABLED: 'false', ENROUTE_TEST_CLOCK: 'true' } }),
    startProviders(),
  ]);
  const settings = await host.admin('PUT', '/settings', {
    portalBaseUrl: PORTAL,
    webhookSecret: WEBHOOK_SECRET,
    reminderWindowDays: 1,
    reminderSendTime: '10:00',
    reminderSendTimeZone: 'account',
  });
  expect(settings.status).toBe(200);
  // Every request of the flows to the plugin carries the simulated time.
  const target = new URL(host.url);
  clockProxy = createServer((incoming, outgoing) => {
    const forward = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, 'x-enroute-now': new Date(now).toISOString() },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => clockProxy.listen(0, '127.0.0.1', resolve));
}, 180_000);

afterAll(async () => {
  clockProxy?.close();
  await Promise.all([host?.stop(), providers?.close()]);
  await database?.drop();
  removeUserFolder();
});

it(
  'sends every customer in Seattle, Paris, Dubai and Tokyo exactly the messages due, at their time',
  async () => {
    const token = host.tokens.fullAccess;
    const put = async (route: string, body: unknown) => {
      const answer = await host.api('PUT', route, token, body);
      if (answer.status >= 300) throw new Error(`PUT ${route}: ${JSON.stringify(answer.body)}`);
      return answer.body.data as { documentId: string };
    };
    for (const [city, timeZone] of Object.entries(ZONES)) {
      await put(`/service-accounts/account-${city}`, {
        name: `Account ${city}`,
        address: `1 Main Street, ${city}`,
        timeZone,
      });
    }
    await put('/resources/tech-1', { name: 'Sam Fixer', phone: '+441174960123' });
    const engine = flowEngine(
      { url: `http://127.0.0.1:${(clockProxy.address() as AddressInfo).port}`, token },
      providers,
    );
    const reminderFlow = template('reminder.json');
    const flows = {
      rescheduled: activateWebhookWorkflow(engine, template('rescheduled.json')),
      canceled: activateWebhookWorkflow(engine, template('canceled.json')),
    };
    const deliver = async (flow: keyof typeof flows, event: unknown) => {
      const body = JSON.stringify(event);
      const signature = signPayload(WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000));
      const answer = await flows[flow].receive({ 'x-enroute-signature': signature }, body);
      expect(answer.status).toBe(200);
      await answer.run;
    };

    const all = plans();
    const documentIds = new Map<string, string>();
    const starts = new Map(all.map((plan) => [plan.id, plan.start]));
    const received = new Map<string, Sent[]>(all.map((plan) => [plan.id, []]));
    const seen = new Set<string>();
    const iso = (at: number) => new Date(at).toISOString();

    for (now = FROM; now < UNTIL; now += RUN_EVERY) {
      for (const plan of all) {
        if (runAt(plan.createdAt) === now) {
          const n = all.indexOf(plan);
          await put(`/contacts/contact-${plan.id}`, {
            name: `Customer ${plan.id}`,
            email: `${plan.id}@example.com`,
            mobilePhone: `+447911${String(100_000 + n).slice(-6)}`,
            locale: 'en',
          });
          await put(`/work-orders/wo-${plan.id}`, {
            number: `WO-${plan.id}`,
            serviceAccount: `account-${plan.city}`,
            reportedBy: `contact-${plan.id}`,
          });
          const booking = await put(`/bookings/booking-${plan.id}`, {
            workOrder: `wo-${plan.id}`,
            resource: 'tech-1',
            start: iso(plan.start),
            end: iso(plan.start + 3_600_000),
          });
          documentIds.set(plan.id, booking.documentId);
        }
        const documentId = documentIds.get(plan.id);
        if (!documentId) continue;
        if (
          plan.move &&
          runAt(plan.move.at) === now &&
          (plan.cancelAt ?? Infinity) > plan.move.at
        ) {
          const from = iso(starts.get(plan.id) ?? plan.start);
          const to = iso(plan.move.to);
          const moved = await host.api('PATCH', `/bookings/${documentId}`, token, {
            start: to,
            end: iso(plan.move.to + 3_600_000),
          });
          expect(moved.status).toBe(200);
          starts.set(plan.id, plan.move.to);
          await deliver('rescheduled', rescheduleEvent(documentId, from, to, iso(now)));
        }
        if (plan.cancelAt !== undefined && runAt(plan.cancelAt) === now) {
          const canceled = await host.api('PATCH', `/bookings/${documentId}`, token, {
            status: 'canceled',
          });
          expect(canceled.status).toBe(200);
          const start = starts.get(plan.id) ?? plan.start;
          await deliver(
            'canceled',
            statusChangeEvent(
              { documentId, start: iso(start), end: iso(start + 3_600_000) },
              'scheduled',
              'canceled',
            ),
          );
        }
      }
      const run = await engine.run(reminderFlow, [{ json: {} }]);
      expect(run.status).toBe('success');
      // What went out at this run, as the log records it.
      const rows = await database.select(
        `select n.document_id, n.type, n.channel, b.external_id from enroute_notifications n
         join enroute_bookings b on b.id = n.booking_id where n.state = 'sent'`,
      );
      for (const row of rows) {
        const key = String(row.document_id);
        if (seen.has(key)) continue;
        seen.add(key);
        const id = String(row.external_id).replace(/^booking-/, '');
        received.get(id)?.push({ type: `${String(row.type)}:${String(row.channel)}`, at: now });
      }
    }

    const describe = (list: Sent[]) => list.map((one) => `${one.type}@${iso(one.at)}`).sort();
    const problems: string[] = [];
    for (const plan of all) {
      const want = expected(plan).flatMap((one) => [
        { type: `${one.type}:email`, at: one.at },
        { type: `${one.type}:sms`, at: one.at },
      ]);
      const got = received.get(plan.id) ?? [];
      if (JSON.stringify(describe(got)) !== JSON.stringify(describe(want))) {
        problems.push(
          `${plan.id}: expected ${describe(want).join(', ')}; got ${describe(got).join(', ')}`,
        );
      }
      for (const one of got.filter((message) => !message.type.startsWith('canceled'))) {
        if (quiet(one.at, ZONES[plan.city]))
          problems.push(`${plan.id}: ${one.type} in quiet hours`);
      }
    }
    expect(problems).toEqual([]);
    // Every message the log calls sent reached the providers, once.
    expect(providers.smtp.received).toHaveLength(seen.size / 2);
    expect(providers.twilio.messages).toHaveLength(seen.size / 2);
    // The days told what they were meant to: reminders on the day Paris's clocks went forward,
    // a move at night held until 08:00, cancellations told and untold.
    const sent = all.flatMap((plan) =>
      (received.get(plan.id) ?? [])
        .filter((one) => one.type.endsWith(':email'))
        .map((one) => ({
          ...one,
          plan,
          local: DateTime.fromMillis(one.at, { zone: ZONES[plan.city] }),
        })),
    );
    const count = (type: string) => sent.filter((one) => one.type === `${type}:email`).length;
    console.log(
      `three days: ${count('reminder')} reminders, ${count('rescheduled')} moved, ${count('canceled')} canceled, to ${all.length} customers`,
    );
    expect(
      sent.some(
        (one) =>
          one.plan.city === 'paris' &&
          one.type === 'reminder:email' &&
          one.local.toISODate() === '2027-03-28',
      ),
    ).toBe(true);
    expect(
      sent.some(
        (one) => one.type === 'rescheduled:email' && one.local.hour === 8 && one.local.minute === 0,
      ),
    ).toBe(true);
    expect(count('canceled')).toBeGreaterThanOrEqual(1);
    expect(all.filter((plan) => plan.cancelAt !== undefined).length).toBeGreaterThan(
      count('canceled'),
    );
    expect(count('reminder')).toBeGreaterThanOrEqual(18);
  },
  20 * 60_000,
);
