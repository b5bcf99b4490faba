import type {
  DeliveryProblems,
  EventMessageType,
  PreparedBatch,
  PrepareRemindersRequest,
  RecordReplyRequest,
  RecordReplyResponse,
  RecordResult,
  RecordResultsResponse,
  RegisteredEndpoint,
  WebhookRegistration,
} from 'strapi-plugin-enroute/contracts';

export type EnrouteRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below /api/enroute, e.g. /messaging/prepare/events */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
};

export type EnrouteResponse = { statusCode: number; body: unknown };

export type SendEnrouteRequest = (request: EnrouteRequest) => Promise<EnrouteResponse>;

export class EnrouteApiError extends Error {
  readonly statusCode: number | null;

  constructor(message: string, statusCode: number | null) {
    super(message);
    this.name = 'EnrouteApiError';
    this.statusCode = statusCode;
  }
}

/** Strapi answers errors as { error: { message } }; anything else is shown as it came. */
function errorMessage(body: unknown): string {
  if (body && typeof body === 'object' && 'error' in body) {
    const { error } = body as { error: unknown };
    if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  }
  return typeof body === 'string'
    ? body.slice(0, 300)
    : (JSON.stringify(body)?.slice(0, 300) ?? '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The plugin validates what it is sent and answers in its contract's shape; the node checks only
 * that the answer is the plugin's at all (a proxy's error page is not a batch).
 */
function expectFields<T>(response: EnrouteResponse, fields: string[], what: string): T {
  const { body } = response;
  const missing = isObject(body) ? fields.filter((field) => !Array.isArray(body[field])) : fields;
  if (missing.length > 0) {
    throw new EnrouteApiError(
      `The Enroute plugin answered ${what} in an unexpected shape (no ${missing.join(', ')})`,
      response.statusCode,
    );
  }
  return body as T;
}

/** An endpoint as the plugin answers it, recognised by the fields the trigger compares. */
function endpointOf(value: unknown, statusCode: number): RegisteredEndpoint {
  if (
    !isObject(value) ||
    typeof value.id !== 'string' ||
    typeof value.url !== 'string' ||
    !Array.isArray(value.events) ||
    !Array.isArray(value.statuses)
  ) {
    throw new EnrouteApiError(
      'The Enroute plugin answered a webhook endpoint in an unexpected shape',
      statusCode,
    );
  }
  return value as RegisteredEndpoint;
}

/**
 * The plugin's two message routes (prepare a batch, record a batch of results) and the routes
 * a trigger registers its URL with.
 */
export function createEnrouteClient(send: SendEnrouteRequest) {
  /** The plugin's answer when it is a success; otherwise an error saying what it answered. */
  function succeeded(request: EnrouteRequest, response: EnrouteResponse): EnrouteResponse {
    if (response.statusCode !== 200 && response.statusCode !== 201) {
      throw new EnrouteApiError(
        `Enroute ${request.method} ${request.path} failed with HTTP ${response.statusCode}: ${errorMessage(response.body)}`,
        response.statusCode,
      );
    }
    return response;
  }

  const call = async (request: EnrouteRequest) => succeeded(request, await send(request));

  const batchFields = ['email', 'sms', 'skipped', 'failed', 'missing'];

  return {
    async prepareEvents(type: EventMessageType, events: unknown[]): Promise<PreparedBatch> {
      const response = await call({
        method: 'POST',
        path: '/messaging/prepare/events',
        body: { type, events },
      });
      return expectFields<PreparedBatch>(response, batchFields, 'a prepared batch');
    },

    async prepareReminders(request: PrepareRemindersRequest): Promise<PreparedBatch> {
      const response = await call({
        method: 'POST',
        path: '/messaging/prepare/reminders',
        body: request,
      });
      return expectFields<PreparedBatch>(response, batchFields, 'a page of reminders');
    },

    async recordResults(results: RecordResult[]): Promise<RecordResultsResponse> {
      const response = await call({
        method: 'POST',
        path: '/messaging/results',
        body: { results },
      });
      return expectFields<RecordResultsResponse>(response, ['data', 'errors'], 'the results');
    },

    /** Failures, expiries and dead letters of late, and whether they reach the threshold. */
    async deliveryProblems(): Promise<DeliveryProblems> {
      const response = await call({ method: 'GET', path: '/messaging/delivery-problems' });
      const { body } = response;
      if (!isObject(body) || typeof body.total !== 'number' || typeof body.alert !== 'boolean') {
        throw new EnrouteApiError(
          'The Enroute plugin answered the delivery problems in an unexpected shape (no total, alert)',
          response.statusCode,
        );
      }
      return body as DeliveryProblems;
    },

    /** A text message a customer sent: the plugin decides what it is and what to answer. */
    async recordReply(request: RecordReplyRequest): Promise<RecordReplyResponse> {
      const response = await call({ method: 'POST', path: '/messaging/replies', body: request });
      const { body } = response;
      if (!isObject(body) || !isObject(body.data) || typeof body.data.kind !== 'string') {
        throw new EnrouteApiError(
          'The Enroute plugin answered the reply in an unexpected shape (no data.kind)',
          response.statusCode,
        );
      }
      return body as RecordReplyResponse;
    },

    /** The endpoint with this URL, if the plugin has one. */
    async findWebhookEndpoint(url: string): Promise<RegisteredEndpoint | null> {
      const response = await call({
        method: 'GET',
        path: `/webhook-endpoints?url=${encodeURIComponent(url)}`,
      });
      const { data } = expectFields<{ data: unknown[] }>(response, ['data'], 'webhook endpoints');
      return data.length > 0 ? endpointOf(data[0], response.statusCode) : null;
    },

    /** Adds the endpoint, or updates the one with its URL; `signature` signs the URL. */
    async registerWebhookEndpoint(
      registration: WebhookRegistration,
      signature: { header: string; value: string },
    ): Promise<RegisteredEndpoint> {
      const response = await call({
        method: 'PUT',
        path: '/webhook-endpoints',
        body: registration,
        headers: { [signature.header]: signature.value },
      });
      const body = response.body;
      return endpointOf(isObject(body) ? body.data : null, response.statusCode);
    },

    /** Removes the endpoint; one that is gone already is fine. */
    async removeWebhookEndpoint(id: string): Promise<void> {
      const request: EnrouteRequest = {
        method: 'DELETE',
        path: `/webhook-endpoints/${encodeURIComponent(id)}`,
      };
      const response = await send(request);
      if (response.statusCode !== 404) succeeded(request, response);
    },
  };
}

export type EnrouteClient = ReturnType<typeof createEnrouteClient>;
