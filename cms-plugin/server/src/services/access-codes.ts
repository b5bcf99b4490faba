import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { IssuedAccessCode } from '../../../shared/contracts/messaging.ts';
import type { AccessCodeAction, AccessCodeView } from '../../../shared/contracts/admin.ts';
import { RequestError, invalid, notFound } from '../validation/errors.ts';
import { insertIgnoringConflicts, joinColumnOf, tableOf } from '../utils/bulk.ts';
import {
  documents,
  instant,
  optionalInstant,
  query,
  relation,
  text,
  type Row,
} from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import type { StoredSettings } from './settings.ts';

const DAY = 86_400_000;
type HistoryEntry = AccessCodeView['history'][number];

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

/** The booking a link is for, as the caller has read it. */
export type LinkBooking = { documentId: string; id: number; end: string };

/** A booking's link for a message, or why its page is closed (blocked or expired by an admin). */
export type BookingLink =
  | { open: true; documentId: string; token: string; url: string; expiresAt: string }
  | { open: false; reason: 'blocked' | 'expired' };

/**
 * The key tokens are derived with: from the server's first app key (`server.app.keys`), which a
 * database copy does not hold.
 */
export function serverKey(strapi: Core.Strapi, purpose: string): Buffer {
  const keys: unknown = strapi.config.get('server.app.keys');
  const first = Array.isArray(keys) ? keys.find((key) => typeof key === 'string' && key) : null;
  if (typeof first !== 'string') {
    throw new Error('server.app.keys is not set: customer links cannot be made');
  }
  return Buffer.from(hkdfSync('sha256', first, 'enroute', purpose, 32));
}

function tokenKey(strapi: Core.Strapi): Buffer {
  return serverKey(strapi, 'access-code-token');
}

/** 128 bits of HMAC-SHA-256 of the seed under the server's key, base64url. */
function deriveToken(key: Buffer, seed: string): string {
  return createHmac('sha256', key).update(seed).digest().subarray(0, 16).toString('base64url');
}

/** Whether an admin's last word on an expired code was to expire it (not time running out). */
function expiredByAdmin(row: Row): boolean {
  const last = history(row).findLast(
    (entry) => entry.action === 'expire' || entry.action === 'extend',
  );
  return last?.action === 'expire';
}

export const createAccessCodesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const codes = () => documents(strapi, UID.accessCode);
  const populate = { booking: { fields: ['documentId'] } };
  let key: Buffer | null = null;
  const keyOf = () => (key ??= tokenKey(strapi));
  const urlOf = (settings: StoredSettings, token: string) =>
    `${settings.portalBaseUrl.replace(/\/+$/, '')}/t/${token}`;

  /** Every code of these bookings (row ids), newest first. */
  async function codesOf(bookingIds: number[]): Promise<Map<number, Row[]>> {
    const found = new Map<number, Row[]>();
    if (bookingIds.length === 0) return found;
    // Straight from the codes' own booking column, through its index.
    const codesTable = tableOf(strapi, UID.accessCode);
    const bookingColumn = joinColumnOf(strapi, UID.accessCode, 'booking');
    const rows = (await strapi.db
      .connection(codesTable.name)
      .select({
        id: 'id',
        documentId: 'document_id',
        bookingId: bookingColumn,
        tokenHash: codesTable.column('tokenHash'),
        tokenSeed: codesTable.column('tokenSeed'),
        expiresAt: codesTable.column('expiresAt'),
        blockedAt: codesTable.column('blockedAt'),
        history: codesTable.column('history'),
      })
      .whereIn(bookingColumn, bookingIds)
      .orderBy('id', 'desc')) as Row[];
    for (const row of rows) {
      const bookingId = Number(row.bookingId);
      // JSON is text on SQLite, parsed already on PostgreSQL.
      if (typeof row.history === 'string') row.history = JSON.parse(row.history) as unknown;
      const list = found.get(bookingId) ?? [];
      list.push(row);
      found.set(bookingId, list);
    }
    return found;
  }

  return {
    /**
     * Each booking's link: one code per booking, reused by every message while it is active. Its
     * token is derived again from the stored seed (only the token's hash opens the page). A booking
     * whose newest code an admin blocked or expired gets no new link; one whose code ran out of
     * time, or that has none, gets a new code: of simultaneous writers of a booking's next code,
     * the unique slot keeps one, and the others derive its token.
     */
    async linksFor(
      bookings: LinkBooking[],
      settings: StoredSettings,
      now = new Date(),
      by = 'messages',
    ): Promise<Map<string, BookingLink>> {
      const links = new Map<string, BookingLink>();
      const existing = await codesOf(bookings.map((booking) => booking.id));
      const fresh: { booking: LinkBooking; slot: string; seed: string; expiresAt: string }[] = [];
      for (const booking of bookings) {
        const list = existing.get(booking.id) ?? [];
        const newest = list[0];
        if (newest) {
          const current = state(newest, now);
          if (current === 'blocked') {
            links.set(booking.documentId, { open: false, reason: 'blocked' });
            continue;
          }
          if (current === 'expired' && expiredByAdmin(newest)) {
            links.set(booking.documentId, { open: false, reason: 'expired' });
            continue;
          }
          const seed = text(newest.tokenSeed);
          const token = seed ? deriveToken(keyOf(), seed) : null;
          if (current === 'active' && token && hashToken(token) === newest.tokenHash) {
            links.set(booking.documentId, {
              open: true,
              documentId: newest.documentId,
              token,
              url: urlOf(settings, token),
              expiresAt: instant(newest.expiresAt),
            });
            continue;
          }
        }
        const end = Math.max(Date.parse(booking.end), now.getTime());
        const expiresAt = new Date(end + settings.accessCodeValidityDays * DAY).toISOString();
        fresh.push({
          booking,
          slot: `${booking.documentId}:${list.length}`,
          seed: randomBytes(16).toString('base64url'),
          expiresAt,
        });
      }
      const inserted = await insertIgnoringConflicts(
        strapi,
        UID.accessCode,
        fresh.map(({ booking, slot, seed, expiresAt }) => ({
          values: {
            tokenHash: hashToken(deriveToken(keyOf(), seed)),
            tokenSeed: seed,
            slot,
            expiresAt: new Date(expiresAt),
            views: 0,
            history: [{ action: 'issue', by, at: now.toISOString(), expiresAt }],
          },
          relations: { booking: booking.id },
        })),
        'slot',
      );
      const written = new Set(inserted.map((row) => row.conflictValue));
      // Another caller wrote this booking's next code a moment ago: that code is the link.
      const taken = fresh.filter(({ slot }) => !written.has(slot));
      const winners = taken.length
        ? await query(strapi, UID.accessCode).findMany({
            where: { slot: { $in: taken.map(({ slot }) => slot) } },
            select: ['documentId', 'slot', 'tokenSeed', 'expiresAt'],
          })
        : [];
      const bySlot = new Map(winners.map((row) => [String(row.slot), row]));
      const insertedBySlot = new Map(inserted.map((row) => [row.conflictValue, row.documentId]));
      for (const { booking, slot, seed, expiresAt } of fresh) {
        const winner = bySlot.get(slot);
        const documentId = insertedBySlot.get(slot) ?? winner?.documentId;
        const winnerSeed = winner ? text(winner.tokenSeed) : seed;
        if (!documentId || !winnerSeed) {
          throw new Error(`the link of booking ${booking.documentId} was not kept`);
        }
        const token = deriveToken(keyOf(), winnerSeed);
        links.set(booking.documentId, {
          open: true,
          documentId,
          token,
          url: urlOf(settings, token),
          expiresAt: winner ? instant(winner.expiresAt) : expiresAt,
        });
      }
      return links;
    },

    /** A booking's link for a dispatch system's own use: the same link its messages carry. */
    async issue(
      bookingId: string,
      settings: StoredSettings,
      now = new Date(),
    ): Promise<IssuedAccessCode & { created: boolean }> {
      const booking = await query(strapi, UID.booking).findOne({
        where: { documentId: bookingId },
        select: ['id', 'documentId', 'end'],
      });
      if (!booking) throw notFound('documentId', `no booking with documentId ${bookingId}`);
      const before = await codesOf([booking.id]);
      const link = (
        await this.linksFor(
          [{ documentId: booking.documentId, id: booking.id, end: instant(booking.end) }],
          settings,
          now,
          'content-api',
        )
      ).get(booking.documentId);
      if (!link?.open) {
        throw new RequestError(409, [
          {
            path: 'documentId',
            message: `the booking's link was ${link?.reason ?? 'closed'} by an admin`,
          },
        ]);
      }
      const { documentId, token, url, expiresAt } = link;
      const created = !(before.get(booking.id) ?? []).some((row) => row.documentId === documentId);
      return { documentId, token, url, expiresAt, created };
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
