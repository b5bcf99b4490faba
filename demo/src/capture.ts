import { randomUUID } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { z } from 'zod';
import type { Log } from './processes.ts';

/** One message that Enroute sent, as the capture received it. */
export type CapturedMessage = {
  id: string;
  channel: 'email' | 'sms';
  to: string;
  /** A text the customer sent (the gateway playing their phone): their number. */
  from?: string;
  subject: string | null;
  /** An email's headers as it arrived (List-Unsubscribe among them), by name. */
  headers?: Record<string, string>;
  text: string;
  /** Every http(s) link in the message, the portal link among them. */
  links: string[];
  receivedAt: string;
};

const SmsRequest = z.object({ to: z.string().min(1), text: z.string().min(1) });

/** Twilio's inbound webhook fields, as a phone's text reaches the provider. */
const InboundSms = z.object({
  From: z.string().trim().min(1, 'From: the customer number is required'),
  To: z.string().trim().default(''),
  Body: z.string().min(1, 'Body: the text is required').max(1600),
  MessageSid: z.string().trim().optional(),
});

/** The number the demo's flows send texts from (the SMS node's default sender). */
export const COMPANY_NUMBER = '+15005550006';

/** Each header of a parsed email once, by its name as written. */
function headersOf(lines: readonly { key: string; line: string }[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { line } of lines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim()] = line
        .slice(colon + 1)
        .replace(/\s+/g, ' ')
        .trim();
  }
  return headers;
}

const LINK = /https?:\/\/[^\s"'<>)]+/g;

export function linksIn(...texts: (string | null | undefined)[]): string[] {
  const links = new Set<string>();
  for (const text of texts) for (const match of text?.match(LINK) ?? []) links.add(match);
  return [...links];
}

/** The targets of the links in an HTML body (not every URL-looking string, e.g. namespaces). */
function hrefsIn(html: string): string[] {
  return [...html.matchAll(/href="(https?:[^"]+)"/g)].map((m) =>
    (m[1] ?? '').replace(/&amp;/g, '&'),
  );
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function page(messages: CapturedMessage[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) => `<article class="${m.channel}">
  <header><strong>${m.channel === 'email' ? 'Email' : 'SMS'}</strong> to ${escapeHtml(m.to)}
  <time datetime="${m.receivedAt}">${new Date(m.receivedAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC</time></header>
  ${m.from ? `<p>From ${escapeHtml(m.from)}</p>` : ''}
  ${m.subject ? `<h2>${escapeHtml(m.subject)}</h2>` : ''}
  <pre>${escapeHtml(m.text)}</pre>
  <ul>${m.links.map((link) => `<li><a href="${escapeHtml(link)}" target="_blank" rel="noreferrer">${escapeHtml(link)}</a></li>`).join('')}</ul>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Enroute demo: captured messages</title>
<style>
body{font:15px/1.4 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2933}
article{border:1px solid #ccd;border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem}
article.sms{border-left:6px solid #0a8754}article.email{border-left:6px solid #0a5ad4}
header{display:flex;gap:1rem;justify-content:space-between}h2{font-size:1rem;margin:.5rem 0}
pre{white-space:pre-wrap;font:inherit;background:#f5f7fa;padding:.5rem;border-radius:4px;max-height:12rem;overflow:auto}
</style></head><body>
<h1>Captured messages</h1>
<form method="post" action="/sms/inbound">
  <fieldset><legend>Text back as a customer (the phone's reply reaches the inbound SMS flow as Twilio's webhook would)</legend>
  <label>From <input name="From" required placeholder="+33612345678"></label>
  <label>Text <input name="Body" required placeholder="STOP"></label>
  <input type="hidden" name="To" value="${COMPANY_NUMBER}">
  <button type="submit">Send</button></fieldset>
</form>
<p>Every email and SMS the demo's flows sent, newest first (this page refreshes every 5 s). ${messages.length} so far.</p>
${rows || '<p>Nothing yet.</p>'}
</body></html>`;
}

async function readBody(request: IncomingMessage, limit = 1_000_000): Promise<string> {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > limit) throw new Error('body too large');
  }
  return body;
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

export type CaptureOptions = {
  host: string;
  httpPort: number;
  smtpPort: number;
  /** The key the SMS gateway wants in `X-Api-Key`. */
  smsApiKey: string;
  /** Where the messages are kept between starts (one JSON line each). */
  file: string;
  log: Log;
  /** Extra HTTP routes served on the same port. */
  routes?: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
  /** The inbound SMS flow's webhook: where a customer's text goes, as Twilio would post it. */
  inboundSmsUrl?: string;
};

/**
 * The demo's stand-ins for the outside world's mail and SMS: a real SMTP server that keeps each
 * message parsed, an SMS gateway (`POST /sms` with JSON `{ to, text }` and `X-Api-Key`, answering
 * `{ id }`), and a page listing both with their links (`GET /`, `GET /api/messages` as JSON).
 */
export async function startCapture(options: CaptureOptions) {
  const messages: CapturedMessage[] = [];
  try {
    for (const line of (await readFile(options.file, 'utf8')).split('\n')) {
      if (line.trim()) messages.push(JSON.parse(line) as CapturedMessage);
    }
  } catch {
    // first start: no messages yet
  }
  const listeners = new Set<(message: CapturedMessage) => void>();

  async function keep(message: CapturedMessage) {
    messages.push(message);
    await appendFile(options.file, JSON.stringify(message) + '\n');
    options.log(
      'capture',
      `${message.channel} to ${message.to}${message.subject ? `: ${message.subject}` : ''}`,
    );
    for (const listener of listeners) listener(message);
  }

  const smtp = new SMTPServer({
    authOptional: true,
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const to = [mail.to]
            .flat()
            .flatMap((address) => address?.value.map((v) => v.address ?? '') ?? [])
            .join(', ');
          const html = typeof mail.html === 'string' ? mail.html : '';
          await keep({
            id: randomUUID(),
            channel: 'email',
            to,
            subject: mail.subject ?? null,
            headers: headersOf(mail.headerLines),
            text: mail.text ?? '',
            links: linksIn(mail.text, ...hrefsIn(html)),
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((error: Error) => {
          options.log('capture', `an email could not be read: ${error.message}`);
          callback(error);
        });
    },
  });

  /**
   * A customer's text (`POST /sms/inbound`, Twilio's form fields): kept, then posted on to the
   * inbound SMS flow form-encoded with a MessageSid, exactly as Twilio's webhook would. A browser
   * (the form on the page) is sent back to the page.
   */
  async function receiveText(request: IncomingMessage, response: ServerResponse) {
    const fields = Object.fromEntries(new URLSearchParams(await readBody(request)));
    const parsed = InboundSms.safeParse(fields);
    if (!parsed.success) return send(response, 400, { error: z.prettifyError(parsed.error) });
    const sid = parsed.data.MessageSid ?? `SM${randomUUID().replaceAll('-', '')}`;
    const to = parsed.data.To || COMPANY_NUMBER;
    await keep({
      id: sid,
      channel: 'sms',
      to,
      from: parsed.data.From,
      subject: null,
      text: parsed.data.Body,
      links: [],
      receivedAt: new Date().toISOString(),
    });
    if (!options.inboundSmsUrl) return send(response, 503, { error: 'no inbound SMS flow' });
    const delivered = await fetch(options.inboundSmsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        MessageSid: sid,
        AccountSid: 'AC00000000000000000000000000000000',
        From: parsed.data.From,
        To: to,
        Body: parsed.data.Body,
        NumMedia: '0',
      }),
    });
    await delivered.body?.cancel();
    if (!delivered.ok) {
      return send(response, 502, { error: `the inbound SMS flow answered ${delivered.status}` });
    }
    if ((request.headers.accept ?? '').includes('text/html')) {
      response.writeHead(303, { location: '/' });
      return response.end();
    }
    return send(response, 202, { sid, status: 'received' });
  }

  const http: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://capture');
      if (options.routes && (await options.routes(request, response))) return;
      if (request.method === 'POST' && url.pathname === '/sms') {
        if (request.headers['x-api-key'] !== options.smsApiKey)
          return send(response, 401, { error: 'bad api key' });
        const parsed = SmsRequest.safeParse(JSON.parse((await readBody(request)) || 'null'));
        if (!parsed.success) return send(response, 400, { error: z.prettifyError(parsed.error) });
        const id = `sms-${randomUUID()}`;
        await keep({
          id,
          channel: 'sms',
          to: parsed.data.to,
          subject: null,
          text: parsed.data.text,
          links: linksIn(parsed.data.text),
          receivedAt: new Date().toISOString(),
        });
        return send(response, 202, { id, status: 'accepted' });
      }
      if (request.method === 'POST' && url.pathname === '/sms/inbound') {
        return receiveText(request, response);
      }
      if (request.method === 'GET' && url.pathname === '/api/messages')
        return send(response, 200, messages);
      if (request.method === 'GET' && url.pathname === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return response.end(page(messages));
      }
      send(response, 404, { error: 'not found' });
    })().catch((error: Error) => {
      options.log('capture', `request failed: ${error.message}`);
      if (!response.headersSent) send(response, 400, { error: error.message });
    });
  });

  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(options.smtpPort, options.host, () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.httpPort, options.host, () => resolve());
  });

  return {
    url: `http://${options.host}:${options.httpPort}`,
    messages,
    /** Calls `listener` with each message as it arrives; returns the unsubscribe. */
    onMessage(listener: (message: CapturedMessage) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => {
          http.closeAllConnections();
          http.close(() => resolve());
        }),
      ]);
    },
  };
}

export type Capture = Awaited<ReturnType<typeof startCapture>>;
export { readBody, send };
