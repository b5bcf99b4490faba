import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed. It answers once a
 * message is parsed (what a test reads is there when the sender hears back). `queueing`, for
 * benchmarks, it is a mail server that queues: it answers as soon as it has the message whole and
 * keeps only the envelope's recipients in `envelopes`, parsing nothing (a provider's work happens
 * on its own machines, not on the one being measured).
 */
export async function startSmtpCapture(options: { queueing?: boolean } = {}) {
  const received: ParsedMail[] = [];
  const envelopes: string[][] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const pending = new Set<Promise<ParsedMail>>();
  const server = new SMTPServer({
    authOptional: true,
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!options.queueing) chunks.push(chunk);
      });
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        if (options.queueing) {
          envelopes.push(session.envelope.rcptTo.map((to) => to.address));
          callback();
          return;
        }
        const parsing = simpleParser(Buffer.concat(chunks));
        pending.add(parsing);
        void parsing.finally(() => pending.delete(parsing)).catch(() => undefined);
        parsing
          .then((mail) => {
            received.push(mail);
            for (const waiter of waiters.filter((w) => received.length >= w.count)) {
              waiter.resolve();
            }
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    envelopes,
    /** Resolves once every message accepted so far is parsed and kept. */
    async settled(): Promise<void> {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    /** Resolves once `count` messages have arrived. */
    waitFor(count: number) {
      if (received.length >= count) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push({ count, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpCapture = Awaited<ReturnType<typeof startSmtpCapture>>;
