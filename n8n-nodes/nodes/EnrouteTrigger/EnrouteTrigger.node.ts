import type { BookingEventType, BookingStatus } from 'strapi-plugin-enroute/contracts';
// The plugin's names as plain values (no schema library), bundled into the node at build time.
import {
  bookingEventTypes,
  bookingStatuses,
  bookingStatusNames,
  MAX_EVENTS_PER_DELIVERY,
} from '../../../cms-plugin/shared/contracts/vocabulary.ts';
import {
  NodeConnectionTypes,
  type ICredentialDataDecryptedObject,
  type ICredentialsDecrypted,
  type ICredentialTestFunctions,
  type IDataObject,
  type IHookFunctions,
  type INodeCredentialTestResult,
  type INodeType,
  type INodeTypeDescription,
  type IWebhookFunctions,
  type IWebhookResponseData,
} from 'n8n-workflow';
import { judgeDelivery, rememberEventIds } from './accept-delivery.ts';
import {
  DEFAULT_EVENTS_PER_REQUEST,
  isUpToDate,
  pluginClient,
  register,
  wantedEndpoint,
} from './registration.ts';

const MIN_SECRET_LENGTH = 16;

const eventNames: Record<BookingEventType, string> = {
  'booking.created': 'Booking Created',
  'booking.status_changed': 'Booking Status Changed',
  'booking.rescheduled': 'Booking Rescheduled',
  'booking.resource_changed': 'Booking Technician Changed',
  'booking.deleted': 'Booking Deleted',
  'customer.confirmed': 'Customer Confirmed',
  'customer.reschedule_requested': 'Customer Asked for Another Time',
  'customer.reschedule_declined': 'Customer Request Declined',
  'customer.cancel_requested': 'Customer Canceled',
  'customer.note': 'Customer Left a Note',
};

export class EnrouteTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Enroute Trigger',
    name: 'enrouteTrigger',
    icon: { light: 'file:enroute.svg', dark: 'file:enroute.dark.svg' },
    group: ['trigger'],
    // 2: the trigger registers its URL with the plugin when its workflow is activated (1: an
    // admin adds it in the plugin's settings).
    version: [1, 2],
    defaultVersion: 2,
    subtitle: '={{ $parameter["events"].join(", ") }}',
    description: 'Starts the workflow on signed booking events from the Enroute Strapi plugin',
    defaults: { name: 'Enroute Trigger' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [
      { name: 'enrouteWebhookApi', required: true, testedBy: 'enrouteWebhookSecret' },
      { name: 'enrouteApi', required: true, displayOptions: { show: { '@version': [2] } } },
    ],
    webhooks: [
      // Answered when the run is over: the plugin's relay then has one request in flight per lane
      // for as long as n8n is busy with it, and the events that arrive meanwhile come together in
      // its next requests (fewer, larger runs) instead of piling up as runs of one event each.
      {
        name: 'default',
        httpMethod: 'POST',
        responseMode: 'lastNode',
        responseData: 'noData',
        path: 'enroute',
      },
    ],
    properties: [
      {
        displayName: 'Events',
        name: 'events',
        type: 'multiOptions',
        required: true,
        options: bookingEventTypes.map((value) => ({ name: eventNames[value], value })),
        default: ['booking.status_changed'],
        description:
          'The booking events that start this workflow; others are acknowledged and dropped',
      },
      {
        displayName: 'New Statuses',
        name: 'statuses',
        type: 'multiOptions',
        displayOptions: { show: { events: ['booking.status_changed'] } },
        options: bookingStatuses.map((value) => ({ name: bookingStatusNames[value], value })),
        default: [],
        description:
          'Start the workflow only for status changes to these statuses; none selected means any status. Other status changes are acknowledged without running the workflow.',
      },
      {
        displayName: 'Events per Request',
        name: 'eventsPerRequest',
        type: 'number',
        typeOptions: { minValue: 1, maxValue: MAX_EVENTS_PER_DELIVERY },
        displayOptions: { show: { '@version': [2] } },
        default: DEFAULT_EVENTS_PER_REQUEST,
        description:
          'The most events the plugin sends in one request: a crowd of booking changes then starts a few runs of several items instead of one run per event',
      },
    ],
  };

  /**
   * From version 2, activating the workflow registers the trigger's URL with the plugin as a
   * webhook endpoint (with the workflow's name, the events and statuses above and the events per
   * request), and deactivating it removes it. The endpoint is found by its URL.
   */
  webhookMethods = {
    default: {
      async checkExists(this: IHookFunctions): Promise<boolean> {
        if (this.getNode().typeVersion < 2) return true;
        const wanted = wantedEndpoint(this);
        const found = await (await pluginClient(this)).findWebhookEndpoint(wanted.url);
        // One that differs from the trigger's settings now is updated by create().
        return found !== null && isUpToDate(found, wanted);
      },
      async create(this: IHookFunctions): Promise<boolean> {
        if (this.getNode().typeVersion < 2) return true;
        await register(this, wantedEndpoint(this));
        return true;
      },
      async delete(this: IHookFunctions): Promise<boolean> {
        if (this.getNode().typeVersion < 2) return true;
        const client = await pluginClient(this);
        const found = await client.findWebhookEndpoint(wantedEndpoint(this).url);
        if (found) await client.removeWebhookEndpoint(found.id);
        return true;
      },
    },
  };

  methods = {
    credentialTest: {
      /** The secret is only ever checked against signatures; here, that it is usable at all. */
      async enrouteWebhookSecret(
        this: ICredentialTestFunctions,
        credential: ICredentialsDecrypted<ICredentialDataDecryptedObject>,
      ): Promise<INodeCredentialTestResult> {
        const secret = String(credential.data?.secret ?? '');
        if (secret.length < MIN_SECRET_LENGTH) {
          return {
            status: 'Error',
            message: `The signing secret must have at least ${MIN_SECRET_LENGTH} characters; copy it from the Enroute plugin settings`,
          };
        }
        return { status: 'OK', message: 'The signing secret is set' };
      },
    },
  };

  async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
    const request = this.getRequestObject();
    const { secret } = await this.getCredentials<{ secret: string }>('enrouteWebhookApi');
    const staticData = this.getWorkflowStaticData('node') as IDataObject & {
      seenEventIds?: string[];
    };
    const rawBody = request.rawBody
      ? request.rawBody.toString('utf8')
      : JSON.stringify(request.body);
    const verdict = judgeDelivery({
      rawBody,
      signature: this.getHeaderData()['x-enroute-signature'] as string | undefined,
      secret,
      eventTypes: this.getNodeParameter('events', []) as BookingEventType[],
      statuses: this.getNodeParameter('statuses', []) as BookingStatus[],
      seenEventIds: staticData.seenEventIds ?? [],
    });
    if (verdict.outcome === 'rejected') {
      this.getResponseObject()
        .status(verdict.status)
        .json({ accepted: false, reason: verdict.reason });
      return { noWebhookResponse: true };
    }
    const { accepted, ignored, duplicates } = verdict;
    // Ignored events are not remembered: a replay of one is ignored again, and n8n does not have
    // to save the workflow's static data for it.
    if (accepted.length > 0) {
      staticData.seenEventIds = rememberEventIds(
        staticData.seenEventIds ?? [],
        accepted.map((event) => event.id),
      );
      // One run for all the accepted events, one item each; n8n answers that it started.
      return { workflowData: [this.helpers.returnJsonArray(accepted as unknown as IDataObject[])] };
    }
    return {
      webhookResponse: verdict.batch
        ? { accepted: 0, ignored: ignored.length, duplicates: duplicates.length }
        : duplicates.length > 0
          ? { accepted: false, reason: 'event already received' }
          : { accepted: true, ignored: ignored[0]?.type },
    };
  }
}
