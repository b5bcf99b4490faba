/**
 * Location ingest under load: a real Strapi (the host app, SQLite) driven over HTTP by simulated
 * technicians for 20 s, half posting single positions, half batches of 10, each as fast as it is
 * answered. Every technician is on a traveling booking, so the ETA and the live channel run too.
 *
 *   npm run bench:ingest
 *
 * Last line: `ingest: positions_per_s=<n> single_p95_ms=<n> lost=<n>` (lost: positions the
 * server said it accepted that are not in the database).
 */
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { sqliteDatabase } from '../tests/support/database.ts';
import { putBooking, inDays } from '../tests/support/fixtures.ts';
import { startHost, type Host } from '../tests/support/host.ts';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 20_000);
// Eight technicians posting back to back already keep the server busy (32 get no more requests
// through, they only wait longer in line): the latency measured is the server's, not the queue's.
const TECHNICIANS = Number(process.env.BENCH_TECHNICIANS ?? 8);
const BATCH = 10;

type Answer = { status: number; body: string };

const agent = new Agent({ keepAlive: true, maxSockets: TECHNICIANS * 2 });

function post(url: URL, token: string, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function prepare(host: Host, index: number): Promise<string> {
  const id = `bench-${index}`;
  const { booking } = await putBooking(host, host.tokens.fullAccess, id, {
    start: inDays(0, 1),
    end: inDays(0, 3),
    status: 'traveling',
  });
  if (!booking.documentId) throw new Error(`booking ${id} not created`);
  const issued = await host.api('POST', '/technician-tokens', host.tokens.fullAccess, {
    resource: `tech-${id}`,
  });
  const token = (issued.body.data as { token?: string } | null)?.token;
  if (!token) throw new Error(`no technician token: ${JSON.stringify(issued.body)}`);
  return token;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const database = await sqliteDatabase();
const host = await startHost({ database, env: { LOG_LEVEL: 'warn' } });
try {
  const tokens: string[] = [];
  for (let index = 0; index < TECHNICIANS; index += 1) tokens.push(await prepare(host, index));
  const url = new URL('/api/enroute/locations', host.url);

  let accepted = 0;
  let duplicates = 0;
  let rejected = 0;
  let failedRequests = 0;
  let requests = 0;
  const singleLatencies: number[] = [];
  const batchLatencies: number[] = [];
  const loadBefore = loadavg()[0]!;
  const started = Date.now();
  const until = started + DURATION_MS;

  async function technician(index: number): Promise<void> {
    const token = tokens[index]!;
    const single = index % 2 === 0;
    // Distinct recorded times per technician, in the recent past, one millisecond apart.
    let at = started - 10 * 60_000;
    let step = 0;
    const position = () => {
      step += 1;
      at += 1;
      return {
        lat: 48.85 + ((index * 7 + step) % 100) / 10_000,
        lng: 2.35 + ((index * 3 + step) % 100) / 10_000,
        accuracy: 10,
        recordedAt: new Date(at).toISOString(),
      };
    };
    while (Date.now() < until) {
      const body = single
        ? JSON.stringify(position())
        : JSON.stringify({ positions: Array.from({ length: BATCH }, position) });
      const sent = performance.now();
      let answer: Answer;
      try {
        answer = await post(url, token, body);
      } catch {
        failedRequests += 1;
        continue;
      }
      const elapsed = performance.now() - sent;
      requests += 1;
      (single ? singleLatencies : batchLatencies).push(elapsed);
      if (answer.status !== 200) {
        failedRequests += 1;
        continue;
      }
      const report = (
        JSON.parse(answer.body) as {
          data: { accepted: number; duplicates: number; rejected: unknown[] };
        }
      ).data;
      accepted += report.accepted;
      duplicates += report.duplicates;
      rejected += report.rejected.length;
    }
  }

  await Promise.all(tokens.map((_, index) => technician(index)));
  const seconds = (Date.now() - started) / 1000;
  const stored = Number(
    (await database.select('select count(*) as n from enroute_locations'))[0]?.n ?? 0,
  );
  const etas = Number(
    (
      await database.select(
        'select count(*) as n from enroute_bookings where eta_arrives_at is not null',
      )
    )[0]?.n ?? 0,
  );

  // Other work on the machine takes CPU from both Strapi and the simulated technicians.
  console.log(
    `machine: cpus=${availableParallelism()} load_1m_before=${loadBefore.toFixed(1)} load_1m_after=${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    `technicians=${TECHNICIANS} (half single, half batches of ${BATCH}) duration_s=${seconds.toFixed(1)} requests=${requests} failed_requests=${failedRequests}`,
  );
  console.log(
    `accepted=${accepted} duplicates=${duplicates} rejected=${rejected} stored=${stored} bookings_with_eta=${etas}/${TECHNICIANS}`,
  );
  console.log(
    `single_p50_ms=${percentile(singleLatencies, 50).toFixed(1)} batch_p50_ms=${percentile(batchLatencies, 50).toFixed(1)} batch_p95_ms=${percentile(batchLatencies, 95).toFixed(1)}`,
  );
  console.log(
    `ingest: positions_per_s=${Math.round(accepted / seconds)} single_p95_ms=${percentile(singleLatencies, 95).toFixed(1)} lost=${accepted - stored}`,
  );
} finally {
  agent.destroy();
  await host.stop();
  await database.drop();
}
