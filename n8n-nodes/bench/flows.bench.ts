import { signPayload, type MessageContext } from 'strapi-plugin-enroute/contracts';
import { isValidE164 } from '../nodes/Enroute/rules/address.ts';
import { contact } from '../test/fixtures/messaging.ts';
import {
  bookingIn,
  removeUserFolder,
  startFlowEnvironment,
  statusChange,
  template,
  WEBHOOK_SECRET,
} from '../test/flows/environment.ts';
import { activateWebhookWorkflow } from '../test/support/webhook-receiver.ts';

/**
 * The five flows at volume, through n8n's own engine with n8n's Send Email and Twilio nodes:
 * - the reminder template for REMINDERS due bookings (email and SMS each) into a real SMTP
 *   server: reminders per second, from the run's start to its last delivery recorded;
 * - TRAVELING signed events into the traveling template's Enroute Trigger at a steady
 *   EVENTS_PER_S a second (BENCH_EVENTS_PER_S, 5 by default: two hundred technicians setting
 *   off within 40 s), one in ten delivered twice (as a plugin outbox retry would): the time
 *   from the trigger accepting an event to the Twilio stand-in receiving its SMS.
 * Duplicates: messages that reached a customer more than once. Lost: messages due that never
 * reached the customer. The last line is the summary.
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

const env = await startFlowEnvironment([...dueBookings, ...travelingBookings]);
try {
  // Reminders.
  const started = performance.now();
  const run = await env.engine.run(template('reminder.json'), [{ json: {} }]);
  const reminderSeconds = (performance.now() - started) / 1000;
  if (run.status !== 'success') throw new Error(`the reminder run ended ${run.status}`);
  const emails = tally(
    dueBookings.map(({ reportedBy }) => reportedBy?.email ?? ''),
    env.smtp.received.flatMap((mail) =>
      mail.to && !Array.isArray(mail.to) ? mail.to.value.map((to) => to.address ?? '') : [],
    ),
  );
  const reminderSms = tally(
    dueBookings.map(({ reportedBy }) => reportedBy?.mobilePhone ?? ''),
    env.twilio.messages.map((message) => message.to),
  );
  console.log(
    `reminders: ${REMINDERS} bookings, ${env.smtp.received.length} emails and ${env.twilio.messages.length} SMS in ${reminderSeconds.toFixed(1)} s`,
  );

  // Traveling events through the trigger.
  const flow = activateWebhookWorkflow(env.engine, template('traveling.json'));
  const smsBefore = env.twilio.messages.length;
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
    for (let copy = 0; copy < copies; copy++) {
      deliveries.push(
        flow.receive({ 'x-enroute-signature': signature }, body).then(async (answer) => {
          if (answer.status === 200)
            acceptedAt.set(context.reportedBy?.mobilePhone ?? '', performance.now());
          return answer.run;
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 / EVENTS_PER_S));
  }
  await Promise.all(deliveries);
  const travelingMessages = env.twilio.messages.slice(smsBefore);
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
  await env.close();
  removeUserFolder();
}
