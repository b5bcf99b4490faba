import type { IExecuteFunctions } from 'n8n-workflow';
import { createEnrouteClient, type EnrouteClient } from '../../transport/client.ts';
import { n8nRequester, type EnrouteCredentials } from '../../transport/n8n-requester.ts';

/** The plugin's client for this run, with the credential read once. */
export async function clientFor(context: IExecuteFunctions): Promise<EnrouteClient> {
  const credentials = await context.getCredentials<EnrouteCredentials>('enrouteApi');
  return createEnrouteClient(n8nRequester(context, credentials));
}
