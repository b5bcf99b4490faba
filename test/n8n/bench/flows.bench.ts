import { fork } from 'node:child_process';
import { once } from 'node:events';
import { signPayload, type MessageContext } from 'strapi-plugin-enroute/contracts';
import { isValidE164 } from '../../../n8n-nodes/nodes/Enroute/rules/address.ts';
import { contact } from '../../../cms-plugin/server/src/messages/rules/fixtures.ts';
import {
  API_TOKEN,
  bookingIn,
  flowEngine,
  removeUserFolder,
  statusChange,
  template,
  WEBHOOK_SECRET,
} from '../flows/environment.ts';
import { activateWebhookWorkflow } from '../support/webhook-receiver.ts';
import type { FromProviders, ToProviders } from './providers.process.ts';

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
 * reached the customer. The last line is the summary.
 *
 * n8n's engine runs here; the SMTP server, the Twilio stand-in and the Enroute API stand-in run
 * in a second process, as they would on other machines in production.
 */
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 5000);
const TRAVELING = Number(process.env.BENCH_TRAVELING ?? 200);
const EVENTS_PER_S = Number(process.env.BENCH_EVENTS_PER_S ?? 5);

function customer(index: number, prefix: string) {
  const mobilePhone = `+4479111${String(index).padStart(5, '0')}`;
  if (!isValidE164(mobilePhone)) throw new Error(`${mobilePhone} is not a valid number`);
  return contact({
    documentId: `${prefix}-contact-${index}`,
    name: `Customer ${index}`,
    email: `${prefix}-${index}@example.com`,
    mobilePhone,
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** How often each expected address got a message, from what the providers received. */
function tally(expected: string[], received: string[]) {
  const counts = new Map(expected.map((address) => [address, 0]));
  for (const address of received) {
    const count = counts.get(address);
    if (count !== undefined) counts.set(address, count + 1);
  }
  let duplicates = 0;
  let lost = 0;
  for (const count of counts.values()) {
    if (count === 0) lost += 1;
    if (count > 1) duplicates += count - 1;
  }
  return { duplicates, lost };
}

const dueBookings: MessageContext[] = [];
for (let index = 0; index < REMINDERS; index++) {
  const hoursAhead = 2 + (index % 150);
  dueBookings.push(bookingIn(`r-${index}`, hoursAhead, { reportedBy: customer(index, 'r') }));
}
const travelingBookings: MessageContext[] = [];
for (let index = 0; index < TRAVELING; index++) {
  const context = bookingIn(`t-${index}`, 1, { reportedBy: customer(50_000 + index, 't') });
  travelingBookings.push({ ...context, booking: { ...context.booking, status: 'traveling' } });
}

const providers = fork(new URL('./providers.process.ts', import.meta.url));
const answer = async <K extends FromProviders['kind']>(kind: K) => {
  for (;;) {
    const [message] = (await once(providers, 'message')) as [FromProviders];
    if (message.kind === kind) return message as Extract<FromProviders, { kind: K }>;
  }
};
const tell = (message: ToProviders) => providers.send(message);
const now = () => performance.timeOrigin + performance.now();

try {
  const started = answer('started');
  tell({ kind: 'start', bookings: [...dueBookings, ...travelingBookings] });
  const { smtpPort, twilioUrl, enrouteUrl } = await started;
  const engine = flowEngine(
    { url: enrouteUrl, token: API_TOKEN },
    { smtp: { port: smtpPort }, twilio: { url: twilioUrl } },
  );
  const arrived = async () => {
    const next = answer('arrived');
    tell({ kind: 'arrived' });
    return await next;
  };

  // Reminders: the run resolves once every batch it handed on has been delivered and recorded.
  const reminderStart = performance.now();
  const run = await engine.run(template('reminder.json'), [{ json: {} }]);
  const reminderSeconds = (performance.now() - reminderStart) / 1000;
  if (run.status !== 'success') throw new Error(`the reminder run ended ${run.status}`);
  const failedBatches = run.subRuns.filter((subRun) => subRun.status !== 'success').length;
  if (failedBatches > 0) throw new Error(`${failedBatches} reminder batches did not succeed`);
  const afterReminders = await arrived();
  const emails = tally(
    dueBookings.map(({ reportedBy }) => reportedBy?.email ?? ''),
    afterReminders.emails,
  );
  const reminderSms = tally(
    dueBookings.map(({ reportedBy }) => reportedBy?.mobilePhone ?? ''),
    afterReminders.sms.map((message) => message.to),
  );
  console.log(
    `reminders: ${REMINDERS} bookings, ${afterReminders.emails.length} emails and ${afterReminders.sms.length} SMS in ${reminderSeconds.toFixed(1)} s (${run.subRuns.length} batches)`,
  );

  // Traveling events through the trigger.
  const flow = activateWebhookWorkflow(engine, template('traveling.json'));
  const smsBefore = afterReminders.sms.length;
  const acceptedAt = new Map<string, number>();
  const deliveries: Promise<unknown>[] = [];
  for (const [index, context] of travelingBookings.entries()) {
    const event = statusChange(
      context.booking.documentId,
      'scheduled',
      'traveling',
      context.booking.start,
    );
    const body = JSON.stringify(event);
    const signature = signPayload(WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000));
    const copies = index % 10 === 0 ? 2 : 1;
    // The trigger answers when its run is over: the clock starts when the event reaches it.
    const sentAt = now();
    for (let copy = 0; copy < copies; copy++) {
      deliveries.push(
        flow.receive({ 'x-enroute-signature': signature }, body).then(async (answer) => {
          if (answer.status === 200) acceptedAt.set(context.reportedBy?.mobilePhone ?? '', sentAt);
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
    travelingBookings.map(({ reportedBy }) => reportedBy?.mobilePhone ?? ''),
    travelingMessages.map((message) => message.to),
  );
  console.log(
    `traveling: ${TRAVELING} events at ${EVENTS_PER_S}/s (${acceptedAt.size} accepted), ${travelingMessages.length} SMS, p50 ${percentile(latencies, 50).toFixed(0)} ms`,
  );

  const duplicates = emails.duplicates + reminderSms.duplicates + travelingSms.duplicates;
  const lost = emails.lost + reminderSms.lost + travelingSms.lost;
  console.log(
    `flows: reminders_per_s=${(REMINDERS / reminderSeconds).toFixed(0)} duplicates=${duplicates} lost=${lost} traveling_p95_ms=${percentile(latencies, 95).toFixed(0)}`,
  );
} finally {
  tell({ kind: 'close' });
  await once(providers, 'exit');
  removeUserFolder();
}
