import type { Core } from '@strapi/strapi';
import { CARRIES_LINK, resolveLocale, type Locale } from '@enroute/content';
import type {
  BookingEvent,
  EventMessageType,
  MessageContext,
  MessageType,
  MessagingSettings,
  PreparedBatch,
  PreparedEmail,
  PreparedSms,
  SkipReason,
} from '../../../shared/contracts/index.ts';
import type { BookingLink } from '../services/access-codes.ts';
import type { StoredSettings } from '../services/settings.ts';
import { rowIds } from '../utils/bulk.ts';
import { getService } from '../utils/get-service.ts';
import { UID } from '../utils/uids.ts';
import type { MessageContent, NewMessage } from './notifications.ts';
import { createRendererCache, type LocaleContent } from './renderers.ts';
import { createStaticMaps, type StaticMaps } from './static-map.ts';
import {
  decideMessages,
  isReminderDue,
  messageData,
  recipientAddress,
  resolveRecipient,
  expiryReason,
  missingContent,
  skipKey,
  staleStatus,
} from './rules/index.ts';
import type { ChannelDecision } from './rules/index.ts';

/** Messages handed out again (after quiet hours, a passing failure or a lost claim) per run. */
const RETRIES_PER_RUN = 500;

type Job = { type: MessageType; context: MessageContext; event?: BookingEvent; source: number };
type Sendable = Extract<ChannelDecision, { decision: 'send' }>;
/** A message to log, with what goes to the flow when it is claimed. */
type Logged = { job: Job; message: NewMessage; item?: PreparedEmail | PreparedSms };

/** What the log keeps of a message: its words, with the customer's link made unusable. */
function redacted<T extends Record<string, unknown>>(content: T, token: string | undefined): T {
  if (!token) return content;
  return Object.fromEntries(
    Object.entries(content).map(([key, value]) => [
      key,
      typeof value === 'string' ? value.replaceAll(token, '[access-code]') : value,
    ]),
  ) as T;
}

function failure(error: unknown): string {
  return `could not prepare the message: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Message preparation: from booking events or the due reminders to ready-to-send email and SMS,
 * in one request per batch. Each booking's messages are decided by the rules and rendered with
 * the booking's link; then the whole batch is logged at once, each message under its idempotency
 * key (a key logged before belongs to another run: that message is not handed out again), skipped
 * ones with their reason, and a message that could not be rendered as failed, never left pending.
 */
export const createPrepareService = ({ strapi }: { strapi: Core.Strapi }) => {
  const renderers = createRendererCache();

  /** One booking's messages, rendered with its link; the log keeps them with the link unusable. */
  async function render(
    job: Job,
    sendable: Sendable[],
    link: Extract<BookingLink, { open: true }> | null,
    settings: MessagingSettings,
    contentFor: (locale: Locale) => Promise<LocaleContent>,
    office: string | null,
    mapFor: StaticMaps,
  ): Promise<{ decision: Sendable; item: PreparedEmail | PreparedSms; content: MessageContent }[]> {
    const bookingId = job.context.booking.documentId;
    const recipient = resolveRecipient(job.context);
    if (!recipient) throw new Error('a message to send has no recipient');
    const locale = resolveLocale(recipient.contact.locale ?? settings.defaultLocale);
    const renderer = renderers.forLocale(locale, await contentFor(locale), settings.branding);
    const data = messageData({
      type: job.type,
      context: job.context,
      recipient: recipient.contact,
      settings,
      event: job.event,
      link: link?.url ?? '',
      map: job.type === 'traveling' ? await mapFor(job.context) : null,
    });
    // Never half-empty: a message lacking what it must say is logged failed with what it lacks.
    const missing = missingContent(job.type, data);
    if (missing) throw new Error(missing);
    const written: {
      decision: Sendable;
      item: PreparedEmail | PreparedSms;
      content: MessageContent;
    }[] = [];
    for (const decision of sendable) {
      const meta = {
        notificationId: '',
        idempotencyKey: decision.idempotencyKey,
        bookingId,
        type: job.type,
        locale,
        source: job.source,
        to: decision.to,
      };
      if (decision.channel === 'email') {
        const email = await renderer.renderEmail(job.type, locale, data);
        const { subject, html, text } = email;
        written.push({
          decision,
          item: {
            ...meta,
            channel: 'email',
            ...email,
            // One-click unsubscribe: to the recipient's own preferences. In sandbox mode the
            // email goes to the test address, whose unsubscribe must not stop the customer's.
            headers: settings.sandbox.enabled
              ? {}
              : getService('preferences', { strapi }).headers(
                  recipient.contact.documentId,
                  settings.portalBaseUrl,
                  office,
                ),
          },
          content: redacted({ subject, html, text }, link?.token),
        });
      } else {
        const sms = await renderer.renderSms(job.type, locale, data);
        written.push({
          decision,
          item: { ...meta, channel: 'sms', ...sms },
          content: redacted({ body: sms.body }, link?.token),
        });
      }
    }
    return written;
  }

  /** Each locale's snippets and templates, read once per batch. */
  function contentCache(stored: StoredSettings) {
    const content = new Map<Locale, Promise<LocaleContent>>();
    return (locale: Locale) => {
      let found = content.get(locale);
      if (!found) {
        found = Promise.all([
          getService('snippets', { strapi }).forLocale(locale, stored.defaultLocale),
          getService('templates', { strapi }).forLocale(locale, stored.defaultLocale),
        ]).then(([snippets, templates]) => ({ snippets, templates }));
        content.set(locale, found);
      }
      return found;
    };
  }

  async function prepareJobs(
    jobs: Job[],
    stored: StoredSettings,
    now: Date,
    batch: PreparedBatch,
  ): Promise<void> {
    const settings = getService('settings', { strapi }).messaging(stored);
    const contentFor = contentCache(stored);
    const mapFor = createStaticMaps(strapi, stored, now);

    const planned = jobs.map((job) => ({
      job,
      decisions: decideMessages({ ...job, settings, now }),
    }));
    const bookingRows = await rowIds(
      strapi,
      UID.booking,
      planned.flatMap(({ job, decisions }) =>
        decisions.length > 0 ? [job.context.booking.documentId] : [],
      ),
    );
    const links = await getService('access-codes', { strapi }).linksFor(
      planned.flatMap(({ job, decisions }) => {
        const id = bookingRows.get(job.context.booking.documentId);
        const sends = decisions.some((one) => one.decision === 'send');
        return id !== undefined && sends && CARRIES_LINK[job.type]
          ? [{ documentId: job.context.booking.documentId, id, end: job.context.booking.end }]
          : [];
      }),
      stored,
      now,
    );

    const logged: Logged[] = [];
    for (const { job, decisions } of planned) {
      if (decisions.length === 0) continue;
      const bookingId = job.context.booking.documentId;
      const bookingRowId = bookingRows.get(bookingId);
      if (bookingRowId === undefined) {
        // Deleted since its context was read.
        batch.missing.push({ bookingId, source: job.source });
        continue;
      }
      const entry = (
        decision: ChannelDecision,
      ): Omit<NewMessage, 'state' | 'reason' | 'content'> => ({
        idempotencyKey: decision.idempotencyKey,
        bookingRowId,
        bookingStart: job.context.booking.start,
        type: job.type,
        channel: decision.channel,
        recipient: decision.to,
      });
      const sendable: Sendable[] = [];
      for (const decision of decisions) {
        if (decision.decision === 'send' && decision.notBefore) {
          // Quiet hours: claimed now, written when the scheduled run hands it out.
          const message: NewMessage = {
            ...entry(decision),
            state: 'pending',
            reason: null,
            content: null,
            sendAfter: decision.notBefore,
          };
          logged.push({ job, message });
        } else if (decision.decision === 'send') sendable.push(decision);
        else {
          const message: NewMessage = {
            ...entry(decision),
            state: 'skipped',
            reason: decision.reason,
            content: null,
          };
          logged.push({ job, message });
        }
      }
      if (sendable.length === 0) continue;
      // An event told late, when the booking has moved on: logged expired, not sent. The key
      // keeps the message's own key free for when the booking is in that status again.
      const stale = job.event ? staleStatus(job.type, job.context.booking) : null;
      if (stale) {
        for (const decision of sendable) {
          const key = skipKey(decision.idempotencyKey, 'stale');
          const message: NewMessage = {
            ...entry({ ...decision, idempotencyKey: key }),
            state: 'expired',
            reason: stale,
            content: null,
          };
          logged.push({ job, message });
        }
        continue;
      }
      const link = CARRIES_LINK[job.type] ? links.get(bookingId) : null;
      if (link && !link.open) {
        // An admin closed the booking's page: no message carries a new link to it.
        for (const decision of sendable) {
          const key = skipKey(decision.idempotencyKey, 'link-closed');
          const message: NewMessage = {
            ...entry({ ...decision, idempotencyKey: key }),
            state: 'skipped',
            reason: 'link-closed',
            content: null,
          };
          logged.push({ job, message });
        }
        continue;
      }
      try {
        if (link === undefined) throw new Error('the booking has no link');
        const written = await render(
          job,
          sendable,
          link,
          settings,
          contentFor,
          stored.repliesEmail,
          mapFor,
        );
        logged.push(
          ...written.map(({ decision, item, content }) => ({
            job,
            item,
            message: { ...entry(decision), state: 'pending' as const, reason: null, content },
          })),
        );
      } catch (error) {
        const reason = failure(error);
        for (const decision of sendable) {
          logged.push({
            job,
            message: { ...entry(decision), state: 'failed', reason, content: null },
          });
        }
      }
    }

    const claimed = await getService('notifications', { strapi }).claimMany(
      logged.map(({ message }) => message),
      now,
    );
    // Each claimed key is handed out once, also when two events of a batch call for it.
    const handedOut = new Set<string>();
    const take = (key: string) => {
      const notificationId = claimed.get(key);
      if (!notificationId || handedOut.has(key)) return null;
      handedOut.add(key);
      return notificationId;
    };
    for (const { job, message, item } of logged) {
      const bookingId = job.context.booking.documentId;
      if (message.state === 'skipped') {
        batch.skipped.push({
          notificationId: take(message.idempotencyKey),
          bookingId,
          type: job.type,
          channel: message.channel,
          reason: message.reason as SkipReason,
          source: job.source,
        });
        continue;
      }
      const notificationId = take(message.idempotencyKey);
      if (!notificationId) {
        batch.alreadyClaimed += 1;
        continue;
      }
      if (message.sendAfter) {
        batch.waiting.push({
          notificationId,
          bookingId,
          type: job.type,
          channel: message.channel,
          notBefore: message.sendAfter,
          source: job.source,
        });
      } else if (message.state === 'failed') {
        const reason = message.reason ?? 'could not prepare the message';
        const known = batch.failed.find(
          (one) => one.bookingId === bookingId && one.source === job.source,
        );
        if (!known) batch.failed.push({ bookingId, source: job.source, reason });
      } else if (item?.channel === 'email') batch.email.push({ ...item, notificationId });
      else if (item?.channel === 'sms') batch.sms.push({ ...item, notificationId });
    }
  }

  /**
   * The messages to send again now: those that waited for the end of quiet hours, event messages
   * whose last try failed for a passing reason (after their delay), and claims left unanswered past
   * their lease. Each is taken by one run, then written for the booking as it is now; one whose
   * moment has passed, or that no longer says what is true of the booking, is logged expired.
   */
  async function handOutAgain(stored: StoredSettings, now: Date, batch: PreparedBatch) {
    const notifications = getService('notifications', { strapi });
    const taken = await notifications.takeForRetry(now, RETRIES_PER_RUN);
    if (taken.length === 0) return;
    const settings = getService('settings', { strapi }).messaging(stored);
    const contexts = await getService('message-context', { strapi }).forDocumentIds(
      [...new Set(taken.map((one) => one.bookingId))],
      stored.fallbackContactId,
    );
    const current: typeof taken = [];
    for (const one of taken) {
      const context = contexts.get(one.bookingId);
      const expired = context
        ? expiryReason(
            {
              type: one.type,
              claimedStart: one.bookingStart,
              claimedAt: one.claimedAt,
              attempts: one.attempts,
            },
            context,
            now,
          )
        : 'the booking is gone';
      if (expired) await notifications.expire([one.documentId], `not sent: ${expired}`);
      else current.push(one);
    }
    const bookings = await rowIds(
      strapi,
      UID.booking,
      current.map((one) => one.bookingId),
    );
    const links = await getService('access-codes', { strapi }).linksFor(
      current.flatMap((one) => {
        const id = bookings.get(one.bookingId);
        const context = contexts.get(one.bookingId);
        return id !== undefined && context && CARRIES_LINK[one.type]
          ? [{ documentId: one.bookingId, id, end: context.booking.end }]
          : [];
      }),
      stored,
      now,
    );
    const contentFor = contentCache(stored);
    const mapFor = createStaticMaps(strapi, stored, now);
    for (const [source, one] of current.entries()) {
      const context = contexts.get(one.bookingId);
      if (!context) continue;
      const link = CARRIES_LINK[one.type] ? links.get(one.bookingId) : null;
      const job: Job = { type: one.type, context, source };
      // Sent to where the message goes now: never to a customer who opted out meanwhile.
      const address = recipientAddress(context, settings, one.channel);
      if ('reason' in address) {
        await notifications.expire([one.documentId], `not sent: ${address.reason}`);
        continue;
      }
      const decision: Sendable = {
        channel: one.channel,
        to: address.to,
        decision: 'send',
        idempotencyKey: one.idempotencyKey,
      };
      try {
        if (link === undefined || (link && !link.open)) throw new Error('the booking has no link');
        const [written] = await render(
          job,
          [decision],
          link,
          settings,
          contentFor,
          stored.repliesEmail,
          mapFor,
        );
        if (!written) continue;
        await notifications.keepContent(one.documentId, written.content);
        const item = { ...written.item, notificationId: one.documentId };
        if (item.channel === 'email') batch.email.push(item);
        else batch.sms.push(item);
      } catch (error) {
        await notifications.fail(one.documentId, failure(error));
        batch.failed.push({ bookingId: one.bookingId, source, reason: failure(error) });
      }
    }
  }

  function emptyBatch(now: Date): PreparedBatch {
    return {
      email: [],
      sms: [],
      skipped: [],
      waiting: [],
      alreadyClaimed: 0,
      failed: [],
      missing: [],
      preparedAt: now.toISOString(),
    };
  }

  function inOrder(batch: PreparedBatch): PreparedBatch {
    const bySource = (a: { source: number }, b: { source: number }) => a.source - b.source;
    batch.email.sort(bySource);
    batch.sms.sort(bySource);
    batch.skipped.sort(bySource);
    batch.failed.sort(bySource);
    return batch;
  }

  return {
    /**
     * Compiles the messages of the default locale before the first is needed (Strapi calls this
     * once it has started): the first page of reminders then costs what the others do.
     */
    async warm(): Promise<void> {
      const stored = await getService('settings', { strapi }).read();
      const settings = getService('settings', { strapi }).messaging(stored);
      const locale = resolveLocale(settings.defaultLocale);
      const content = await contentCache(stored)(locale);
      await renderers.forLocale(locale, content, settings.branding).precompile(locale);
    },

    /** The messages a batch of booking events calls for, of the flow's message type. */
    async events(
      type: EventMessageType,
      events: BookingEvent[],
      now = new Date(),
    ): Promise<PreparedBatch> {
      const stored = await getService('settings', { strapi }).read();
      const batch = emptyBatch(now);
      const ids = [...new Set(events.map((event) => event.booking.documentId))];
      const contexts = await getService('message-context', { strapi }).forDocumentIds(
        ids,
        stored.fallbackContactId,
      );
      const jobs: Job[] = [];
      for (const [source, event] of events.entries()) {
        const context = contexts.get(event.booking.documentId);
        if (!context) batch.missing.push({ bookingId: event.booking.documentId, source });
        else jobs.push({ type, context, event, source });
      }
      await prepareJobs(jobs, stored, now, batch);
      return inOrder(batch);
    },

    /**
     * One page of the reminders due now: bookings after `cursor`, at most `limit` of them looked
     * at; `next` says where the following page starts (null after the last).
     */
    async reminders(
      cursor: string | null,
      limit: number,
      now = new Date(),
    ): Promise<PreparedBatch> {
      const stored = await getService('settings', { strapi }).read();
      const settings = getService('settings', { strapi }).messaging(stored);
      const page = await getService('due-reminders', { strapi }).page(stored, cursor, limit, now);
      const due = page.contexts.filter((context) => isReminderDue(context, settings, now));
      const batch = emptyBatch(now);
      // The first page of a run also hands out what waited for the end of quiet hours, and what
      // is to be tried again.
      if (cursor === null) await handOutAgain(stored, now, batch);
      await prepareJobs(
        due.map((context, source) => ({ type: 'reminder', context, source })),
        stored,
        now,
        batch,
      );
      return { ...batch, next: page.next };
    },
  };
};

export type PrepareService = ReturnType<typeof createPrepareService>;
