import { createServer } from 'node:net';

/** Whether something already listens on host:port (we try to listen there ourselves). */
export function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the system picks as free now (for tests that run a stack of their own). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export class PortsInUseError extends Error {
  readonly taken: { name: string; port: number; variable: string }[];

  constructor(taken: { name: string; port: number; variable: string }[]) {
    super(
      [
        'These ports are already in use:',
        ...taken.map(
          ({ name, port, variable }) =>
            `  ${String(port).padEnd(5)} ${name} (choose another with ${variable}=<port>)`,
        ),
        'Stop whatever listens there (an earlier start of the demo?) or choose other ports.',
      ].join('\n'),
    );
    this.name = 'PortsInUseError';
    this.taken = taken;
  }
}

/** Checks every port before anything starts; throws one error naming all the taken ones. */
export async function checkPorts(
  wanted: { name: string; port: number; variable: string }[],
  host: string,
): Promise<void> {
  const taken = [];
  for (const entry of wanted) if (!(await isPortFree(entry.port, host))) taken.push(entry);
  if (taken.length > 0) throw new PortsInUseError(taken);
}

/** A free port whose next port is free too (n8n's task runners listen on the next one). */
export async function freePairOfPorts(host = '127.0.0.1'): Promise<number> {
  for (;;) {
    const port = await freePort(host);
    if (port < 65_535 && (await isPortFree(port + 1, host))) return port;
  }
}
