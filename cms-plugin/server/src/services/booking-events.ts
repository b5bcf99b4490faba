import type { Core } from '@strapi/strapi';
import type { OutboxBacklog } from '../../../shared/contracts/admin.ts';
import { bookingEventsMiddleware } from '../events/middleware.ts';
import { createOutbox } from '../events/outbox.ts';
import type { PluginConfig } from '../config.ts';
import { createRelay } from '../events/relay.ts';
import { PLUGIN_ID } from '../utils/uids.ts';
import type { SettingsService } from './settings.ts';

/** Booking events: written to the outbox with each change, relayed to the webhook. */
export const createBookingEventsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = createOutbox(strapi);
  const options = strapi.config.get(`plugin::${PLUGIN_ID}.relay`) as PluginConfig['relay'];
  const settings = () => strapi.plugin(PLUGIN_ID).service('settings') as SettingsService;
  const relay = createRelay(
    strapi,
    outbox,
    async () => {
      const stored = await settings().read();
      // Events wait in the outbox until a URL and its signing secret are set.
      return stored.webhookUrl && stored.webhookSecret
        ? { url: stored.webhookUrl, secret: stored.webhookSecret }
        : null;
    },
    options,
  );

  return {
    /** Registers the Document Service middleware that writes events with each booking change. */
    watchBookings(): void {
      strapi.documents.use(
        bookingEventsMiddleware(strapi, outbox, () => relay.kick()) as Parameters<
          Core.Strapi['documents']['use']
        >[0],
      );
    },
    /** Starts delivering the outbox, unless this instance is configured not to. */
    startRelay: () => {
      if (options.enabled) relay.start();
    },
    stopRelay: () => relay.stop(),
    /** Settings changed (e.g. a webhook URL was set): try pending events now. */
    kick: () => relay.kick(),
    backlog: (): Promise<OutboxBacklog> => outbox.backlog(),
  };
};

export type BookingEventsService = ReturnType<typeof createBookingEventsService>;
