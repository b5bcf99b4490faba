import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectOk, request } from '../../demo/src/http.ts';
import type { Log } from '../../demo/src/processes.ts';
import { startScratchStack, type Configuration } from '../../demo/src/scratch.ts';
import { signInAdmin } from '../../demo/src/strapi.ts';

export type { Configuration };

const RESULTS = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));

/**
 * The whole product on a scratch stack (Strapi with the plugin, n8n with the package and its
 * flows, the portal, the SMTP server and the SMS gateway), with the integration's and the admin's
 * clients. Everything the parts print goes to test-results/e2e/<configuration>.log, and its end
 * into the error when the stack does not start.
 */
export async function startTestStack(configuration: Configuration) {
  await mkdir(RESULTS, { recursive: true });
  const logFile = createWriteStream(path.join(RESULTS, `${configuration}.log`));
  let output = '';
  const log: Log = (part, line) => {
    const text = `${part.padEnd(8)} | ${line}\n`;
    logFile.write(text);
    output = (output + text).slice(-20_000);
  };
  const stack = await startScratchStack({ configuration, log, relayPollMs: 200 }).catch(
    (error: Error) => {
      logFile.end();
      throw new Error(`${error.message}\n--- the end of the output ---\n${output}`);
    },
  );
  const adminJwt = await signInAdmin(stack.urls.strapi, stack.state);
  const token = stack.state.tokens!.fullAccess;
  return {
    stack,
    output: () => output,
    /** The plugin's content API, with the integration's (full-access) token. */
    api: (method: string, route: string, body?: unknown) =>
      expectOk(
        `${method} ${route}`,
        request(method, `${stack.urls.strapi}/api/enroute${route}`, { token, body }),
      ),
    /** The plugin's admin routes, as the demo's super admin. */
    admin: (method: string, route: string, body?: unknown) =>
      expectOk(
        `${method} ${route}`,
        request(method, `${stack.urls.strapi}/enroute${route}`, { token: adminJwt, body }),
      ),
    async stop() {
      await stack.stop();
      logFile.end();
    },
  };
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;
