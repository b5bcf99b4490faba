import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed. By default it
 * answers once a message is parsed (what a test reads is there when the sender hears back);
 * `queueing`, it answers as soon as it has the message whole, as a mail server queues it, and
 * parses it after (for benchmarks: the sender does not wait for the parsing).
 */
export async function startSmtpCapture(options: { queueing?: boolean } = {}) {
  const received: ParsedMail[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const pending = new Set<Promise<ParsedMail>>();
  const server = new SMTPServer({
    authOptional: true,
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        if (options.queueing) callback();
        const parsing = simpleParser(Buffer.concat(chunks));
        pending.add(parsing);
        void parsing.finally(() => pending.delete(parsing)).catch(() => undefined);
        parsing
          .then((mail) => {
            received.push(mail);
            for (const waiter of waiters.filter((w) => received.length >= w.count)) {
              waiter.resolve();
            }
            if (!options.queueing) callback();
          })
          .catch((error: Error) => {
            if (!options.queueing) callback(error);
          });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
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
