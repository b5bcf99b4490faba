import type { IExecuteFunctions } from 'n8n-workflow';
import { createEnrouteClient } from '../../transport/client.ts';
import { n8nRequester } from '../../transport/n8n-requester.ts';
import { createSession, type PrepareSession } from './prepare.ts';

export async function clientFor(context: IExecuteFunctions) {
  const credentials = await context.getCredentials<{ url: string }>('enrouteApi');
  return {
    client: createEnrouteClient(n8nRequester(context, credentials.url)),
    cms: credentials.url,
  };
}

export async function openSession(context: IExecuteFunctions): Promise<PrepareSession> {
  const { client, cms } = await clientFor(context);
  return createSession(client, cms, await client.settings(), new Date());
}
