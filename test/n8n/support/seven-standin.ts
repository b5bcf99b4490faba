import { listen, readBody, sendJson } from './http-server.ts';

export const SEVEN_ORIGIN = 'https://gateway.seven.io';

export type SevenMessage = { to: string; from: string; text: string };

/**
 * Answers like seven's SMS API (POST /api/sms, X-Api-Key header, form-encoded `to`, `text`,
 * `from`): `success` "100" with one entry per message, or "900" for a refused key.
 */
export async function startSevenStandin(apiKey: string) {
  const messages: SevenMessage[] = [];
  const server = await listen(async (request, response) => {
    const form = new URLSearchParams(await readBody(request));
    if (request.method !== 'POST' || request.url !== '/api/sms') {
      return sendJson(response, 404, { success: '404' });
    }
    if (request.headers['x-api-key'] !== apiKey) return sendJson(response, 200, { success: '900' });
    const message = {
      to: form.get('to') ?? '',
      from: form.get('from') ?? '',
      text: form.get('text') ?? '',
    };
    messages.push(message);
    sendJson(response, 200, {
      success: '100',
      total_price: 0.075,
      balance: 42.5,
      debug: 'false',
      sms_type: 'direct',
      messages: [
        {
          id: String(77_229_135_982 + messages.length),
          sender: message.from,
          recipient: message.to.replace(/^\+/, ''),
          text: message.text,
          encoding: 'gsm',
          label: null,
          parts: 1,
          udh: null,
          is_binary: false,
          price: 0.075,
          success: true,
          error: null,
          error_text: null,
        },
      ],
    });
  });
  return { url: server.url, messages, close: server.close };
}
export type SevenStandin = Awaited<ReturnType<typeof startSevenStandin>>;
