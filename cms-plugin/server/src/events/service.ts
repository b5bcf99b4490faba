import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Core } from '@strapi/strapi';
import type {
  DeadLetter,
  DeadLetterAction,
  OutboxBacklog,
} from '../../../shared/contracts/admin.ts';
import type { BookingEvent } from '../../../shared/contracts/booking-event.ts';
import type { WebhookEndpoint } from '../../../shared/contracts/settings.ts';
import { createOutbox } from './outbox.ts';
import type { PluginConfig } from '../config.ts';
import { createRelay, type Relay } from './relay.ts';
import { PLUGIN_ID } from '../utils/uids.ts';
import { getService } from '../utils/get-service.ts';

/**
 * Booking events: written to the outbox with each change, with a delivery for every enabled
 * endpoint that wants the event's type; each endpoint's deliveries are made by its own relay.
 * Every instance sharing the database may run the relays: each delivery is made under a lease
 * this instance renews while it lives, so another takes it over when this one dies.
 */
export const createBookingEventsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = createOutbox(strapi);
  const options = strapi.config.get(`plugin::${PLUGIN_ID}.relay`) as PluginConfig['relay'];
  const settings = () => getService('settings', { strapi });
  const relays = new Map<string, Relay>();
  let started = false;
  /** This process, as the holder of leases (a restarted instance is another holder). */
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  let heartbeat: NodeJS.Timeout | null = null;

  async function renewLeases(): Promise<void> {
    try {
      await outbox.renewLeases(owner, new Date(Date.now() + options.leaseMs));
    } catch (error) {
      strapi.log.error(`[enroute] booking event leases not renewed: ${String(error)}`);
    }
  }

  /** The endpoints events are written for: none while no secret can sign them. */
  async function endpoints(): Promise<WebhookEndpoint[]> {
    const stored = await settings().read();
    return stored.webhookSecret ? stored.webhooks : [];
  }

  function relayFor(endpointId: string): Relay {
    return createRelay(
      strapi,
      outbox.queue(endpointId, owner, options.leaseMs),
      async () => {
        const stored = await settings().read();
        const endpoint = stored.webhooks.find((candidate) => candidate.id === endpointId);
        // A disabled endpoint keeps what waits for it until it is enabled again.
        return endpoint?.enabled && stored.webhookSecret
          ? {
              url: endpoint.url,
              secret: stored.webhookSecret,
              maxEvents: endpoint.maxEventsPerDelivery,
            }
          : null;
      },
      options,
    );
  }

  /** One relay per endpoint in the settings; relays of removed endpoints stop. */
  async function reconcile(): Promise<void> {
    const ids = (await settings().read()).webhooks.map((endpoint) => endpoint.id);
    await outbox.forgetOthers(ids);
    for (const [id, relay] of relays) {
      if (ids.includes(id)) continue;
      relays.delete(id);
      await relay.stop();
    }
    for (const id of ids) {
      let relay = relays.get(id);
      if (!relay) {
        relay = relayFor(id);
        relays.set(id, relay);
        relay.start();
      }
      relay.kick();
    }
  }

  return {
    /** Moves a webhook URL stored before endpoint lists into one endpoint, with its backlog. */
    async migrate(): Promise<void> {
      const endpoint = await settings().migrateWebhookUrl();
      if (endpoint) await outbox.adoptUndelivered(endpoint);
    },
    /** Writes a booking change's events to the outbox (inside the change's transaction). */
    append: async (events: BookingEvent[]): Promise<void> =>
      outbox.append(events, await endpoints()),
    /** Events were committed: the relays deliver them now rather than at their next poll. */
    announce(): void {
      for (const relay of relays.values()) relay.kick();
    },
    /** Starts delivering the outbox, unless this instance is configured not to. */
    startRelay: async () => {
      if (!options.enabled) return;
      started = true;
      // Renewed well before they run out, so that a slow receiver does not lose them.
      heartbeat = setInterval(() => void renewLeases(), Math.max(100, options.leaseMs / 3));
      heartbeat.unref();
      await reconcile();
    },
    stopRelay: async () => {
      started = false;
      await Promise.all([...relays.values()].map((relay) => relay.stop()));
      relays.clear();
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
    },
    /** Settings changed (endpoints added, removed, enabled): deliver what waits now. */
    kick: async () => {
      if (started) await reconcile();
      else await outbox.forgetOthers((await settings().read()).webhooks.map(({ id }) => id));
    },
    backlog: async (): Promise<OutboxBacklog> =>
      outbox.backlog((await settings().read()).webhooks, owner),
    /** An admin retries or discards a dead letter; a retried one is delivered again at once. */
    async decide(id: number, action: DeadLetterAction['action'], by: string): Promise<DeadLetter> {
      const letter = await outbox.decide(id, action, by);
      if (action === 'retry') for (const relay of relays.values()) relay.kick();
      return letter;
    },
  };
};

export type BookingEventsService = ReturnType<typeof createBookingEventsService>;
