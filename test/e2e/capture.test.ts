import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_NUMBER, startCapture, type Capture } from '../../demo/src/capture.ts';

/** A port free on the loopback now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One email over SMTP, as a mail client writes it: the capture's own SMTP server reads it. */
async function sendMail(port: number, mime: string): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  let buffer = '';
  const reply = () =>
    new Promise<string>((resolve) => {
      const check = () => {
        const lines = buffer.split('\r\n');
        const done = lines.findIndex((line) => /^\d{3} /.test(line));
        if (done < 0) return void socket.once('data', onData);
        buffer = lines.slice(done + 1).join('\r\n');
        resolve(lines[done]!);
      };
      const onData = (chunk: Buffer) => {
        buffer += chunk.toString();
        check();
      };
      check();
    });
  const say = async (line: string, expected: string) => {
    socket.write(`${line}\r\n`);
    expect(await reply()).toMatch(new RegExp(`^${expected}`));
  };
  expect(await reply()).toMatch(/^220/);
  await say('EHLO test.example', '250');
  await say('MAIL FROM:<notifications@example.com>', '250');
  await say('RCPT TO:<camille@example.com>', '250');
  await say('DATA', '354');
  await say(`${mime.replaceAll('\n', '\r\n')}\r\n.`, '250');
  socket.end('QUIT\r\n');
}

describe("the demo's capture server", () => {
  let capture: Capture;
  let dir: string;
  let smtpPort = 0;
  const forwarded: { type: string; body: string }[] = [];
  const flow = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      forwarded.push({ type: request.headers['content-type'] ?? '', body });
      response.writeHead(200).end();
    });
  });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'enroute-capture-'));
    await new Promise<void>((resolve) => flow.listen(0, '127.0.0.1', resolve));
    const flowPort = (flow.address() as AddressInfo).port;
    capture = await startCapture({
      host: '127.0.0.1',
      httpPort: await freePort(),
      smtpPort: (smtpPort = await freePort()),
      smsApiKey: 'key',
      file: path.join(dir, 'messages.jsonl'),
      log: () => {},
      inboundSmsUrl: `http://127.0.0.1:${flowPort}/webhook/enroute-inbound-sms`,
    });
  });

  afterAll(async () => {
    await capture?.close();
    flow.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("posts a customer's text on to the inbound SMS flow as Twilio's webhook would", async () => {
    const answer = await fetch(`${capture.url}/sms/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ From: '+33612345678', Body: 'STOP' }),
    });
    expect(answer.status).toBe(202);
    const { sid } = (await answer.json()) as { sid: string };
    expect(forwarded).toHaveLength(1);
    expect(forwarded[0]?.type).toBe('application/x-www-form-urlencoded');
    const fields = Object.fromEntries(new URLSearchParams(forwarded[0]?.body));
    expect(fields).toMatchObject({
      From: '+33612345678',
      To: COMPANY_NUMBER,
      Body: 'STOP',
      MessageSid: sid,
    });
    expect(sid).toMatch(/^SM[0-9a-f]{32}$/);

    // The page's form: a browser is sent back to the page.
    const fromPage = await fetch(`${capture.url}/sms/inbound`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: 'From=%2B33612345678&Body=Le+code+est+4411&To=%2B15005550006',
    });
    expect(fromPage.status).toBe(303);
    expect(forwarded).toHaveLength(2);
    const page = await (await fetch(capture.url)).text();
    expect(page).toContain('<form method="post" action="/sms/inbound">');
    expect(page).toContain('Le code est 4411');

    const missing = await fetch(`${capture.url}/sms/inbound`, { method: 'POST', body: 'Body=hi' });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('From');
  });

  it("lists each email's headers, List-Unsubscribe among them", async () => {
    const unsubscribe =
      '<https://track.example.com/u/abc123.AAAAAAAAAAAAAAAAAAAAAA>, <mailto:office@example.com?subject=unsubscribe%20abc123>';
    await sendMail(
      smtpPort,
      [
        'From: Enroute <notifications@example.com>',
        'To: camille@example.com',
        'Subject: Votre technicien est en route',
        `List-Unsubscribe: ${unsubscribe}`,
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Jordan arrive vers 10:40.',
      ].join('\n'),
    );
    // The capture answers the end of DATA once it has kept the message.
    const listed = (await (await fetch(`${capture.url}/api/messages`)).json()) as {
      channel: string;
      headers?: Record<string, string>;
    }[];
    const [email] = listed.filter((message) => message.channel === 'email');
    expect(email?.headers).toMatchObject({
      'List-Unsubscribe': unsubscribe,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      Subject: 'Votre technicien est en route',
    });
  });
});
