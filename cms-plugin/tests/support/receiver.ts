import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliveredEvents, type BookingEvent } from '../../shared/contracts/booking-event.ts';
import { SIGNATURE_HEADER, verifySignature } from '../../shared/contracts/signature.ts';

export type Delivery = {
  event: BookingEvent;
  /** What the receiver answered. */
  status: number;
  /** Accepted for the first time (a repeated id is acknowledged but not accepted again). */
  accepted: boolean;
  /** When the request carrying it arrived (epoch ms). */
  at: number;
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** One request the receiver answered 2xx or 503: how many events it carried, of which bookings. */
export type Request = { batch: boolean; bookings: string[] };

/**
 * A webhook receiver standing in for n8n's Enroute trigger: it checks the signature, takes a bare
 * event or a batch, acts on each event id once, and can be told to fail (HTTP 503) until further
 * notice (a batch fails as a whole when one of its events is picked).
 */
export async function startReceiver(secret: string) {
  const deliveries: Delivery[] = [];
  const requests: Request[] = [];
  const refused: { reason: string }[] = [];
  const seen = new Set<string>();
  let failing: ((event: BookingEvent) => boolean) | null = null;
  let failingStatus = 503;
  let delayMs = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  /** Deliveries in flight per booking, and the most ever seen for any one booking. */
  const perBooking = new Map<string, number>();
  let mostForOneBooking = 0;

  const server: Server = createServer((request, response) => {
    void (async () => {
      const arrivedAt = Date.now();
      const body = await readBody(request);
      const answer = (status: number) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status }));
      };
      const header = request.headers[SIGNATURE_HEADER];
      const signature = verifySignature(secret, body, typeof header === 'string' ? header : null);
      if (!signature.ok) {
        refused.push({ reason: `signature ${signature.reason}` });
        return answer(401);
      }
      const parsed = deliveredEvents(JSON.parse(body));
      if (!parsed) {
        refused.push({ reason: 'not a booking event nor a batch of them' });
        return answer(400);
      }
      const bookings = parsed.events.map((event) => event.booking.documentId);
      requests.push({ batch: parsed.batch, bookings });
      if (delayMs > 0) {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        for (const booking of bookings) {
          perBooking.set(booking, (perBooking.get(booking) ?? 0) + 1);
          mostForOneBooking = Math.max(mostForOneBooking, perBooking.get(booking) ?? 0);
        }
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        inFlight -= 1;
        for (const booking of bookings) perBooking.set(booking, (perBooking.get(booking) ?? 1) - 1);
      }
      if (parsed.events.some((event) => failing?.(event))) {
        const status = failingStatus;
        for (const event of parsed.events) {
          deliveries.push({ event, status, accepted: false, at: arrivedAt });
        }
        return answer(status);
      }
      for (const event of parsed.events) {
        const accepted = !seen.has(event.id);
        seen.add(event.id);
        deliveries.push({ event, status: 200, accepted, at: arrivedAt });
      }
      return answer(200);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/webhook/enroute`,
    deliveries,
    /** Every request that got past the signature and body checks, in order of arrival. */
    requests,
    refused,
    /** The events acted on, in the order they were accepted. */
    accepted: () => deliveries.filter((delivery) => delivery.accepted).map(({ event }) => event),
    /** Answers 503 (or `status`) to the events `which` picks (all by default), until `recover()`. */
    fail: (which: (event: BookingEvent) => boolean = () => true, status = 503) => {
      failing = which;
      failingStatus = status;
    },
    recover: () => {
      failing = null;
    },
    /** Answers every event after `ms`, counting how many are in flight at once. */
    slow: (ms: number) => {
      delayMs = ms;
      mostInFlight = 0;
      mostForOneBooking = 0;
    },
    /** The most requests in flight at once since `slow()`: in all, and for one booking. */
    inFlight: () => ({ most: mostInFlight, mostForOneBooking }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** Waits until `check` holds, asking again every 100 ms; fails with `describe()` after `ms`. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  describe: () => string,
  ms = 45_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still not true after ${ms} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
