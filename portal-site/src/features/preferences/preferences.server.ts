import type { PreferencesUpdate } from '@enroute/contracts';
import { interpretPreferences, preferencesUrl, type PreferencesLookup } from './preferences.ts';

export interface PreferencesClientConfig {
  strapiUrl: string;
  /** The portal's API token; it never leaves the server. */
  token: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** The portal's calls for the preferences page: read, change, and the one-click unsubscribe. */
export function createPreferencesClient(config: PreferencesClientConfig) {
  const send = config.fetch ?? fetch;

  async function call(
    token: string,
    method: 'GET' | 'PUT' | 'POST',
    action = '',
    body?: PreferencesUpdate,
  ): Promise<PreferencesLookup> {
    try {
      const response = await send(preferencesUrl(config.strapiUrl, token, action), {
        method,
        headers: {
          accept: 'application/json',
          ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : method === 'POST' ? '{}' : undefined,
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      return interpretPreferences(response.status, await response.json().catch(() => null));
    } catch (error) {
      return { kind: 'error', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    find: (token: string) => call(token, 'GET'),
    update: (token: string, update: PreferencesUpdate) => call(token, 'PUT', '', update),
    oneClick: (token: string) => call(token, 'POST', '/one-click'),
  };
}
