import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A port in front of a TCP server (the SMTP server) that can go down: while down nothing listens
 * on it (a sender's connection is refused) and the connections open at that moment are cut; up
 * again, it listens on the same port.
 */
export async function tcpGate(targetPort: number) {
  const sockets = new Set<Socket>();
  let port = 0;
  let server: Server | null = null;

  async function up(): Promise<void> {
    const listening = createServer((client) => {
      const upstream = connect(targetPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => listening.listen(port, '127.0.0.1', resolve));
    port = (listening.address() as AddressInfo).port;
    server = listening;
  }

  async function down(): Promise<void> {
    const closing = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  }

  await up();
  return { port, up, down, close: down };
}
