import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import {
  LOCALES,
  createRenderer,
  sanitizeMarketerHtml,
  snippetDefinition,
  type Locale,
} from '@enroute/content';
import type { AvailablePortalView } from '../../../shared/contracts/portal-view.ts';
import {
  PortalPreviewRequest,
  type PortalPreviewLink,
} from '../../../shared/contracts/portal-preview.ts';
import { sampleMessageData } from '../services/admin-preview.ts';
import type { StoredSettings } from '../services/settings.ts';
import { getService } from '../utils/get-service.ts';
import { invalid } from '../validation/errors.ts';
import { portalChrome } from './portal-view.ts';

/** How long a preview link opens the page: long enough to look, too short to pass around. */
const PREVIEW_TTL_MS = 10 * 60_000;
/** Tokens longer than this are refused unread (a URL path has its limits). */
const MAX_TOKEN_LENGTH = 12_000;

type Signed = PortalPreviewRequest & { expiresAt: number };

/** The signing key: from the admin's own secret, the same on every Strapi instance. */
function signingKey(strapi: Core.Strapi): Buffer {
  const secret = String(strapi.config.get('admin.auth.secret') ?? '');
  if (!secret) throw new Error('the admin has no auth secret to sign previews with');
  return createHash('sha256').update(`enroute portal preview\n${secret}`).digest();
}

const mac = (key: Buffer, payload: string) =>
  createHmac('sha256', key).update(payload).digest('base64url');

export function signPreview(key: Buffer, choices: Signed): string {
  const payload = Buffer.from(JSON.stringify(choices)).toString('base64url');
  return `${payload}.${mac(key, payload)}`;
}

/** The choices a token holds, or null when it is not ours, altered or expired. */
export function openPreview(key: Buffer, token: string, now: number): Signed | null {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  const [payload = '', signature = ''] = token.split('.');
  const expected = Buffer.from(mac(key, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { expiresAt, ...rest } = parsed as { expiresAt?: unknown };
  const choices = PortalPreviewRequest.safeParse(rest);
  if (!choices.success || typeof expiresAt !== 'number' || expiresAt < now) return null;
  return { ...choices.data, expiresAt };
}

/** A customer page of sample data in one state, with the settings and the unsaved edits. */
async function sampleView(
  strapi: Core.Strapi,
  choices: PortalPreviewRequest,
  settings: StoredSettings,
  now: Date,
): Promise<AvailablePortalView> {
  const locale = choices.locale as Locale;
  const branding = choices.branding ?? settings.branding;
  const stored = await getService('snippets', { strapi }).forLocale(locale, settings.defaultLocale);
  const data = sampleMessageData(settings, now);
  const { state } = choices;
  const traveling = state === 'traveling';
  const withTechnician = traveling || state === 'in-progress';
  const renderer = createRenderer({
    snippets: { [locale]: { ...stored.values, ...choices.snippets } },
    branding,
  });
  const snippets = renderer.renderSnippets(locale, {
    ...data,
    technician: withTechnician ? data.technician : null,
  });
  const visit = { lat: 48.8698, lng: 2.3311 };
  const technicianName = data.technician?.name ?? '';
  return {
    ...portalChrome(locale, branding, snippets, [choices.frameAncestor]),
    available: true,
    state,
    booking: {
      number: data.booking.number,
      start: data.booking.start,
      end: data.booking.end,
      timeZone: data.booking.timeZone,
      previousStart: null,
      completedAt: state === 'completed' ? (data.booking.completedAt ?? null) : null,
      serviceType: 'Boiler service',
    },
    serviceAccount: { name: data.account.name, address: data.account.address, location: visit },
    technician: withTechnician
      ? {
          name: settings.showTechnicianName ? technicianName : null,
          initials: settings.showTechnicianName ? 'JL' : '',
          photoUrl: null,
          phone: settings.showTechnicianPhone ? '+1 415 555 0100' : null,
        }
      : null,
    position: traveling
      ? { lat: 48.8566, lng: 2.3522, accuracy: 15, recordedAt: now.toISOString(), stale: false }
      : null,
    eta: traveling
      ? {
          arrivesAt: data.booking.etaAt ?? data.booking.start,
          computedAt: now.toISOString(),
          source: 'builtin',
          fallback: false,
        }
      : null,
    map: {
      enabled: settings.showMap,
      tileUrl: settings.mapTileUrl,
      attribution: sanitizeMarketerHtml(settings.mapAttribution),
    },
    survey: null,
    rating: { enabled: state === 'completed' && !settings.surveyUrl, submitted: null },
    dayOrder: null,
  };
}

/**
 * The customer page before it is saved: the admin asks for a signed link to the portal's preview
 * page (a state, a locale, unsaved branding and snippets); the portal exchanges the token for a
 * view of sample data, framed by the admin only.
 */
export const createPortalPreviewService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async link(request: PortalPreviewRequest, now = new Date()): Promise<PortalPreviewLink> {
    if (!(LOCALES as readonly string[]).includes(request.locale)) {
      throw invalid('locale', `must be one of ${LOCALES.join(', ')}`);
    }
    for (const key of Object.keys(request.snippets ?? {})) {
      if (!snippetDefinition(key)) throw invalid(`snippets.${key}`, 'is not a snippet key');
    }
    const settings = await getService('settings', { strapi }).read();
    const expiresAt = now.getTime() + PREVIEW_TTL_MS;
    const token = signPreview(signingKey(strapi), { ...request, expiresAt });
    if (token.length > MAX_TOKEN_LENGTH) throw invalid('snippets', 'too many edits to preview');
    return {
      url: `${settings.portalBaseUrl.replace(/\/+$/, '')}/preview/${token}`,
      expiresAt: new Date(expiresAt).toISOString(),
    };
  },

  /** The sample view a link opens; null once it expired or when it is not the plugin's. */
  async view(token: string, now = new Date()): Promise<AvailablePortalView | null> {
    const choices = openPreview(signingKey(strapi), token, now.getTime());
    if (!choices) return null;
    const settings = await getService('settings', { strapi }).read();
    return sampleView(strapi, choices, settings, now);
  },
});

export type PortalPreviewService = ReturnType<typeof createPortalPreviewService>;
