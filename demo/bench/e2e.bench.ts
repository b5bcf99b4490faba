/**
 * `npm run bench:e2e`: the whole stack (as `npm start` runs it, on free ports and a scratch data
 * folder, with the product's default relay settings), 50 scheduled bookings moved to traveling
 * one per second (BENCH_INTERVAL_MS; 0 moves them all at once), and for each the time from
 * Strapi accepting the status change to the SMS reaching the gateway.
 * ENROUTE_E2E=scale runs it on PostgreSQL with n8n in queue mode.
 *
 * Last line: `e2e: traveling_p50_ms=<n> traveling_p95_ms=<n> lost=<n>`.
 */
import { expectOk, request } from '../src/http.ts';
import { startScratchStack } from '../src/scratch.ts';
import { signInAdmin } from '../src/strapi.ts';

const BOOKINGS = 50;
const WAIT_MS = 120_000;
/** After the setup's events are delivered, time for n8n to finish running them. */
const SETTLE_MS = 15_000;
/** The pace of the status changes: one per second by default, a busy dispatch desk. */
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 1000);
const scale = process.env.ENROUTE_E2E === 'scale';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

let output = '';
const stack = await startScratchStack({
  configuration: scale ? 'scale' : 'embedded',
  log: (part, line) => (output = (output + `${part} | ${line}\n`).slice(-50_000)),
}).catch((error: Error) => {
  console.error(output);
  throw error;
});

try {
  const token = stack.state.tokens!.fullAccess;
  const api = (method: string, route: string, body?: unknown) =>
    expectOk(
      `${method} ${route}`,
      request(method, `${stack.urls.strapi}/api/enroute${route}`, { token, body }),
    );

  console.log(`stack up (${scale ? 'PostgreSQL, n8n queue mode' : 'SQLite, n8n main mode'})`);
  await api('PUT', '/service-accounts/A-BENCH', {
    name: 'Bench Roasters',
    address: '1501 Pike Place, Seattle, WA 98101, USA',
    latitude: 47.6097,
    longitude: -122.3422,
    timeZone: 'America/Los_Angeles',
  });
  await api('PUT', '/resources/R-BENCH', { name: 'Marco Rossi', phone: '+12065550100' });
  const bookings: { documentId: string; mobile: string }[] = [];
  const start = new Date(Date.now() + 2 * 3_600_000).toISOString();
  const end = new Date(Date.now() + 4 * 3_600_000).toISOString();
  for (let i = 0; i < BOOKINGS; i++) {
    const mobile = `+1206555${String(1000 + i).padStart(4, '0')}`;
    await api('PUT', `/contacts/C-${i}`, {
      name: `Customer ${i}`,
      mobilePhone: mobile,
      locale: 'en',
    });
    await api('PUT', `/work-orders/WO-${i}`, {
      number: `WO-${i}`,
      serviceAccount: 'A-BENCH',
      reportedBy: `C-${i}`,
    });
    const put = (await api('PUT', `/bookings/B-${i}`, {
      workOrder: `WO-${i}`,
      resource: 'R-BENCH',
      start,
      end,
      status: 'scheduled',
    })) as { data: { documentId: string } };
    bookings.push({ documentId: put.data.documentId, mobile });
  }

  // The records' own booking events go through the flows first: measure an idle stack.
  const adminJwt = await signInAdmin(stack.urls.strapi, stack.state);
  for (;;) {
    const backlog = (await expectOk(
      'reading the booking event backlog',
      request('GET', `${stack.urls.strapi}/enroute/booking-events/backlog`, { token: adminJwt }),
    )) as { data: { pending: number } };
    if (backlog.data.pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

  const received = new Map<string, number>();
  stack.capture.onMessage((message) => {
    if (message.channel === 'sms' && !received.has(message.to))
      received.set(message.to, performance.now());
  });
  const accepted = new Map<string, number>();
  // One status change every INTERVAL_MS (0: all at once), none waiting for the messages.
  const changes: Promise<void>[] = [];
  for (const booking of bookings) {
    changes.push(
      api('PATCH', `/bookings/${booking.documentId}`, { status: 'traveling' }).then(() => {
        accepted.set(booking.mobile, performance.now());
      }),
    );
    if (INTERVAL_MS > 0) await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
  }
  await Promise.all(changes);
  const deadline = Date.now() + WAIT_MS;
  while (received.size < BOOKINGS && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const latencies = bookings
    .filter((b) => received.has(b.mobile))
    .map((b) => Math.max(0, received.get(b.mobile)! - accepted.get(b.mobile)!))
    .sort((a, b) => a - b);
  const lost = BOOKINGS - latencies.length;
  console.log(
    `${BOOKINGS} bookings moved to traveling, one every ${INTERVAL_MS} ms; ${latencies.length} SMS received; fastest ${Math.round(latencies[0] ?? NaN)} ms, slowest ${Math.round(latencies.at(-1) ?? NaN)} ms`,
  );
  console.log(
    `e2e: traveling_p50_ms=${Math.round(percentile(latencies, 50))} traveling_p95_ms=${Math.round(percentile(latencies, 95))} lost=${lost}`,
  );
} finally {
  await stack.stop();
}
