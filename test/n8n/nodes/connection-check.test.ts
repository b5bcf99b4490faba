import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settings } from '../../../cms-plugin/server/src/messages/rules/fixtures.ts';
import { listen, sendJson, type LocalServer } from '../support/http-server.ts';
import { checkConnection } from '../../../n8n-nodes/nodes/Enroute/transport/connection-check.ts';

const TOKEN = 'good-token';
let strapiWithPlugin: LocalServer;
let strapiWithoutPlugin: LocalServer;
let somethingElse: LocalServer;

beforeAll(async () => {
  strapiWithPlugin = await listen((request, response) => {
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      return sendJson(response, 401, {
        data: null,
        error: {
          status: 401,
          name: 'UnauthorizedError',
          message: 'Missing or invalid credentials',
        },
      });
    }
    if (request.url === '/api/enroute/messaging/settings')
      return sendJson(response, 200, settings());
    sendJson(response, 404, {
      data: null,
      error: { status: 404, name: 'NotFoundError', message: 'Not Found' },
    });
  });
  strapiWithoutPlugin = await listen((_request, response) =>
    sendJson(response, 404, {
      data: null,
      error: { status: 404, name: 'NotFoundError', message: 'Not Found' },
    }),
  );
  somethingElse = await listen((_request, response) => sendJson(response, 200, { hello: 'world' }));
});

afterAll(async () => {
  await Promise.all([strapiWithPlugin.close(), strapiWithoutPlugin.close(), somethingElse.close()]);
});

describe('the Enroute API credential test', () => {
  it('passes against Strapi with the plugin and a good token, with or without a trailing slash', async () => {
    expect(await checkConnection(strapiWithPlugin.url, TOKEN)).toEqual({ ok: true });
    expect(await checkConnection(`${strapiWithPlugin.url}/`, TOKEN)).toEqual({ ok: true });
  });

  it('says the token is refused', async () => {
    expect(await checkConnection(strapiWithPlugin.url, 'wrong')).toMatchObject({
      ok: false,
      problem: 'bad-token',
      message: 'Strapi refused the API token (HTTP 401)',
    });
  });

  it('says the plugin is missing', async () => {
    expect(await checkConnection(strapiWithoutPlugin.url, TOKEN)).toMatchObject({
      ok: false,
      problem: 'plugin-missing',
    });
  });

  it('says the server cannot be reached', async () => {
    const closed = await listen(() => {});
    await closed.close();
    const check = await checkConnection(closed.url, TOKEN);
    expect(check).toMatchObject({ ok: false, problem: 'unreachable' });
    expect(check.ok || check.message).toMatch(
      /^Cannot reach http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/,
    );
  });

  it('says when something else answers', async () => {
    expect(await checkConnection(somethingElse.url, TOKEN)).toMatchObject({
      ok: false,
      problem: 'unexpected-answer',
    });
  });
});
