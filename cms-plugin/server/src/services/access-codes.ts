import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { IssuedAccessCode } from '../../../shared/contracts/messaging.ts';
import type { AccessCodeAction, AccessCodeView } from '../../../shared/contracts/admin.ts';
import { invalid, notFound } from '../validation/errors.ts';
import { documents, instant, optionalInstant, relation, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import type { StoredSettings } from './settings.ts';

const DAY = 86_400_000;
type HistoryEntry = AccessCodeView['history'][number];

/** 128 bits from the CSPRNG, base64url: the secret in the customer's link. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/** Only this hash is stored; the token itself is shown once, to whoever issued it. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function history(row: Row): HistoryEntry[] {
  return Array.isArray(row.history) ? (row.history as HistoryEntry[]) : [];
}

function state(row: Row, now: Date): AccessCodeView['state'] {
  if (row.blockedAt) return 'blocked';
  return Date.parse(instant(row.expiresAt)) <= now.getTime() ? 'expired' : 'active';
}

function view(row: Row, now = new Date()): AccessCodeView {
  return {
    documentId: row.documentId,
    bookingId: relation(row.booking)?.documentId ?? '',
    expiresAt: instant(row.expiresAt),
    blockedAt: optionalInstant(row.blockedAt),
    views: typeof row.views === 'number' ? row.views : 0,
    lastViewedAt: optionalInstant(row.lastViewedAt),
    state: state(row, now),
    history: history(row),
  };
}

export const createAccessCodesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const codes = () => documents(strapi, UID.accessCode);
  const populate = { booking: { fields: ['documentId'] } };

  return {
    /** A new code for a booking; `known` is its end when the caller has read the booking. */
    async issue(
      bookingId: string,
      settings: StoredSettings,
      now = new Date(),
      known?: { end: string },
    ): Promise<IssuedAccessCode> {
      const booking =
        known ?? (await documents(strapi, UID.booking).findOne({ documentId: bookingId }));
      if (!booking) throw notFound('documentId', `no booking with documentId ${bookingId}`);
      const token = newToken();
      const end = Math.max(Date.parse(instant(booking.end)), now.getTime());
      const expiresAt = new Date(end + settings.accessCodeValidityDays * DAY).toISOString();
      const created = await codes().create({
        data: {
          booking: bookingId,
          tokenHash: hashToken(token),
          expiresAt,
          views: 0,
          history: [{ action: 'issue', by: 'content-api', at: now.toISOString(), expiresAt }],
        },
      });
      const base = settings.portalBaseUrl.replace(/\/+$/, '');
      return { documentId: created.documentId, token, url: `${base}/t/${token}`, expiresAt };
    },

    /** The booking a token opens right now, or null: unknown, expired and blocked alike. */
    async check(
      token: string,
      now = new Date(),
    ): Promise<{ bookingId: string; expiresAt: string } | null> {
      const row = await codes().findFirst({ filters: { tokenHash: hashToken(token) }, populate });
      if (!row || state(row, now) !== 'active') return null;
      const booking = relation(row.booking);
      return booking ? { bookingId: booking.documentId, expiresAt: instant(row.expiresAt) } : null;
    },

    /**
     * Like `check`, for a customer opening their page: an active code also counts the view
     * (views + 1, last viewed now), in one statement so that simultaneous views all count.
     */
    async open(
      token: string,
      now = new Date(),
    ): Promise<{ bookingId: string; expiresAt: string } | null> {
      const row = await codes().findFirst({ filters: { tokenHash: hashToken(token) }, populate });
      const booking = row ? relation(row.booking) : null;
      if (!row || !booking || state(row, now) !== 'active') return null;
      const table = strapi.db.metadata.get(UID.accessCode).tableName;
      await strapi.db
        .connection(table)
        .where({ id: row.id })
        .update({ views: strapi.db.connection.raw('coalesce(views, 0) + 1'), last_viewed_at: now });
      return { bookingId: booking.documentId, expiresAt: instant(row.expiresAt) };
    },

    async listForBooking(bookingId: string): Promise<AccessCodeView[]> {
      const rows = await codes().findMany({
        filters: { booking: { documentId: bookingId } },
        populate,
        sort: 'createdAt:desc',
      });
      return rows.map((row) => view(row));
    },

    async apply(
      documentId: string,
      change: AccessCodeAction,
      by: string,
      now = new Date(),
    ): Promise<AccessCodeView> {
      const row = await codes().findOne({ documentId, populate });
      if (!row) throw notFound('documentId', `no access code with documentId ${documentId}`);
      const data: Record<string, unknown> = {};
      if (change.action === 'extend') {
        if (!change.days) throw invalid('days', 'is required to extend');
        const from = Math.max(Date.parse(instant(row.expiresAt)), now.getTime());
        data.expiresAt = new Date(from + change.days * DAY).toISOString();
      }
      if (change.action === 'expire') data.expiresAt = now.toISOString();
      if (change.action === 'block') data.blockedAt = now.toISOString();
      if (change.action === 'unblock') data.blockedAt = null;
      const entry: HistoryEntry = { action: change.action, by, at: now.toISOString() };
      if (typeof data.expiresAt === 'string') entry.expiresAt = data.expiresAt;
      data.history = [...history(row), entry];
      const updated = await codes().update({ documentId, data, populate });
      if (!updated) throw notFound('documentId', `no access code with documentId ${documentId}`);
      return view(updated, now);
    },
  };
};

export type AccessCodesService = ReturnType<typeof createAccessCodesService>;
