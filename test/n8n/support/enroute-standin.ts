import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  ClaimRequest,
  ClaimResponse,
  DeliveryResult,
  DueReminders,
  IssuedAccessCode,
  MessageContext,
  MessagingSettings,
  Notification,
  SnippetSet,
} from 'strapi-plugin-enroute/contracts';
import type { Schema } from '../../../n8n-nodes/nodes/Enroute/transport/client.ts';
import { listen, readBody, sendJson } from './http-server.ts';

export type LoggedNotification = Notification & {
  recipient: string | null;
  /** The booking's start when the message was claimed. */
  startAtClaim: string;
  result?: DeliveryResult;
};

type FieldError = { path: string; message: string };
type Answer = { status: number; body: unknown };

/** A refused request, answered in Strapi's error shape with every wrong field named. */
class Refused extends Error {
  readonly status: 400 | 401 | 404 | 409;
  readonly errors: FieldError[];
  constructor(status: Refused['status'], errors: FieldError[]) {
    super(errors.map((error) => `${error.path}: ${error.message}`).join('; '));
    this.status = status;
    this.errors = errors;
  }
}

const errorNames = {
  400: 'ValidationError',
  401: 'UnauthorizedError',
  404: 'NotFoundError',
  409: 'ConflictError',
} as const;

function parseInput<T>(schema: Schema<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new Refused(
    400,
    parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(body)',
      message: issue.message,
    })),
  );
}

/** As the plugin masks recipients in the log: `a***@e***.com`, `+14*******71`. */
function mask(recipient: string | null): string | null {
  if (!recipient) return null;
  const at = recipient.indexOf('@');
  if (at > 0) {
    const domain = recipient.slice(at + 1);
    const dot = domain.lastIndexOf('.');
    return `${recipient[0]}***@${domain[0] ?? ''}***${dot > 0 ? domain.slice(dot) : ''}`;
  }
  if (recipient.length <= 5) return '*'.repeat(recipient.length);
  return `${recipient.slice(0, 3)}${'*'.repeat(recipient.length - 5)}${recipient.slice(-2)}`;
}

function positiveInteger(
  query: URLSearchParams,
  name: string,
  fallback: number,
  max = Infinity,
): number {
  const raw = query.get(name);
  const value = raw === null ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Refused(400, [
      { path: name, message: `must be an integer from 1 to ${String(max)}` },
    ]);
  }
  return value;
}

/**
 * The Enroute plugin's content API for n8n (`/api/enroute/messaging/*`, as declared in the
 * plugin's routes and `shared/contracts/messaging.ts`), over HTTP with its state in memory.
 * Requests are parsed with the contract's schemas and refused as the plugin refuses them
 * (a failed or skipped result without a reason, a result recorded after sent, an unknown
 * booking, a page out of range); answers are built through the schemas; idempotency keys are
 * unique as in the plugin's notification log, and a key whose message failed is won again by
 * one claim.
 */
export async function startEnrouteStandin(options: {
  token: string;
  settings: MessagingSettings;
  bookings: MessageContext[];
  snippets?: Record<string, Record<string, string>>;
  now?: () => Date;
}) {
  const now = options.now ?? (() => new Date());
  const bookings = new Map(
    options.bookings.map((context) => [context.booking.documentId, context]),
  );
  const notifications = new Map<string, LoggedNotification>();
  const byKey = new Map<string, string>();
  const accessCodes: IssuedAccessCode[] = [];
  const requests: { method: string; path: string; status: number }[] = [];
  /** Reminders pending or sent, per booking and start: such a booking is no longer due. */
  const remindedStarts = new Set<string>();
  const startKey = (bookingId: string, start: string) => `${bookingId}|${Date.parse(start)}`;
  let settings = options.settings;
  let snippetsVersion = 1;

  function bookingOr404(documentId: string): MessageContext {
    const context = bookings.get(documentId);
    if (!context)
      throw new Refused(404, [{ path: 'documentId', message: `no booking ${documentId}` }]);
    return context;
  }

  function dueContexts(): MessageContext[] {
    const from = now().getTime();
    const windowEnd = from + settings.reminder.windowDays * 86_400_000;
    return [...bookings.values()]
      .filter(({ booking }) => {
        const start = Date.parse(booking.start);
        return booking.status === 'scheduled' && start > from && start <= windowEnd;
      })
      .filter(
        ({ serviceAccount, serviceType }) =>
          !settings.excludedAccountIds.includes(serviceAccount.documentId) &&
          !(serviceType && settings.excludedServiceTypeIds.includes(serviceType.documentId)),
      )
      .filter(
        ({ booking, remindersSent }) =>
          !remindedStarts.has(startKey(booking.documentId, booking.start)) &&
          !remindersSent.some((sent) => Date.parse(sent.start) === Date.parse(booking.start)),
      )
      .sort((a, b) => a.booking.documentId.localeCompare(b.booking.documentId));
  }

  function claim(body: unknown): Answer {
    const request = parseInput(ClaimRequest, body);
    if (request.state === 'skipped' && !request.reason) {
      throw new Refused(400, [{ path: 'reason', message: 'is required when state is skipped' }]);
    }
    const existingId = byKey.get(request.idempotencyKey);
    const existing = existingId ? notifications.get(existingId) : undefined;
    if (existing?.state === 'failed' && request.state === 'pending') {
      // A message whose sending failed is won again by one claim.
      Object.assign(existing, {
        state: 'pending',
        recipient: request.recipient,
        recipientMasked: mask(request.recipient),
        updatedAt: now().toISOString(),
      });
      if (existing.type === 'reminder') {
        remindedStarts.add(startKey(existing.bookingId, existing.startAtClaim));
      }
      const notification = Notification.parse(existing);
      return { status: 201, body: ClaimResponse.parse({ claimed: true, notification }) };
    }
    if (existing) {
      const notification = Notification.parse(existing);
      return { status: 409, body: ClaimResponse.parse({ claimed: false, notification }) };
    }
    const context = bookings.get(request.bookingId);
    if (!context) {
      throw new Refused(400, [
        { path: 'bookingId', message: `no booking with documentId ${request.bookingId}` },
      ]);
    }
    const at = now().toISOString();
    const notification: LoggedNotification = {
      documentId: randomUUID(),
      idempotencyKey: request.idempotencyKey,
      bookingId: request.bookingId,
      type: request.type,
      channel: request.channel,
      recipient: request.recipient,
      recipientMasked: mask(request.recipient),
      state: request.state,
      reason: request.reason ?? null,
      providerMessageId: null,
      attempts: 0,
      createdAt: at,
      updatedAt: at,
      startAtClaim: context.booking.start,
    };
    notifications.set(notification.documentId, notification);
    byKey.set(request.idempotencyKey, notification.documentId);
    if (request.type === 'reminder' && request.state === 'pending') {
      remindedStarts.add(startKey(request.bookingId, context.booking.start));
    }
    return {
      status: 201,
      body: ClaimResponse.parse({ claimed: true, notification: Notification.parse(notification) }),
    };
  }

  function recordResult(notificationId: string, body: unknown): Answer {
    const notification = notifications.get(notificationId);
    if (!notification) {
      throw new Refused(404, [{ path: 'id', message: `no notification ${notificationId}` }]);
    }
    if (notification.state === 'sent' || notification.state === 'skipped') {
      throw new Refused(409, [
        { path: 'state', message: `already recorded as ${notification.state}` },
      ]);
    }
    const result = parseInput(DeliveryResult, body);
    if (result.state !== 'sent' && !result.reason) {
      throw new Refused(400, [
        { path: 'reason', message: `is required when state is ${result.state}` },
      ]);
    }
    Object.assign(notification, {
      state: result.state,
      reason: result.reason ?? null,
      providerMessageId: result.providerMessageId ?? null,
      attempts: notification.attempts + 1,
      updatedAt: now().toISOString(),
      result,
    });
    if (notification.type === 'reminder') {
      const key = startKey(notification.bookingId, notification.startAtClaim);
      // A failed reminder does not count: the booking is due again.
      if (result.state === 'failed') remindedStarts.delete(key);
      if (result.state === 'sent') {
        bookings.get(notification.bookingId)?.remindersSent.push({
          start: notification.startAtClaim,
          sentAt: now().toISOString(),
        });
      }
    }
    return { status: 200, body: Notification.parse(notification) };
  }

  function issueAccessCode(bookingId: string): Answer {
    bookingOr404(bookingId);
    const token = randomBytes(16).toString('base64url');
    const code = IssuedAccessCode.parse({
      documentId: randomUUID(),
      token,
      url: `${settings.portalBaseUrl.replace(/\/+$/, '')}/t/${token}`,
      expiresAt: new Date(now().getTime() + 30 * 86_400_000).toISOString(),
    });
    accessCodes.push(code);
    return { status: 201, body: code };
  }

  function route(method: string, path: string, query: URLSearchParams, body: unknown): Answer {
    let match: RegExpExecArray | null;
    if (method === 'GET' && path === '/messaging/settings') {
      return { status: 200, body: MessagingSettings.parse(settings) };
    }
    if (method === 'GET' && path === '/messaging/snippets') {
      const locale = query.get('locale') ?? settings.defaultLocale;
      const values = options.snippets?.[locale] ?? {};
      const version = String(snippetsVersion);
      return { status: 200, body: SnippetSet.parse({ locale, version, values }) };
    }
    if (method === 'GET' && (match = /^\/messaging\/bookings\/([^/]+)$/.exec(path))) {
      return { status: 200, body: MessageContext.parse(bookingOr404(match[1] ?? '')) };
    }
    if (method === 'GET' && path === '/messaging/due-reminders') {
      const page = positiveInteger(query, 'page', 1);
      const pageSize = positiveInteger(query, 'pageSize', 100, 500);
      const due = dueContexts();
      const meta = {
        page,
        pageSize,
        pageCount: Math.ceil(due.length / pageSize),
        total: due.length,
      };
      const data = due.slice((page - 1) * pageSize, page * pageSize);
      return { status: 200, body: DueReminders.parse({ data, meta }) };
    }
    if (method === 'POST' && path === '/messaging/notifications') return claim(body);
    if (method === 'POST' && (match = /^\/messaging\/notifications\/([^/]+)\/result$/.exec(path))) {
      return recordResult(match[1] ?? '', body);
    }
    if (
      method === 'POST' &&
      (match = /^\/messaging\/bookings\/([^/]+)\/access-codes$/.exec(path))
    ) {
      return issueAccessCode(match[1] ?? '');
    }
    throw new Refused(404, [{ path: '(route)', message: 'Not Found' }]);
  }

  async function handle(request: IncomingMessage, url: URL): Promise<Answer> {
    if (!url.pathname.startsWith('/api/enroute/')) {
      throw new Refused(404, [{ path: '(route)', message: 'Not Found' }]);
    }
    if (request.headers.authorization !== `Bearer ${options.token}`) {
      throw new Refused(401, [{ path: '(token)', message: 'Missing or invalid credentials' }]);
    }
    const raw = await readBody(request);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      throw new Refused(400, [{ path: '(body)', message: 'is not JSON' }]);
    }
    const path = url.pathname.slice('/api/enroute'.length).split('/').map(decodeURIComponent);
    return route(request.method ?? 'GET', path.join('/'), url.searchParams, body);
  }

  const server = await listen(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let answer: Answer;
    try {
      answer = await handle(request, url);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      const { status, message, errors } = error;
      const name = errorNames[status];
      answer = {
        status,
        body: { data: null, error: { status, name, message, details: { errors } } },
      };
    }
    requests.push({ method: request.method ?? '', path: url.pathname, status: answer.status });
    sendJson(response, answer.status, answer.body);
  });

  return {
    url: server.url,
    close: server.close,
    requests,
    accessCodes,
    notifications: () => [...notifications.values()],
    booking: (id: string) => bookings.get(id),
    setBooking(context: MessageContext) {
      bookings.set(context.booking.documentId, MessageContext.parse(context));
    },
    setSettings(next: MessagingSettings) {
      settings = MessagingSettings.parse(next);
    },
    editSnippets(locale: string, values: Record<string, string>) {
      options.snippets = { ...options.snippets, [locale]: values };
      snippetsVersion += 1;
    },
  };
}

export type EnrouteStandin = Awaited<ReturnType<typeof startEnrouteStandin>>;
