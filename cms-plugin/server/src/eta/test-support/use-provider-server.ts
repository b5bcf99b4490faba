import { afterEach } from 'vitest';
import { startProviderServer } from './provider-server.ts';
import type { ProviderAnswer, ProviderServer, RecordedRequest } from './provider-server.ts';

/** One provider server per test, closed after each test of the file that calls this. */
export function useProviderServer() {
  let current: ProviderServer | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    async start(answer: ProviderAnswer): Promise<ProviderServer> {
      current = await startProviderServer(() => answer);
      return current;
    },
    /** What the current server received, in order. */
    get requests(): RecordedRequest[] {
      return current?.requests ?? [];
    },
  };
}
