import { randomBytes } from 'node:crypto';
import { listen, readBody, sendJson, type LocalServer } from './http-server.ts';

export const TWILIO_ORIGIN = 'https://api.twilio.com';

export type TwilioMessage = {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  at: number;
};

/**
 * Answers like Twilio's Messages API (POST /2010-04-01/Accounts/{AccountSid}/Messages.json,
 * form-encoded, HTTP Basic with the account SID and auth token): 201 with a Message resource,
 * or Twilio's error object.
 */
export async function startTwilioStandin(accountSid: string, authToken: string) {
  const messages: TwilioMessage[] = [];
  let failuresLeft = 0;
  let requests = 0;
  /** Numbers Twilio refuses as it does a number that cannot take SMS (HTTP 400, 21211). */
  const refused = new Set<string>();
  const server: LocalServer = await listen(async (request, response) => {
    requests += 1;
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(request.url ?? '');
    const raw = await readBody(request);
    if (request.method !== 'POST' || !match) {
      return sendJson(response, 404, {
        code: 20404,
        message: 'The requested resource was not found',
        status: 404,
      });
    }
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    if (request.headers.authorization !== expected || match[1] !== accountSid) {
      return sendJson(response, 401, {
        code: 20003,
        message: 'Authenticate',
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      });
    }
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      return sendJson(response, 500, {
        code: 20500,
        message: 'Internal Server Error: the carrier gateway is down',
        more_info: 'https://www.twilio.com/docs/errors/20500',
        status: 500,
      });
    }
    const form = new URLSearchParams(raw);
    if (refused.has(form.get('To') ?? '')) {
      return sendJson(response, 400, {
        code: 21211,
        message: `The 'To' number ${form.get('To')} is not a valid phone number.`,
        more_info: 'https://www.twilio.com/docs/errors/21211',
        status: 400,
      });
    }
    const message = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      accountSid,
      to: form.get('To') ?? '',
      from: form.get('From') ?? '',
      body: form.get('Body') ?? '',
      at: performance.now(),
    };
    messages.push(message);
    const now = new Date().toUTCString();
    sendJson(response, 201, {
      sid: message.sid,
      account_sid: accountSid,
      to: message.to,
      from: message.from,
      body: message.body,
      status: 'queued',
      num_segments: '1',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      date_created: now,
      date_updated: now,
      date_sent: null,
      error_code: null,
      error_message: null,
      price: null,
      price_unit: 'USD',
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/SM.json`,
    });
  });
  return {
    url: server.url,
    messages,
    get requests() {
      return requests;
    },
    /** The next `count` requests get HTTP 500. */
    failNext(count: number) {
      failuresLeft = count;
    },
    /** Every message to `to` is refused (HTTP 400, invalid number). */
    refuse(to: string) {
      refused.add(to);
    },
    close: server.close,
  };
}

export type TwilioStandin = Awaited<ReturnType<typeof startTwilioStandin>>;
