import type { PortalLookup } from '../portal-view/portal-view.ts';
import {
  interpretPreviewResponse,
  isPlausiblePreviewToken,
  previewViewUrl,
} from './portal-preview.ts';

export interface PreviewConfig {
  strapiUrl: string;
  /** The portal's read-only API token. */
  token: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * The sample view an admin's preview link opens (null: expired, altered or not a preview). Never
 * kept: each preview is asked for once, and expires within minutes.
 */
export async function fetchPreview(
  config: PreviewConfig,
  previewToken: string | undefined,
): Promise<PortalLookup | null> {
  if (!isPlausiblePreviewToken(previewToken)) return null;
  try {
    const response = await (config.fetch ?? fetch)(previewViewUrl(config.strapiUrl, previewToken), {
      headers: {
        accept: 'application/json',
        ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
      },
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // Interpreted below by its status.
    }
    return interpretPreviewResponse(response.status, body);
  } catch (error) {
    return {
      kind: 'error',
      reason: 'unreachable',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}
