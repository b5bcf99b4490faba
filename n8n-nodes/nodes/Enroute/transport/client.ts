import {
  ClaimResponse,
  DueReminders,
  IssuedAccessCode,
  MessageContext,
  MessagingSettings,
  Notification,
  SnippetSet,
  type ClaimRequest,
  type DeliveryResult,
} from 'strapi-plugin-enroute/contracts';

export type EnrouteRequest = {
  method: 'GET' | 'POST';
  /** Below /api/enroute, e.g. /messaging/settings */
  path: string;
  qs?: Record<string, string | number>;
  body?: unknown;
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

/** Any contract schema; kept structural so that the check does not depend on one zod copy. */
export type Schema<T> = {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
};

function parse<T>(schema: Schema<T>, response: EnrouteResponse, what: string): T {
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new EnrouteApiError(
      `The Enroute plugin answered ${what} in an unexpected shape (${problems})`,
      response.statusCode,
    );
  }
  return parsed.data;
}

/** The messaging routes of the Enroute plugin, each answer checked against the contract. */
export function createEnrouteClient(send: SendEnrouteRequest) {
  async function call(request: EnrouteRequest, accept: number[] = [200]): Promise<EnrouteResponse> {
    const response = await send(request);
    if (!accept.includes(response.statusCode)) {
      throw new EnrouteApiError(
        `Enroute ${request.method} ${request.path} failed with HTTP ${response.statusCode}: ${errorMessage(response.body)}`,
        response.statusCode,
      );
    }
    return response;
  }

  return {
    async settings(): Promise<MessagingSettings> {
      return parse(
        MessagingSettings,
        await call({ method: 'GET', path: '/messaging/settings' }),
        'settings',
      );
    },
    async snippets(locale: string): Promise<SnippetSet> {
      const response = await call({ method: 'GET', path: '/messaging/snippets', qs: { locale } });
      return parse(SnippetSet, response, 'snippets');
    },
    async messageContext(bookingId: string): Promise<MessageContext> {
      const response = await call({
        method: 'GET',
        path: `/messaging/bookings/${encodeURIComponent(bookingId)}`,
      });
      return parse(MessageContext, response, 'a booking');
    },
    async dueReminders(page: number, pageSize: number): Promise<DueReminders> {
      const response = await call({
        method: 'GET',
        path: '/messaging/due-reminders',
        qs: { page, pageSize },
      });
      return parse(DueReminders, response, 'due reminders');
    },
    /** Claims an idempotency key; `claimed: false` when it was claimed before (HTTP 409). */
    async claim(request: ClaimRequest): Promise<ClaimResponse> {
      const response = await call(
        { method: 'POST', path: '/messaging/notifications', body: request },
        [200, 201, 409],
      );
      const answer = parse(ClaimResponse, response, 'a claim');
      return { ...answer, claimed: response.statusCode !== 409 && answer.claimed };
    },
    async recordResult(notificationId: string, result: DeliveryResult): Promise<Notification> {
      const response = await call({
        method: 'POST',
        path: `/messaging/notifications/${encodeURIComponent(notificationId)}/result`,
        body: result,
      });
      return parse(Notification, response, 'a delivery result');
    },
    async issueAccessCode(bookingId: string): Promise<IssuedAccessCode> {
      const response = await call(
        {
          method: 'POST',
          path: `/messaging/bookings/${encodeURIComponent(bookingId)}/access-codes`,
        },
        [200, 201],
      );
      return parse(IssuedAccessCode, response, 'an access code');
    },
  };
}

export type EnrouteClient = ReturnType<typeof createEnrouteClient>;
