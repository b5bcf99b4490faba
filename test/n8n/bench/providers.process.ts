import { removeUserFolder, startProviders } from '../flows/environment.ts';

/**
 * The providers' side of the benchmark, in a process of its own as it is in production: the SMTP
 * server (a queueing one: it takes each message whole and keeps its envelope) and the Twilio
 * stand-in. The benchmark asks what arrived.
 */
export type ToProviders = { kind: 'start' } | { kind: 'arrived' } | { kind: 'close' };
export type FromProviders =
  | { kind: 'started'; smtpPort: number; twilioUrl: string }
  | {
      kind: 'arrived';
      emails: string[];
      /** `at`: when the SMS arrived, in ms since the epoch (performance.timeOrigin based). */
      sms: { to: string; at: number }[];
    };

function send(message: FromProviders) {
  process.send?.(message);
}

let close: (() => Promise<void>) | null = null;

process.on('message', (message: ToProviders) => {
  void (async () => {
    if (message.kind === 'start') {
      // A mail server that queues: the senders do not wait for the capture's parsing.
      const providers = await startProviders({ queueing: true });
      close = async () => {
        await providers.close();
      };
      process.on('message', (next: ToProviders) => {
        if (next.kind !== 'arrived') return;
        void providers.smtp.settled().then(() =>
          send({
            kind: 'arrived',
            emails: providers.smtp.envelopes.flat(),
            sms: providers.twilio.messages.map(({ to, at }) => ({
              to,
              at: performance.timeOrigin + at,
            })),
          }),
        );
      });
      send({
        kind: 'started',
        smtpPort: providers.smtp.port,
        twilioUrl: providers.twilio.url,
      });
    } else if (message.kind === 'close') {
      await close?.();
      // The engine module this process imports along made a scratch n8n folder.
      removeUserFolder();
      process.disconnect();
    }
  })();
});
