import type { Core } from '@strapi/strapi';
import { resolveLocale, type Locale } from '@enroute/content';
import type {
  BookingEvent,
  EventMessageType,
  MessageContext,
  MessageType,
  MessagingSettings,
  PreparedBatch,
  SnippetSet,
} from '../../../shared/contracts/index.ts';
import type { StoredSettings } from '../services/settings.ts';
import { getService } from '../utils/get-service.ts';
import { createRendererCache } from './renderers.ts';
import { decideMessages, isReminderDue, messageData, resolveRecipient } from './rules/index.ts';
import type { ChannelDecision } from './rules/index.ts';

type Job = { type: MessageType; context: MessageContext; event?: BookingEvent; source: number };
type Sendable = Extract<ChannelDecision, { decision: 'send' }>;
type Claimed = { decision: Sendable; notificationId: string };

/** Bookings whose claims and rendering run at once within one request. */
const CONCURRENCY = 8;

async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

/** What the log keeps of a message: its words, with the customer's link made unusable. */
function redacted<T extends Record<string, unknown>>(content: T, token: string): T {
  return Object.fromEntries(
    Object.entries(content).map(([key, value]) => [
      key,
      typeof value === 'string' ? value.replaceAll(token, '[access-code]') : value,
    ]),
  ) as T;
}

/**
 * Message preparation: from booking events or the due reminders to ready-to-send email and SMS,
 * in one request per batch. Each booking's messages are decided by the rules, claimed under
 * their idempotency keys (a key claimed before belongs to another run), skipped ones logged with
 * their reason, and what was claimed is rendered with the booking's link and logged with its
 * words. A claimed message that cannot be rendered is logged failed, never left pending.
 */
export const createPrepareService = ({ strapi }: { strapi: Core.Strapi }) => {
  const renderers = createRendererCache();

  async function prepareJobs(
    jobs: Job[],
    stored: StoredSettings,
    now: Date,
    batch: PreparedBatch,
  ): Promise<void> {
    const settings = getService('settings', { strapi }).messaging(stored);
    const notifications = getService('notifications', { strapi });
    const snippets = new Map<Locale, Promise<SnippetSet>>();
    const snippetsFor = (locale: Locale) => {
      let found = snippets.get(locale);
      if (!found) {
        found = getService('snippets', { strapi }).forLocale(locale, stored.defaultLocale);
        snippets.set(locale, found);
      }
      return found;
    };

    await eachLimited(jobs, CONCURRENCY, async (job) => {
      const bookingId = job.context.booking.documentId;
      const known = { documentId: bookingId, start: job.context.booking.start };
      const decisions = decideMessages({ ...job, settings, now });
      const claimed: Claimed[] = [];
      for (const decision of decisions) {
        const request = {
          idempotencyKey: decision.idempotencyKey,
          bookingId,
          type: job.type,
          channel: decision.channel,
          recipient: decision.to,
        };
        if (decision.decision === 'skip') {
          const answer = await notifications.claim(
            { ...request, state: 'skipped', reason: decision.reason },
            known,
          );
          batch.skipped.push({
            notificationId: answer.claimed ? answer.notification.documentId : null,
            bookingId,
            type: job.type,
            channel: decision.channel,
            reason: decision.reason,
            source: job.source,
          });
          continue;
        }
        const answer = await notifications.claim({ ...request, state: 'pending' }, known);
        if (answer.claimed)
          claimed.push({ decision, notificationId: answer.notification.documentId });
        else batch.alreadyClaimed += 1;
      }
      if (claimed.length > 0) await render(job, claimed, settings, stored, snippetsFor, batch);
    });
  }

  async function render(
    job: Job,
    claimed: Claimed[],
    settings: MessagingSettings,
    stored: StoredSettings,
    snippetsFor: (locale: Locale) => Promise<SnippetSet>,
    batch: PreparedBatch,
  ): Promise<void> {
    const notifications = getService('notifications', { strapi });
    const bookingId = job.context.booking.documentId;
    try {
      const recipient = resolveRecipient(job.context);
      if (!recipient) throw new Error('a claimed message has no recipient');
      const locale = resolveLocale(recipient.contact.locale ?? settings.defaultLocale);
      const [snippets, access] = await Promise.all([
        snippetsFor(locale),
        getService('access-codes', { strapi }).issue(bookingId, stored, new Date(), {
          end: job.context.booking.end,
        }),
      ]);
      const renderer = renderers.forLocale(locale, snippets, settings.branding);
      const data = messageData({
        type: job.type,
        context: job.context,
        recipient: recipient.contact,
        settings,
        event: job.event,
        link: access.url,
      });
      for (const { decision, notificationId } of claimed) {
        const meta = {
          notificationId,
          idempotencyKey: decision.idempotencyKey,
          bookingId,
          type: job.type,
          locale,
          source: job.source,
          to: decision.to,
        };
        if (decision.channel === 'email') {
          const email = await renderer.renderEmail(job.type, locale, data);
          batch.email.push({ ...meta, channel: 'email', ...email, headers: {} });
          const { subject, html, text } = email;
          await notifications.keepContent(
            notificationId,
            redacted({ subject, html, text }, access.token),
          );
        } else {
          const sms = await renderer.renderSms(job.type, locale, data);
          batch.sms.push({ ...meta, channel: 'sms', ...sms });
          await notifications.keepContent(
            notificationId,
            redacted({ body: sms.body }, access.token),
          );
        }
      }
    } catch (error) {
      const reason = `could not prepare the message: ${error instanceof Error ? error.message : String(error)}`;
      const ids = new Set(claimed.map((one) => one.notificationId));
      batch.email = batch.email.filter((one) => !ids.has(one.notificationId));
      batch.sms = batch.sms.filter((one) => !ids.has(one.notificationId));
      for (const id of ids) await notifications.record(id, { state: 'failed', reason });
      batch.failed.push({ bookingId, source: job.source, reason });
    }
  }

  function emptyBatch(now: Date): PreparedBatch {
    return {
      email: [],
      sms: [],
      skipped: [],
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
