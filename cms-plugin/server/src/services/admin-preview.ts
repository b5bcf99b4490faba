import type { Core } from '@strapi/strapi';
import { LOCALES, createRenderer, type Locale, type MessageData } from '@enroute/content';
import type { PreviewRequest, PreviewResponse } from '../../../shared/contracts/admin-pages.ts';
import type { MessageType } from '../../../shared/contracts/domain.ts';
import type { MessageContext } from '../../../shared/contracts/messaging.ts';
import { rendererContent } from '../messages/renderers.ts';
import { messageData, resolveRecipient } from '../messages/rules/index.ts';
import { getService } from '../utils/get-service.ts';
import { invalid } from '../validation/errors.ts';
import type { StoredSettings } from './settings.ts';

/** Stands in for the customer's token: previews never issue a real access code. */
const PREVIEW_TOKEN = 'preview-link-0000000000';
const HOUR = 3_600_000;

function link(settings: StoredSettings): string {
  return `${settings.portalBaseUrl.replace(/\/+$/, '')}/t/${PREVIEW_TOKEN}`;
}

/** What a booking's message of this type would carry: the rules' message data, with a link
 * that opens nothing. */
export function messageDataFor(
  context: MessageContext,
  settings: StoredSettings,
  type: MessageType,
): MessageData {
  const recipient = resolveRecipient(context)?.contact ?? null;
  return messageData({ type, context, recipient, settings, link: link(settings) });
}

/** A plausible booking for previews without one: tomorrow, two hours, a named technician. */
export function sampleMessageData(settings: StoredSettings, now = new Date()): MessageData {
  const start = new Date(Math.ceil((now.getTime() + 24 * HOUR) / HOUR) * HOUR);
  return {
    recipient: { name: 'Alex Morgan', email: 'alex.morgan@example.com' },
    booking: {
      id: 'preview',
      number: 'WO-000123',
      start: start.toISOString(),
      end: new Date(start.getTime() + 2 * HOUR).toISOString(),
      timeZone: 'UTC',
      previousStart: new Date(start.getTime() - 3 * HOUR).toISOString(),
      completedAt: new Date(start.getTime() + 90 * 60_000).toISOString(),
      etaAt: new Date(start.getTime() + 20 * 60_000).toISOString(),
    },
    account: { name: 'Sample Bakery', address: '1 Market Street, Springfield' },
    technician: settings.showTechnicianName ? { name: 'Jordan Lee' } : null,
    link: link(settings),
  };
}

/**
 * Renders a message as the customer will get it, with the stored snippets and display settings
 * or with unsaved ones from the page being edited.
 */
export const createAdminPreviewService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async render(request: PreviewRequest): Promise<PreviewResponse> {
    if (!(LOCALES as readonly string[]).includes(request.locale)) {
      throw invalid('locale', `must be one of ${LOCALES.join(', ')}`);
    }
    const locale = request.locale as Locale;
    const settingsService = getService('settings', { strapi });
    const settings = await settingsService.read();
    const data = request.bookingId
      ? messageDataFor(
          await getService('message-context', { strapi }).forBooking(
            request.bookingId,
            settings.fallbackContactId,
          ),
          settings,
          request.type,
        )
      : sampleMessageData(settings);
    const [snippets, templates] = await Promise.all([
      getService('snippets', { strapi }).forLocale(locale, settings.defaultLocale),
      getService('templates', { strapi }).forLocale(locale, settings.defaultLocale),
    ]);
    const draft = Object.fromEntries(
      Object.entries(request.template ?? {}).filter(([, value]) => value && value.trim() !== ''),
    );
    // Unsaved edits over what is stored: the page shows what a save would send.
    const content = rendererContent(
      locale,
      {
        snippets: { ...snippets, values: { ...snippets.values, ...request.snippets } },
        templates: {
          ...templates,
          templates: {
            ...templates.templates,
            [request.type]: { ...templates.templates[request.type], ...draft },
          },
        },
      },
      request.branding ?? settings.branding,
    );
    const renderer = createRenderer({ ...content, snippetsVersion: '', templatesVersion: '' });
    const [email, sms] = await Promise.all([
      renderer.renderEmail(request.type, locale, data),
      renderer.renderSms(request.type, locale, data),
    ]);
    return {
      locale,
      sample: !request.bookingId,
      recipient: { name: data.recipient.name, email: data.recipient.email ?? null },
      email: { subject: email.subject, html: email.html, text: email.text },
      sms,
    };
  },
});

export type AdminPreviewService = ReturnType<typeof createAdminPreviewService>;
