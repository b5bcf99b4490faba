import type {
  BookingEventType,
  BookingStatus,
  RegisteredEndpoint,
  WebhookRegistration,
} from 'strapi-plugin-enroute/contracts';
import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';
// The plugin's own signing (no schema library), bundled at build time.
import { SIGNATURE_HEADER, signPayload } from '../../../cms-plugin/shared/contracts/signature.ts';
import { createEnrouteClient, type EnrouteClient } from '../Enroute/transport/client.ts';
import { n8nRequester, type EnrouteCredentials } from '../Enroute/transport/n8n-requester.ts';

/** The plugin's limit on an endpoint's name. */
const MAX_NAME_LENGTH = 100;
/** What a new endpoint posts at most per request when the trigger does not say. */
export const DEFAULT_EVENTS_PER_REQUEST = 25;

export type WantedEndpoint = Required<WebhookRegistration>;

/**
 * The endpoint this trigger needs in the plugin: its URL (production when the flow is active,
 * test while the editor listens), the workflow's name, and the events, statuses and batch size
 * it is set to.
 */
export function wantedEndpoint(context: IHookFunctions): WantedEndpoint {
  const url = context.getNodeWebhookUrl('default');
  if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave the trigger no webhook URL');
  const workflow = context.getWorkflow().name?.trim() || 'n8n workflow';
  const name = context.getMode() === 'manual' ? `${workflow} (test)` : workflow;
  return {
    name: name.slice(0, MAX_NAME_LENGTH),
    url,
    events: context.getNodeParameter('events', []) as BookingEventType[],
    statuses: context.getNodeParameter('statuses', []) as BookingStatus[],
    maxEventsPerDelivery: context.getNodeParameter(
      'eventsPerRequest',
      DEFAULT_EVENTS_PER_REQUEST,
    ) as number,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value) => b.includes(value));

/** Whether the plugin's endpoint is this trigger's as it is set now (and switched on). */
export function isUpToDate(found: RegisteredEndpoint, wanted: WantedEndpoint): boolean {
  return (
    found.enabled &&
    found.name === wanted.name &&
    found.maxEventsPerDelivery === wanted.maxEventsPerDelivery &&
    sameSet(found.events, wanted.events) &&
    sameSet(found.statuses, wanted.statuses)
  );
}

/** The plugin's routes through n8n's HTTP helper, with the Enroute API credential. */
export async function pluginClient(context: IHookFunctions): Promise<EnrouteClient> {
  const credentials = await context.getCredentials<EnrouteCredentials>('enrouteApi');
  return createEnrouteClient(n8nRequester(context, credentials));
}

/**
 * Adds or updates the endpoint. The registration is signed with the trigger's signing secret
 * (over the URL), so the plugin refuses it when its own secret is another one: the flow then
 * fails to activate with that reason, instead of every delivery being refused later.
 */
export async function register(context: IHookFunctions, wanted: WantedEndpoint): Promise<void> {
  const { secret } = await context.getCredentials<{ secret: string }>('enrouteWebhookApi');
  const client = await pluginClient(context);
  try {
    await client.registerWebhookEndpoint(wanted, {
      header: SIGNATURE_HEADER,
      value: signPayload(secret, wanted.url, Math.floor(Date.now() / 1000)),
    });
  } catch (error) {
    throw new NodeOperationError(
      context.getNode(),
      `The Enroute plugin did not register this trigger’s URL: ${(error as Error).message}`,
    );
  }
}
