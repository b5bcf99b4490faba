import type { Core } from '@strapi/strapi';
import {
  createRenderer,
  DEFAULT_LOCALE,
  LOCALES,
  resolveLocale,
  sanitizeMarketerHtml,
  textDirection,
  type Locale,
  type MessageData,
  type Renderer,
} from '@enroute/content';
import type {
  AvailablePortalView,
  BookingStatus,
  Branding,
  UnavailablePortalView,
} from '../../../shared/contracts/index.ts';
import type { PortalChrome } from '../../../shared/contracts/portal-view.ts';
import type { StoredSettings } from '../services/settings.ts';
import { getService } from '../utils/get-service.ts';
import { instant, optionalInstant, query, relation, text } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import { messageData, resolveRecipient } from '../messages/rules/index.ts';
import { destinationOf, storedEta, type TrackingReads } from './bookings.ts';
import { customerView } from './customer-actions.ts';
import { readDayOrder } from './day-order.ts';
import { visibleEta, visiblePosition } from './privacy.ts';
import { TRACKING_UID, asEnrouteUid } from './uids.ts';

const bookingPopulate = {
  resource: { select: ['id', 'documentId', 'name', 'phone', 'photoUrl'] },
  workOrder: {
    select: ['id', 'documentId', 'number'],
    populate: {
      serviceAccount: {
        select: ['id', 'documentId', 'name', 'address', 'latitude', 'longitude', 'timeZone'],
        populate: { primaryContact: { select: ['id', 'documentId', 'name', 'locale'] } },
      },
      serviceType: { select: ['id', 'documentId', 'name'] },
      reportedBy: { select: ['id', 'documentId', 'name', 'locale'] },
    },
  },
};

/**
 * The supported locale a visitor asked for, or null when the request names none Enroute has
 * (`resolveLocale` answers its fallback then: asking with two different fallbacks tells the two
 * cases apart).
 */
export function requestedLocale(wanted: string | null | undefined): Locale | null {
  if (!wanted) return null;
  const first = resolveLocale(wanted, 'en');
  return first === resolveLocale(wanted, 'fr') ? first : null;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]?.toUpperCase() ?? '')
    .join('');
}

/** What every page of the portal carries: language, company, branding, words, who may frame it. */
export function portalChrome(
  locale: Locale,
  branding: Branding,
  snippets: Record<string, string>,
  frameAncestors: string[],
): PortalChrome {
  return {
    locale,
    direction: textDirection(locale),
    locales: [...LOCALES],
    company: {
      name: snippets['company.name'] ?? '',
      email: snippets['company.email'] ?? '',
      phone: snippets['company.phone'] ?? '',
    },
    branding,
    snippets,
    embedding: { frameAncestors },
  };
}

/** The portal's view of a booking through its access code, in the visitor's language. */
export function createPortalViews(strapi: Core.Strapi, reads: TrackingReads) {
  const renderers = new Map<Locale, Renderer>();

  async function snippetsFor(
    locale: Locale,
    settings: StoredSettings,
    data: MessageData,
  ): Promise<Record<string, string>> {
    const stored = await getService('snippets', { strapi }).forLocale(
      locale,
      settings.defaultLocale,
    );
    const content = {
      snippets: { [locale]: stored.values },
      snippetsVersion: stored.version,
      branding: settings.branding,
    };
    let renderer = renderers.get(locale);
    if (renderer) renderer.update(content);
    else {
      renderer = createRenderer(content);
      renderers.set(locale, renderer);
    }
    return renderer.renderSnippets(locale, data);
  }

  async function chrome(locale: Locale, settings: StoredSettings, data: MessageData) {
    const snippets = await snippetsFor(locale, settings, data);
    return portalChrome(locale, settings.branding, snippets, settings.portalFrameAncestors ?? []);
  }

  function fallbackLocale(settings: StoredSettings): Locale {
    return resolveLocale(settings.defaultLocale, DEFAULT_LOCALE);
  }

  return {
    /**
     * What every unknown, expired or blocked code sees: the company's words and nothing of any
     * booking, in the language asked for (else the default; never the contact's, which would
     * tell that the code exists).
     */
    async unavailable(
      wanted: string | null,
      settings: StoredSettings,
    ): Promise<UnavailablePortalView> {
      const locale = requestedLocale(wanted) ?? fallbackLocale(settings);
      const now = new Date().toISOString();
      return {
        ...(await chrome(locale, settings, {
          recipient: { name: '' },
          booking: { id: 'none', number: '', start: now, end: now, timeZone: 'UTC' },
          account: { name: '', address: '' },
          technician: null,
          link: '',
        })),
        available: false,
      };
    },

    /** The view of a booking the code opens; null when the booking is gone. */
    async available(
      bookingDocumentId: string,
      wanted: string | null,
      settings: StoredSettings,
      now = new Date(),
    ): Promise<AvailablePortalView | null> {
      const row = await query(strapi, UID.booking).findOne({
        where: { documentId: bookingDocumentId },
        populate: bookingPopulate,
      });
      const workOrder = relation(row?.workOrder);
      const account = relation(workOrder?.serviceAccount);
      if (!row || !workOrder || !account) return null;
      const state = row.bookingStatus as BookingStatus;
      const resource = relation(row.resource);
      const context = (
        await getService('message-context', { strapi }).forDocumentIds(
          [bookingDocumentId],
          settings.fallbackContactId,
        )
      ).get(bookingDocumentId);
      if (!context) return null;
      const contact = resolveRecipient(context)?.contact ?? null;
      const locale =
        requestedLocale(wanted) ?? requestedLocale(contact?.locale) ?? fallbackLocale(settings);
      const timeZone = text(account.timeZone) ?? 'UTC';
      const withTechnician =
        resource !== null && (state === 'traveling' || state === 'in-progress');
      const technicianName = text(resource?.name) ?? '';
      const position =
        state === 'traveling' && resource
          ? ((await reads.latestPositions([resource.id])).get(resource.id) ?? null)
          : null;
      const eta = visibleEta(state, storedEta(row), now);
      const rating = await query(strapi, asEnrouteUid(TRACKING_UID.portalRating)).findOne({
        where: { booking: { id: row.id } },
        select: ['score', 'comment'],
      });
      const booking = {
        number: text(workOrder.number) ?? '',
        start: instant(row.start),
        end: instant(row.end),
        timeZone,
        previousStart:
          messageData({
            type: 'portal',
            context,
            recipient: contact,
            settings,
            link: '',
          }).booking.previousStart ?? null,
        completedAt: optionalInstant(row.completedAt),
        serviceType: text(relation(workOrder.serviceType)?.name),
      };
      const data: MessageData = {
        recipient: { name: contact?.name ?? '' },
        booking: { id: row.documentId, ...booking, etaAt: eta?.arrivesAt ?? null },
        account: { name: text(account.name) ?? '', address: text(account.address) ?? '' },
        technician: withTechnician && settings.showTechnicianName ? { name: technicianName } : null,
        link: '',
      };
      return {
        ...(await chrome(locale, settings, data)),
        available: true,
        state,
        booking,
        serviceAccount: {
          name: data.account.name,
          address: data.account.address,
          location: destinationOf(account),
        },
        technician: withTechnician
          ? {
              name: settings.showTechnicianName ? technicianName : null,
              initials: settings.showTechnicianName ? initials(technicianName) : '',
              photoUrl: settings.showTechnicianPhoto ? text(resource.photoUrl) : null,
              phone: settings.showTechnicianPhone ? text(resource.phone) : null,
            }
          : null,
        position: visiblePosition(state, position, {
          now,
          staleSeconds: settings.positionStaleSeconds,
        }),
        eta,
        map: {
          enabled: settings.showMap,
          tileUrl: settings.mapTileUrl,
          // The map writes it as HTML: marketer HTML, cleaned as the header and footer are.
          attribution: sanitizeMarketerHtml(settings.mapAttribution),
        },
        survey: settings.surveyUrl
          ? { url: settings.surveyUrl, allowedHosts: settings.surveyAllowedHosts }
          : null,
        rating: {
          enabled: state === 'completed' && !settings.surveyUrl,
          submitted: rating ? { score: Number(rating.score), comment: text(rating.comment) } : null,
        },
        customer: customerView(row, settings, now),
        dayOrder: await readDayOrder(
          strapi,
          { id: row.id, start: booking.start, end: booking.end, status: state },
          resource?.id ?? null,
          timeZone,
          eta?.arrivesAt ?? null,
          now,
        ),
      };
    },
  };
}

export type PortalViews = ReturnType<typeof createPortalViews>;
