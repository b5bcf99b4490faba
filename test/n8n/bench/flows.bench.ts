import { signPayload } from 'strapi-plugin-enroute/contracts';
import {
  flowEngine,
  removeUserFolder,
  statusChange,
  template,
  WEBHOOK_SECRET,
  type PluginBooking,
} from '../flows/environment.ts';
import { activateWebhookWorkflow } from '../support/webhook-receiver.ts';
import { AT_SCALE, pluginProxy, startBenchPlugin, startProviderProcess } from './stand.ts';
import { percentile, tally } from './tally.ts';

/**
 * The five flows at volume, through n8n's own engine with n8n's Send Email and Twilio nodes:
 * - the reminder template for REMINDERS due bookings (email and SMS each) into a real SMTP
 *   server: reminders per second, from the run's start to its last delivery recorded;
 * - TRAVELING signed events into the traveling template's Enroute Trigger at a steady
 *   EVENTS_PER_S a second (BENCH_EVENTS_PER_S, 5 by default: two hundred technicians setting
 *   off within 40 s), one in ten delivered twice (as a plugin outbox retry would): the time
 *   from an event reaching the trigger (which answers once its run is over) to the Twilio
 *   stand-in receiving its SMS.
 * Duplicates: messages that reached a customer more than once. Lost: messages due that never
 * reached the customer. strapi_requests_per_message: requests from n8n to the plugin per message
 * sent. The last line is the summary.
 *
 * The plugin is a real Strapi on PostgreSQL (bookings made through its records API); n8n's engine
 * runs here; the SMTP server and the Twilio stand-in run in a second process, as they would on
 * other machines in production.
 */
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 2000);
const TRAVELING = Number(process.env.BENCH_TRAVELING ?? 200);
const EVENTS_PER_S = Number(process.env.BENCH_EVENTS_PER_S ?? 5);

// Strapi as the plugin's README says to run it at scale.
const { host, token, put, stop } = await startBenchPlugin('bench:flows', AT_SCALE);
/** Every request n8n makes to the plugin goes through here and is counted. */
const proxy = await pluginProxy(host.url);

/** A booking for its own customer, through the records API, as a dispatch system makes them. */
async function booking(index: number, prefix: string, hoursAhead: number, status?: string) {
  const mobilePhone = `+4479111${String(index).padStart(5, '0')}`;
  const email = `${prefix}-${index}@example.com`;
  await put(`/contacts/${prefix}-contact-${index}`, {
    name: `Customer ${index}`,
    email,
    mobilePhone,
    locale: 'en',
  });
  await put(`/work-orders/${prefix}-wo-${index}`, {
    number: `WO-${prefix}-${index}`,
    serviceAccount: 'bench-account',
    reportedBy: `${prefix}-contact-${index}`,
  });
  const startAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + hoursAhead * 3_600_000);
  const start = startAt.toISOString();
  const end = new Date(startAt.getTime() + 3_600_000).toISOString();
  const created = await put(`/bookings/${prefix}-${index}`, {
    workOrder: `${prefix}-wo-${index}`,
    resource: 'bench-tech',
    start,
    end,
    ...(status ? { status } : {}),
  });
  const made: PluginBooking = {
    id: `${prefix}-${index}`,
    documentId: created.documentId,
    start,
    end,
  };
  return { booking: made, email, mobilePhone };
}

async function many<T>(count: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const made: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const index = next++;
        made[index] = await make(index);
      }
    }),
  );
  return made;
}

const setupStart = performance.now();
// Starting within 6 days: inside the 7-day window since more than a day, so past its 10:00 UTC.
const dueBookings = await many(REMINDERS, (index) => booking(index, 'r', 2 + (index % 140)));
const travelingBookings = await many(TRAVELING, (index) =>
  booking(50_000 + index, 't', 1, 'traveling'),
);
console.log(
  `setup: ${REMINDERS + TRAVELING} bookings through the records API in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`,
);

const providers = await startProviderProcess();
const now = () => performance.timeOrigin + performance.now();

try {
  const engine = flowEngine(
    { url: proxy.url, token },
    { smtp: { port: providers.smtpPort }, twilio: { url: providers.twilioUrl } },
  );
  const arrived = () => providers.arrived();

  // Reminders: the run resolves once every batch it handed on has been delivered and recorded.
  const reminderStart = performance.now();
  const requestsBefore = proxy.requests();
  const run = await engine.run(template('reminder.json'), [{ json: {} }]);
  const reminderSeconds = (performance.now() - reminderStart) / 1000;
  if (run.status !== 'success') throw new Error(`the reminder run ended ${run.status}`);
  const failedBatches = run.subRuns.filter((subRun) => subRun.status !== 'success').length;
  if (failedBatches > 0) throw new Error(`${failedBatches} reminder batches did not succeed`);
  const afterReminders = await arrived();
  const reminderRequests = proxy.requests() - requestsBefore;
  // Prepare runs once per page; its time, summed, is how long the plugin took to prepare them.
  const prepareMs = (run.data.resultData.runData['Prepare'] ?? []).reduce(
    (sum, page) => sum + page.executionTime,
    0,
  );
  const pages = run.data.resultData.runData['Prepare']?.length ?? 0;
  const emails = tally(
    dueBookings.map(({ email }) => email),
    afterReminders.emails,
  );
  const reminderSms = tally(
    dueBookings.map(({ mobilePhone }) => mobilePhone),
    afterReminders.sms.map((message) => message.to),
  );
  const reminderMessages = afterReminders.emails.length + afterReminders.sms.length;
  console.log(
    `reminders: ${REMINDERS} bookings, ${afterReminders.emails.length} emails and ${afterReminders.sms.length} SMS in ${reminderSeconds.toFixed(1)} s (${pages} pages, ${run.subRuns.length} deliveries; preparing ${(prepareMs / 1000).toFixed(1)} s), ${reminderRequests} requests to the plugin`,
  );

  // Traveling events through the trigger.
  const flow = activateWebhookWorkflow(engine, template('traveling.json'));
  const smsBefore = afterReminders.sms.length;
  const acceptedAt = new Map<string, number>();
  const deliveries: Promise<unknown>[] = [];
  for (const [index, traveler] of travelingBookings.entries()) {
    const event = statusChange(traveler.booking, 'scheduled', 'traveling');
    const body = JSON.stringify(event);
    const signature = signPayload(WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000));
    const copies = index % 10 === 0 ? 2 : 1;
    // The trigger answers when its run is over: the clock starts when the event reaches it.
    const sentAt = now();
    for (let copy = 0; copy < copies; copy++) {
      deliveries.push(
        flow.receive({ 'x-enroute-signature': signature }, body).then(async (answer) => {
          if (answer.status === 200) acceptedAt.set(traveler.mobilePhone, sentAt);
          return answer.run;
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 / EVENTS_PER_S));
  }
  await Promise.all(deliveries);
  const travelingMessages = (await arrived()).sms.slice(smsBefore);
  const latencies = travelingMessages.flatMap((message) => {
    const accepted = acceptedAt.get(message.to);
    return accepted === undefined ? [] : [message.at - accepted];
  });
  const travelingSms = tally(
    travelingBookings.map(({ mobilePhone }) => mobilePhone),
    travelingMessages.map((message) => message.to),
  );
  console.log(
    `traveling: ${TRAVELING} events at ${EVENTS_PER_S}/s (${acceptedAt.size} accepted), ${travelingMessages.length} SMS, p50 ${percentile(latencies, 50).toFixed(0)} ms`,
  );

  const duplicates = emails.duplicates + reminderSms.duplicates + travelingSms.duplicates;
  const lost = emails.lost + reminderSms.lost + travelingSms.lost;
  console.log(
    `flows: reminders_per_s=${(REMINDERS / reminderSeconds).toFixed(0)} duplicates=${duplicates} lost=${lost} traveling_p95_ms=${percentile(latencies, 95).toFixed(0)} strapi_requests_per_message=${(reminderRequests / Math.max(1, reminderMessages)).toFixed(3)}`,
  );
} finally {
  await providers.close();
  removeUserFolder();
  proxy.close();
  await stop();
}
