import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { z } from 'zod';
import type { WebhookEndpoint } from '../../../shared/contracts/settings.ts';
import { verifySignature } from '../../../shared/contracts/signature.ts';
import type {
  RegisteredEndpoint,
  WebhookRegistration,
} from '../../../shared/contracts/webhook-registration.ts';
import { getService } from '../utils/get-service.ts';
import { RequestError, notFound } from '../validation/errors.ts';

/**
 * Webhook endpoints that register themselves (contracts/webhook-registration.ts): n8n's Enroute
 * Trigger adds its URL when its flow is activated and removes it when the flow is deactivated.
 * They live in the settings' endpoint list beside the ones an admin adds, one per URL.
 */
export const createWebhookRegistrationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService('settings', { strapi });
  // Flows are activated together when n8n starts: one change to the endpoint list at a time, so
  // that no registration overwrites another.
  let last: Promise<unknown> = Promise.resolve();
  function oneAtATime<T>(change: () => Promise<T>): Promise<T> {
    const next = last.then(change, change);
    last = next.catch(() => undefined);
    return next;
  }

  async function replaceEndpoints(webhooks: WebhookEndpoint[]): Promise<void> {
    await settings().update({ webhooks });
    await getService('booking-events', { strapi }).kick();
  }

  return {
    async find(url: string): Promise<RegisteredEndpoint[]> {
      return (await settings().read()).webhooks.filter((endpoint) => endpoint.url === url);
    },

    /**
     * Adds the endpoint, or updates (and enables) the one with the same URL. `signature` is
     * the URL signed with the registrant's copy of the signing secret.
     */
    register(
      registration: z.infer<typeof WebhookRegistration>,
      signature: string | undefined,
    ): Promise<{ created: boolean; endpoint: RegisteredEndpoint }> {
      return oneAtATime(async () => {
        const stored = await settings().read();
        if (!stored.webhookSecret) {
          throw new RequestError(409, [
            {
              path: 'webhookSecret',
              message:
                'no signing secret is set in the Enroute settings: set one there, and the same in the receiver',
            },
          ]);
        }
        const check = verifySignature(stored.webhookSecret, registration.url, signature);
        if (!check.ok) {
          throw new RequestError(409, [
            {
              path: 'signature',
              message:
                check.reason === 'mismatch'
                  ? 'the receiver’s signing secret is not the one in the Enroute settings'
                  : `the registration’s signature is ${check.reason}`,
            },
          ]);
        }
        const existing = stored.webhooks.find((endpoint) => endpoint.url === registration.url);
        const endpoint: WebhookEndpoint = {
          ...registration,
          id: existing?.id ?? randomUUID(),
          enabled: true,
        };
        await replaceEndpoints(
          existing
            ? stored.webhooks.map((other) => (other.id === existing.id ? endpoint : other))
            : [...stored.webhooks, endpoint],
        );
        return { created: !existing, endpoint };
      });
    },

    remove(id: string): Promise<RegisteredEndpoint> {
      return oneAtATime(async () => {
        const { webhooks } = await settings().read();
        const endpoint = webhooks.find((candidate) => candidate.id === id);
        if (!endpoint) throw notFound('id', `no webhook endpoint with id ${id}`);
        await replaceEndpoints(webhooks.filter((other) => other.id !== id));
        return endpoint;
      });
    },
  };
};

export type WebhookRegistrationsService = ReturnType<typeof createWebhookRegistrationsService>;
