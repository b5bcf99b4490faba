import { readFileSync } from 'node:fs';
import {
  NotificationDetail,
  NotificationLogPage,
  type BookingStatus,
} from 'strapi-plugin-enroute/contracts';
import { sqliteDatabase, type TestDatabase } from '../../../cms-plugin/tests/support/database.ts';
import { QUIET_HOURS_OFF } from '../../../cms-plugin/tests/support/fixtures.ts';
import { startHost } from '../../../cms-plugin/tests/support/host.ts';
import { statusChangeEvent } from '../../../cms-plugin/tests/support/messages.ts';
import type { WorkflowTemplate } from '../workflows/templates.ts';
import { createEngine, removeUserFolder, type EngineOptions } from '../support/engine.ts';
import { startSmtpCapture } from '../support/smtp-capture.ts';
import { startTwilioStandin, TWILIO_ORIGIN } from '../support/twilio-standin.ts';

export const WEBHOOK_SECRET = 'whsec_flows_0123456789';
export const TWILIO_SID = 'AC00000000000000000000000000000001';
export const PORTAL = 'https://track.example.com';
const TWILIO_TOKEN = 'twilio-auth-token';
const HOUR = 3_600_000;

export function template(file: string): WorkflowTemplate {
  const url = new URL(`../../../n8n-nodes/workflows/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as WorkflowTemplate;
}

/** The providers' side: a real SMTP server and the Twilio stand-in. */
export async function startProviders(options: { queueing?: boolean } = {}) {
  const smtp = await startSmtpCapture(options);
  const twilio = await startTwilioStandin(TWILIO_SID, TWILIO_TOKEN);
  return {
    smtp,
    twilio,
    close: async () => {
      await Promise.all([smtp.close(), twilio.close()]);
    },
  };
}

export type Providers = Awaited<ReturnType<typeof startProviders>>;

/** n8n's engine with the credentials of the templates: Enroute API, webhook secret, SMTP, Twilio. */
export function flowEngine(
  enroute: { url: string; token: string },
  providers: { smtp: Pick<Providers['smtp'], 'port'>; twilio: Pick<Providers['twilio'], 'url'> },
  nodeTypes?: EngineOptions['nodeTypes'],
) {
  return createEngine({
    nodeTypes,
    credentials: {
      enrouteApi: { url: enroute.url, apiToken: enroute.token },
      enrouteWebhookApi: { secret: WEBHOOK_SECRET },
      smtp: {
        host: '127.0.0.1',
        port: providers.smtp.port,
        secure: false,
        disableStartTls: true,
        user: '',
        password: '',
        hostName: '',
      },
      twilioApi: { authType: 'authToken', accountSid: TWILIO_SID, authToken: TWILIO_TOKEN },
    },
    redirects: { [TWILIO_ORIGIN]: providers.twilio.url },
  });
}

/** Who a booking's messages go to; the reporter of its work order. */
export type ContactSpec = {
  name: string;
  email: string | null;
  mobilePhone: string | null;
  locale: string;
  emailOptOut: boolean;
  smsOptOut: boolean;
};

export const REPORTER: ContactSpec = {
  name: 'Ana Reporter',
  email: 'ana@example.com',
  mobilePhone: '+14155552671',
  locale: 'en',
  emailOptOut: false,
  smsOptOut: false,
};

export type PluginBooking = { id: string; documentId: string; start: string; end: string };

/**
 * The Enroute plugin as the flows meet it: a real Strapi app with the plugin (SQLite), its
 * records API to create and change bookings, and its notification log to read back what the
 * flows did. Nothing here decides anything: the plugin does.
 */
async function startPlugin(database: TestDatabase) {
  const host = await startHost({ database, env: { ENROUTE_RELAY_ENABLED: 'false' } });
  const token = host.tokens.fullAccess;
  const settings = await host.admin('PUT', '/settings', {
    portalBaseUrl: PORTAL,
    webhookSecret: WEBHOOK_SECRET,
    ...QUIET_HOURS_OFF,
  });
  if (settings.status !== 200) throw new Error(`settings: ${JSON.stringify(settings.body)}`);

  const put = async (route: string, body: unknown) => {
    const answer = await host.api('PUT', route, token, body);
    if (answer.status >= 300) {
      throw new Error(`PUT ${route}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body.data as { documentId: string };
  };
  await put('/service-accounts/account-flows', {
    name: 'Harbour Bakery',
    address: '1 Quay Street, Bristol',
    latitude: 51.4504,
    longitude: -2.5973,
    timeZone: 'Europe/London',
  });
  await put('/service-types/type-boiler', { name: 'Boiler service' });
  await put('/resources/tech-1', { name: 'Sam Fixer', phone: '+441174960123' });

  return {
    host,
    url: host.url,
    token,

    /**
     * A booking starting `hoursAhead` from now (on the minute), for its own reporter; `id` names
     * its records (`booking-<id>`, `wo-<id>`, `contact-<id>`).
     */
    async booking(
      id: string,
      hoursAhead: number,
      options: { status?: BookingStatus; contact?: Partial<ContactSpec> } = {},
    ): Promise<PluginBooking> {
      const contact = { ...REPORTER, ...options.contact };
      await put(`/contacts/contact-${id}`, contact);
      await put(`/work-orders/wo-${id}`, {
        number: `WO-${id.toUpperCase()}`,
        serviceAccount: 'account-flows',
        serviceType: 'type-boiler',
        reportedBy: `contact-${id}`,
      });
      const startAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + hoursAhead * HOUR);
      const start = startAt.toISOString();
      const end = new Date(startAt.getTime() + HOUR).toISOString();
      const booking = await put(`/bookings/booking-${id}`, {
        workOrder: `wo-${id}`,
        resource: 'tech-1',
        start,
        end,
        ...(options.status ? { status: options.status } : {}),
      });
      return { id, documentId: booking.documentId, start, end };
    },

    /** Changes a booking through the records API, as a dispatch system would. */
    async change(
      booking: PluginBooking,
      patch: { status?: BookingStatus; start?: string; end?: string },
    ) {
      const answer = await host.api('PATCH', `/bookings/${booking.documentId}`, token, patch);
      if (answer.status !== 200) {
        throw new Error(`PATCH booking: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      return answer.body.data as { start: string; end: string; status: BookingStatus };
    },

    /** A booking's log entries with their content, as the admin's log shows them. */
    async notifications(booking: PluginBooking): Promise<NotificationDetail[]> {
      const list = await host.admin(
        'GET',
        `/notifications?bookingId=${booking.documentId}&pageSize=100`,
      );
      const page = NotificationLogPage.parse(list.body);
      return Promise.all(
        page.data.map(async (entry) => {
          const detail = await host.admin('GET', `/notifications/${entry.documentId}`);
          return NotificationDetail.parse((detail.body as { data: unknown }).data);
        }),
      );
    },

    /** Every log entry, for counting. */
    async logSize(): Promise<number> {
      const rows = await database.select('select count(*) as n from enroute_notifications');
      return Number(rows[0]?.n);
    },

    async editSnippets(locale: string, values: Record<string, string>) {
      const answer = await host.admin('PUT', '/settings', { snippets: { locale, values } });
      if (answer.status !== 200) throw new Error(`snippets: ${JSON.stringify(answer.body)}`);
    },

    /** Whether a link in a message opens its booking on the portal (the access code is live). */
    async opens(link: string): Promise<boolean> {
      const token = link.split('/t/')[1] ?? '';
      return (await host.api('GET', `/access-codes/${token}`, host.tokens.readOnly)).status === 200;
    },
  };
}

export type Plugin = Awaited<ReturnType<typeof startPlugin>>;

/** A status change of a booking, as the plugin's outbox sends it (a new id each time). */
export function statusChange(booking: PluginBooking, from: BookingStatus, to: BookingStatus) {
  return statusChangeEvent({ ...booking, externalId: `booking-${booking.id}` }, from, to);
}

/** Real SMTP, the Twilio stand-in, a real Strapi with the plugin, and n8n's engine wired to them. */
export async function startFlowEnvironment(nodeTypes?: EngineOptions['nodeTypes']) {
  const database = await sqliteDatabase();
  const [providers, plugin] = await Promise.all([startProviders(), startPlugin(database)]);
  const engine = flowEngine({ url: plugin.url, token: plugin.token }, providers, nodeTypes);
  return {
    ...providers,
    plugin,
    engine,
    async close() {
      await Promise.all([providers.close(), plugin.host.stop()]);
      await database.drop();
    },
  };
}

export { removeUserFolder };
export type FlowEnvironment = Awaited<ReturnType<typeof startFlowEnvironment>>;
