import type { IExecuteFunctions } from 'n8n-workflow';
import { createEnrouteClient } from '../../transport/client.ts';
import { n8nRequester, type EnrouteCredentials } from '../../transport/n8n-requester.ts';
import { createSession, type PrepareSession } from './prepare.ts';

export async function clientFor(context: IExecuteFunctions) {
  const credentials = await context.getCredentials<EnrouteCredentials>('enrouteApi');
  return {
    client: createEnrouteClient(n8nRequester(context, credentials)),
    cms: credentials.url,
  };
}

export async function openSession(context: IExecuteFunctions): Promise<PrepareSession> {
  const { client, cms } = await clientFor(context);
  return createSession(client, cms, await client.settings(), new Date());
}
