import { fork } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { NotificationLogPage, type Notification } from 'strapi-plugin-enroute/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pluginProxy, startBenchPlugin } from '../bench/stand.ts';
import {
  removeUserFolder,
  startProviders,
  WEBHOOK_SECRET,
  type Providers,
} from '../flows/environment.ts';
import type { FromN8n, ToN8n } from './n8n.process.ts';
import { tcpGate } from './outage.ts';

/**
 * The fault suite: the whole delivery path on real parts (Strapi with the plugin on PostgreSQL
 * delivering its booking events, n8n's engine running the real templates in a process of its own,
 * a real SMTP server and the Twilio stand-in) while they fail as they do in production:
 *
 * 1. the SMTP server down and the SMS gateway answering 500, both for 60 s, while reminders are
 *    due and technicians set off;
 * 2. n8n killed (SIGKILL) in the middle of a reminder run (the plugin has claimed its messages,
 *    n8n never hears the answer), then started again;
 * 3. Strapi killed (SIGKILL) in the middle of delivering a burst of booking events, then started
 *    again on the same database.
 *
 * Then the reminder flow runs as its schedule would, on a test clock that moves on by minutes
 * (past the backoff of failed messages and the lease of claims n8n never answered). Afterwards
 * each message that was due must have reached the providers exactly once, or be logged expired or
 * failed with its reason. Counted from what the SMTP server and the SMS gateway received and from
 * the notification log; last line `faults: due= sent_once= duplicates= lost= expired= failed=`.
 */

const MINUTE = 60_000;
const OUTAGE_MS = 60_000;
const HOUR = 60 * MINUTE;
const HOST_RESOLUTION = new URL('../support/n8n-host-resolution.ts', import.meta.url).href;

type Due = { booking: string; type: 'reminder' | 'traveling'; email: string; phone: string };

let plugin: Awaited<ReturnType<typeof startBenchPlugin>>;
let providers: Providers;
let smtp: Awaited<ReturnType<typeof tcpGate>>;
let proxy: Awaited<ReturnType<typeof pluginProxy>>;
let n8n: Awaited<ReturnType<typeof startN8n>>;
/** The test clock: how far the plugin's "now" is ahead of the wall clock. */
let ahead = 0;
/** While set, the answer to the reminder run's request for this page reaches the proxy only. */
let withholdPage: { page: number; seen: number; withheld: () => void } | null = null;
const due: Due[] = [];
/** Customers made so far: each has a mobile number of their own. */
let customers = 0;

/** `promise`, or a failure saying what did not happen within `ms`. */
async function within<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** What the suite is doing, as it goes (the faults take minutes). */
const step = (what: string) => console.log(`fault suite: ${what}`);

/**
 * n8n's process: started with the proxy to Strapi, the SMTP gate and the Twilio stand-in; started
 * again, its webhooks listen where they did (the URL Strapi delivers to).
 */
async function startN8n(webhookPort = 0) {
  const child = fork(new URL('./n8n.process.ts', import.meta.url), {
    execArgv: ['--conditions=source', '--import', HOST_RESOLUTION],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  let events = 0;
  const eventWaiters: { count: number; resolve: () => void }[] = [];
  const waiting = new Map<FromN8n['kind'], (message: FromN8n) => void>();
  child.on('message', (message: FromN8n) => {
    if (message.kind === 'event') {
      events += message.traveling;
      for (const waiter of eventWaiters.filter((w) => events >= w.count)) waiter.resolve();
    }
    waiting.get(message.kind)?.(message);
  });
  const next = <K extends FromN8n['kind']>(kind: K) =>
    Promise.race([
      new Promise<Extract<FromN8n, { kind: K }>>((resolve) =>
        waiting.set(kind, (message) => resolve(message as Extract<FromN8n, { kind: K }>)),
      ),
      exited.then(() => {
        throw new Error(`n8n exited while the suite waited for "${kind}"`);
      }),
    ]);
  const tell = (message: ToN8n) => child.send(message);
  const started = next('started');
  tell({
    kind: 'start',
    strapiUrl: proxy.url,
    token: plugin.token,
    smtpPort: smtp.port,
    twilioUrl: providers.twilio.url,
    webhookPort,
  });
  const { webhookUrl, userFolder } = await within('n8n started', 120_000, started);
  return {
    webhookUrl,
    /** Runs the reminder flow once, as its schedule does, and waits for its end. */
    async reminders(): Promise<string> {
      const ran = next('reminders');
      tell({ kind: 'reminders' });
      return (await within('the reminder run', 120_000, ran)).status;
    },
    /** Resolves once `count` changes to traveling have reached n8n since it started. */
    eventsReached(count: number) {
      if (events >= count) return Promise.resolve();
      return within(
        `${count} changes to traveling delivered to n8n`,
        120_000,
        new Promise<void>((resolve) => eventWaiters.push({ count, resolve })),
      );
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
      rmSync(userFolder, { recursive: true, force: true });
    },
  };
}

/** A booking `hoursAhead` from now (plugin's clock) for a customer of its own. */
async function booking(id: string, hoursAhead: number): Promise<Due & { documentId: string }> {
  customers += 1;
  const email = `fault-${id}@example.com`;
  const phone = `+4479111${String(customers).padStart(5, '0')}`;
  await plugin.put(`/contacts/fault-contact-${id}`, {
    name: `Customer ${id}`,
    email,
    mobilePhone: phone,
    locale: 'en',
    emailOptOut: false,
    smsOptOut: false,
  });
  await plugin.put(`/work-orders/fault-wo-${id}`, {
    number: `WO-${id.toUpperCase()}`,
    serviceAccount: 'bench-account',
    reportedBy: `fault-contact-${id}`,
  });
  const startAt = Math.ceil((Date.now() + ahead) / MINUTE) * MINUTE + hoursAhead * HOUR;
  const created = await plugin.put(`/bookings/fault-booking-${id}`, {
    workOrder: `fault-wo-${id}`,
    resource: 'bench-tech',
    start: new Date(startAt).toISOString(),
    end: new Date(startAt + HOUR).toISOString(),
  });
  return {
    booking: created.documentId,
    documentId: created.documentId,
    type: 'reminder',
    email,
    phone,
  };
}

/** Bookings whose reminders are due now (inside the one-day window). */
async function remindersDue(prefix: string, count: number) {
  for (let index = 0; index < count; index += 1) {
    due.push(await booking(`${prefix}-${index}`, 20 + index / 10));
  }
}

/** Bookings outside the reminder window whose technicians set off now, all at once. */
async function techniciansSetOff(prefix: string, count: number) {
  const bookings = [];
  for (let index = 0; index < count; index += 1) {
    bookings.push(await booking(`${prefix}-${index}`, 30 + index / 10));
  }
  await Promise.all(
    bookings.map(async (made) => {
      const answer = await plugin.host.api('PATCH', `/bookings/${made.documentId}`, plugin.token, {
        status: 'traveling',
      });
      if (answer.status !== 200) throw new Error(`traveling: ${JSON.stringify(answer.body)}`);
      due.push({ ...made, type: 'traveling' });
    }),
  );
}

/** Every entry of the notification log. */
async function notificationLog(): Promise<Notification[]> {
  const entries: Notification[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await plugin.host.admin('GET', `/notifications?pageSize=100&page=${page}`);
    const read = NotificationLogPage.parse(answer.body);
    entries.push(...read.data);
    if (page >= read.meta.pageCount) return entries;
  }
}

beforeAll(async () => {
  plugin = await startBenchPlugin('test:faults', {
    ENROUTE_RELAY_ENABLED: 'true',
    ENROUTE_TEST_CLOCK: 'true',
  });
  providers = await startProviders();
  smtp = await tcpGate(providers.smtp.port);
  proxy = await pluginProxy(plugin.host.url, undefined, {
    headers: () => ({ 'x-enroute-now': new Date(Date.now() + ahead).toISOString() }),
    withhold: (path) => {
      if (!withholdPage || !path.includes('/messaging/prepare/reminders')) return false;
      withholdPage.seen += 1;
      if (withholdPage.seen !== withholdPage.page) return false;
      withholdPage.withheld();
      return true;
    },
  });
  n8n = await startN8n();
  const settings = await plugin.host.admin('PUT', '/settings', {
    webhookUrl: n8n.webhookUrl,
    webhookSecret: WEBHOOK_SECRET,
  });
  if (settings.status !== 200) throw new Error(`settings: ${JSON.stringify(settings.body)}`);
}, 240_000);

afterAll(async () => {
  await n8n?.kill();
  proxy?.close();
  await smtp?.close();
  await providers?.close();
  await plugin?.stop();
  removeUserFolder();
});

it('after the SMTP server is down and the SMS gateway fails for a minute, n8n and Strapi are killed mid-work: every message due is sent once or logged expired or failed with its reason', async () => {
  step('the SMTP server down, the SMS gateway answering 500');
  // 1. The SMTP server down and the SMS gateway answering 500, both for 60 s.
  await smtp.down();
  providers.twilio.failNext(Number.MAX_SAFE_INTEGER);
  const outageEnds = Date.now() + OUTAGE_MS;
  await remindersDue('outage', 6);
  // One customer's number cannot take SMS: once the gateway is back it refuses it for good.
  const unreachable = due.find((message) => message.email === 'fault-outage-0@example.com');
  providers.twilio.refuse(unreachable?.phone ?? '');
  expect(await n8n.reminders()).toBe('success');
  await techniciansSetOff('outage-trip', 4);
  await n8n.eventsReached(4);
  // The schedule's next runs, a few minutes apart on the plugin's clock: each failed message is
  // tried again once its backoff has passed, and fails again.
  for (const minutes of [2, 5]) {
    ahead = minutes * MINUTE;
    expect(await n8n.reminders()).toBe('success');
  }
  // One technician arrives before the outage is over: that "on the way" message is of no use now.
  const arrived = due.find((message) => message.email === 'fault-outage-trip-0@example.com');
  const arrival = await plugin.host.api('PATCH', `/bookings/${arrived?.booking}`, plugin.token, {
    status: 'in-progress',
  });
  expect(arrival.status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, outageEnds - Date.now())));
  await smtp.up();
  providers.twilio.failNext(0);
  step('the SMTP server and the SMS gateway back');
  // The first run after the outage, past the backoff: what failed goes out.
  ahead = 10 * MINUTE;
  expect(await n8n.reminders()).toBe('success');

  // 2. n8n killed while a reminder run is under way: the plugin has claimed the run's messages,
  // its answer to the second page never reaches n8n.
  await remindersDue('killed-run', 30);
  ahead = 11 * MINUTE;
  const withheld = new Promise<void>(
    (resolve) => (withholdPage = { page: 2, seen: 0, withheld: resolve }),
  );
  const interrupted = n8n.reminders().catch((error: Error) => error.message);
  await within("the reminder run's second page", 120_000, withheld);
  step('n8n killed in the middle of a reminder run');
  await n8n.kill();
  expect(await interrupted).toMatch(/n8n exited/);
  withholdPage = null;
  n8n = await startN8n(Number(new URL(n8n.webhookUrl).port));

  // 3. Strapi killed once the first of a burst of changes to traveling has reached n8n (the
  // others still to deliver, that one's flow still talking to Strapi), then started again.
  await techniciansSetOff('relay', 8);
  await n8n.eventsReached(1);
  step('Strapi killed while it delivers booking events');
  await plugin.host.kill();
  await plugin.host.start();
  step('Strapi started again');
  await n8n.eventsReached(8);

  // The schedule goes on: past every backoff and the lease of the claims n8n never answered.
  for (const minutes of [12, 20, 28, 40]) {
    step(`reminder run at +${minutes} min`);
    ahead = minutes * MINUTE;
    expect(await n8n.reminders()).toBe('success');
  }
  await providers.smtp.settled();

  // What the providers received and what the log says, per message due.
  const log = await notificationLog();
  const emails = providers.smtp.received.flatMap((mail) =>
    mail.to && !Array.isArray(mail.to) ? mail.to.value.map((to) => to.address ?? '') : [],
  );
  const texts = providers.twilio.messages.map((message) => message.to);
  const count = { due: 0, sentOnce: 0, duplicates: 0, lost: 0, expired: 0, failed: 0 };
  const unexplained: string[] = [];
  const duplicated: string[] = [];
  for (const message of due) {
    for (const [channel, received] of [
      ['email', emails.filter((to) => to === message.email).length],
      ['sms', texts.filter((to) => to === message.phone).length],
    ] as const) {
      count.due += 1;
      const entry = log.find(
        (n) => n.bookingId === message.booking && n.type === message.type && n.channel === channel,
      );
      if (received === 1) count.sentOnce += 1;
      else if (received > 1) {
        count.duplicates += received - 1;
        duplicated.push(`${message.type} ${channel} ${message.email}: ${received} times`);
      } else if (entry?.state === 'expired' && entry.reason) count.expired += 1;
      else if (entry?.state === 'failed' && entry.reason) count.failed += 1;
      else {
        count.lost += 1;
        unexplained.push(`${message.type} ${channel} ${message.email}: ${JSON.stringify(entry)}`);
      }
    }
  }
  console.log(
    `faults: due=${count.due} sent_once=${count.sentOnce} duplicates=${count.duplicates} lost=${count.lost} expired=${count.expired} failed=${count.failed}`,
  );
  for (const line of [...duplicated, ...unexplained]) console.log(`fault suite: ${line}`);
  expect(duplicated).toEqual([]);
  expect(count.duplicates).toBe(0);
  expect(unexplained).toEqual([]);
  expect(count.lost).toBe(0);
  // The number the gateway refuses: its reminder logged failed with the gateway's answer, and not
  // tried again.
  const refusedText = log.find(
    (n) => n.bookingId === unreachable?.booking && n.type === 'reminder' && n.channel === 'sms',
  );
  expect(refusedText).toMatchObject({ state: 'failed' });
  // What n8n's Twilio node passes on for HTTP 400 (it keeps Twilio's body in its own error only).
  expect(refusedText?.reason).toBe('Send SMS: Bad request - please check your parameters');
  // The arrived technician's message was not sent late: logged expired, with why.
  expect(
    log
      .filter((n) => n.bookingId === arrived?.booking && n.type === 'traveling')
      .map((n) => [n.channel, n.state, n.reason])
      .sort(),
  ).toEqual([
    ['email', 'expired', 'not sent: the booking is in-progress now'],
    ['sms', 'expired', 'not sent: the booking is in-progress now'],
  ]);
  // Every message due was either delivered or given up on with its reason.
  expect(count.sentOnce + count.expired + count.failed).toBe(count.due);
}, 600_000);
