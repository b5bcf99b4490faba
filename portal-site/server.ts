/**
 * The portal in production: `node server.ts` (after `astro build`). The built site's static files
 * are served from memory, gzipped once at start; every other request goes to Astro's handler.
 * (The adapter's own standalone server looks for a file on disk before every page.)
 *
 * HOST and PORT say where it listens (127.0.0.1:4321); PORTAL_DIST where the build is (./dist).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PAGE_HEADERS } from './src/features/security/content-security-policy.ts';

type AstroHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

interface StaticFile {
  body: Buffer;
  gzipped: Buffer | null;
  headers: Record<string, string>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

const dist = process.env.PORTAL_DIST ?? fileURLToPath(new URL('./dist/', import.meta.url));
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4321);

async function staticFiles(client: string): Promise<Map<string, StaticFile>> {
  const files = new Map<string, StaticFile>();
  for (const entry of await readdir(client, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const urlPath = `/${relative(client, path).split(sep).join('/')}`;
    const body = await readFile(path);
    const type = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
    const compressible = /^(text\/|application\/(json|manifest)|image\/svg)/.test(type);
    const gzipped = compressible ? gzipSync(body, { level: 9 }) : null;
    files.set(urlPath, {
      body,
      gzipped: gzipped && gzipped.length < body.length ? gzipped : null,
      headers: {
        'content-type': type,
        // Built assets carry a hash in their name; public files may change with a deploy.
        'cache-control': urlPath.startsWith('/_astro/')
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=3600',
        ...PAGE_HEADERS,
        vary: 'accept-encoding',
      },
    });
  }
  return files;
}

function serveStatic(file: StaticFile, request: IncomingMessage, response: ServerResponse) {
  const gzip = file.gzipped !== null && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  const body = gzip ? file.gzipped! : file.body;
  response.writeHead(200, {
    ...file.headers,
    'content-length': String(body.length),
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

const files = await staticFiles(join(dist, 'client'));
const entry = pathToFileURL(join(dist, 'server', 'entry.mjs')).href;
const { handler } = (await import(entry)) as { handler: AstroHandler };

const server = createServer((request, response) => {
  const url = request.url ?? '/';
  try {
    decodeURI(url);
  } catch {
    response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Bad request.');
    return;
  }
  const file =
    request.method === 'GET' || request.method === 'HEAD'
      ? files.get(url.split('?')[0]!)
      : undefined;
  if (file) serveStatic(file, request, response);
  else void handler(request, response);
});

server.listen(port, host, () => console.log(`portal listening on http://${host}:${port}`));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close();
    // Live streams never end on their own.
    server.closeAllConnections();
    process.exit(0);
  });
}
