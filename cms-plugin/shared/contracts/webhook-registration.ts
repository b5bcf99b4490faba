import { z } from 'zod';
import { WebhookEndpoint } from './settings.ts';

/**
 * A receiver that registers itself as one of the plugin's webhook endpoints: n8n's Enroute
 * Trigger does when its flow is activated, and removes itself when it is deactivated. Content
 * API (prefix /api/enroute), a full-access API token or one granted these actions:
 *
 *   GET    /webhook-endpoints?url=…  ⇒ 200 { data: RegisteredEndpoint[] } (the one with that URL, or none)
 *   PUT    /webhook-endpoints        WebhookRegistration ⇒ 201 (added) or 200 (the endpoint with
 *                                    that URL updated) { data: RegisteredEndpoint }
 *   DELETE /webhook-endpoints/:id    ⇒ 200 { data: RegisteredEndpoint }, 404 when there is none
 *
 * The PUT carries `X-Enroute-Signature` over the endpoint's URL (signature.ts), made with the
 * receiver's copy of the signing secret: the plugin refuses a receiver whose secret is not its
 * own (409), so a mismatch shows when the flow is activated instead of as refused deliveries
 * later. The secret itself travels in neither direction.
 */
export const WebhookRegistration = WebhookEndpoint.pick({
  name: true,
  url: true,
  events: true,
  statuses: true,
  maxEventsPerDelivery: true,
}).strict();
export type WebhookRegistration = z.input<typeof WebhookRegistration>;

export const RegisteredEndpoint = WebhookEndpoint.extend({ id: z.string() });
export type RegisteredEndpoint = z.infer<typeof RegisteredEndpoint>;

export const WebhookEndpointQuery = z.object({ url: WebhookEndpoint.shape.url });

export type WebhookEndpointList = { data: RegisteredEndpoint[] };
export type WebhookEndpointAnswer = { data: RegisteredEndpoint };
