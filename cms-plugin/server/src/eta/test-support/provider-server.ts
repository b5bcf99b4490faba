import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface ProviderAnswer {
  status?: number;
  /** A string is sent as is; anything else as JSON. */
  body: unknown;
  /** Wait this long before answering (a slow provider). */
  delayMs?: number;
}

export interface ProviderServer {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A local stand-in for a routing provider, on 127.0.0.1, answering what `answer` says. */
export async function startProviderServer(
  answer: (request: RecordedRequest) => ProviderAnswer,
): Promise<ProviderServer> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const respond = (res: ServerResponse, { status = 200, body }: ProviderAnswer): void => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json' }).end(text);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const planned = answer(recorded);
      if (!planned.delayMs) return respond(res, planned);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) respond(res, planned);
      }, planned.delayMs);
      timers.add(timer);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/** A port that was free a moment ago and has nothing listening on it now. */
export async function closedPortUrl(): Promise<string> {
  const server = await startProviderServer(() => ({ body: {} }));
  await server.close();
  return server.baseUrl;
}
