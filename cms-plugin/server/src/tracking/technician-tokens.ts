import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type {
  IssueTechnicianToken,
  IssuedTechnicianToken,
  RevokedTechnicianToken,
} from '../../../shared/contracts/technician-tokens.ts';
import { notFound } from '../validation/errors.ts';
import { documents, instant, query, text, type Row } from '../utils/store.ts';
import { UID } from '../utils/uids.ts';
import { TRACKING_UID, asEnrouteUid } from './uids.ts';

const PREFIX = 'enr_t_';
const TOKEN = /^enr_t_[A-Za-z0-9_-]{43}$/;
/** How long a checked token is trusted without asking the database again (revocation delay). */
const TRUSTED_FOR_MS = 10_000;
const CACHE_LIMIT = 50_000;

export type Technician = {
  resourceId: number;
  resourceDocumentId: string;
  tokenId: number;
  /** A session of the technician app (from a sign-in link), not a dispatch system's app token. */
  phoneApp: boolean;
};

export type TokenKind = 'app' | 'sign-in-link' | 'session';
/** What posts positions and reads visits: never a sign-in link, which is only exchanged. */
const BEARER_KINDS: readonly TokenKind[] = ['app', 'session'];

/** Why a token is refused, when it is; a link page tells expired from revoked or unknown. */
export type TokenCheck =
  | { ok: true; technician: Technician; expiresAt: Date | null }
  | { ok: false; reason: 'unknown' | 'revoked' | 'expired' };

function kindOf(value: unknown): TokenKind {
  return value === 'sign-in-link' || value === 'session' ? value : 'app';
}

function dateOf(value: unknown): Date | null {
  return value === null || value === undefined ? null : new Date(instant(value));
}

export function hashTechnicianToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Tokens of technicians' apps: issued once, stored hashed, checked on every position post. */
export const createTechnicianTokensService = ({ strapi }: { strapi: Core.Strapi }) => {
  const tokens = () => query(strapi, asEnrouteUid(TRACKING_UID.technicianToken));
  const trusted = new Map<string, { technician: Technician; until: number }>();

  async function findResource(reference: string): Promise<Row | null> {
    const resources = query(strapi, UID.resource);
    return (
      (await resources.findOne({ where: { externalId: reference } })) ??
      (await resources.findOne({ where: { documentId: reference } }))
    );
  }

  async function create(
    resourceDocumentId: string,
    fields: { kind: TokenKind; label: string | null; expiresAt?: Date; issuedFrom?: string },
  ): Promise<{ token: string; row: Row }> {
    const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = await documents(strapi, asEnrouteUid(TRACKING_UID.technicianToken)).create({
      data: {
        resource: resourceDocumentId,
        tokenHash: hashTechnicianToken(token),
        label: fields.label,
        kind: fields.kind,
        expiresAt: fields.expiresAt?.toISOString() ?? null,
        issuedFrom: fields.issuedFrom ?? null,
      },
    });
    return { token, row };
  }

  /** The token's row and technician, checked for kind, revocation and expiry (not cached). */
  async function check(
    token: string,
    kinds: readonly TokenKind[],
    now: number,
  ): Promise<TokenCheck> {
    if (!TOKEN.test(token)) return { ok: false, reason: 'unknown' };
    const hash = hashTechnicianToken(token);
    const row = await tokens().findOne({
      where: { tokenHash: hash },
      populate: { resource: { select: ['id', 'documentId'] } },
    });
    const resource = row?.resource as Row | null | undefined;
    if (!row || !resource || !kinds.includes(kindOf(row.kind)))
      return { ok: false, reason: 'unknown' };
    // The row was found by its hash; comparing in constant time costs nothing and keeps the
    // check independent of how the database compares strings.
    const stored = Buffer.from(String(row.tokenHash), 'hex');
    const given = Buffer.from(hash, 'hex');
    if (stored.length !== given.length || !timingSafeEqual(stored, given))
      return { ok: false, reason: 'unknown' };
    if (row.revokedAt) return { ok: false, reason: 'revoked' };
    const expiresAt = dateOf(row.expiresAt);
    if (expiresAt && expiresAt.getTime() <= now) return { ok: false, reason: 'expired' };
    const technician = {
      resourceId: resource.id,
      resourceDocumentId: resource.documentId,
      tokenId: row.id,
      phoneApp: kindOf(row.kind) === 'session',
    };
    return { ok: true, technician, expiresAt };
  }

  function forget(tokenIds: ReadonlySet<number>): void {
    for (const [hash, entry] of trusted)
      if (tokenIds.has(entry.technician.tokenId)) trusted.delete(hash);
  }

  return {
    /** A sign-in link's token for a technician (by documentId), valid for `lifetimeMs`. */
    async issueLink(resourceDocumentId: string, lifetimeMs: number, now = new Date()) {
      const resource = await query(strapi, UID.resource).findOne({
        where: { documentId: resourceDocumentId },
      });
      if (!resource)
        throw notFound('documentId', `no technician with documentId ${resourceDocumentId}`);
      const expiresAt = new Date(now.getTime() + lifetimeMs);
      const { token, row } = await create(resource.documentId, {
        kind: 'sign-in-link',
        label: 'sign-in link',
        expiresAt,
      });
      return { documentId: row.documentId, token, expiresAt };
    },

    /**
     * A session for the technician of a sign-in link, valid for `lifetimeMs` and never past the
     * link itself; or why the link is refused.
     */
    async startSession(link: string, lifetimeMs: number, now = new Date()) {
      const checked = await check(link, ['sign-in-link'], now.getTime());
      if (!checked.ok) return checked;
      const linkRow = await tokens().findOne({ where: { id: checked.technician.tokenId } });
      const until = now.getTime() + lifetimeMs;
      const expiresAt = new Date(
        checked.expiresAt ? Math.min(until, checked.expiresAt.getTime()) : until,
      );
      const { token } = await create(checked.technician.resourceDocumentId, {
        kind: 'session',
        label: 'phone session',
        expiresAt,
        issuedFrom: linkRow?.documentId,
      });
      return { ok: true as const, token, expiresAt, technician: checked.technician };
    },

    async issue(input: IssueTechnicianToken, now = new Date()): Promise<IssuedTechnicianToken> {
      const resource = await findResource(input.resource);
      if (!resource) throw notFound('resource', `no technician with id ${input.resource}`);
      const { token, row: created } = await create(resource.documentId, {
        kind: 'app',
        label: input.label ?? null,
      });
      return {
        documentId: created.documentId,
        token,
        resource: { documentId: resource.documentId, externalId: text(resource.externalId) },
        label: input.label ?? null,
        createdAt: instant(created.createdAt ?? now),
      };
    },

    async revoke(documentId: string, now = new Date()): Promise<RevokedTechnicianToken> {
      const row = await tokens().findOne({ where: { documentId } });
      if (!row) throw notFound('documentId', `no technician token with documentId ${documentId}`);
      const revokedAt = row.revokedAt ? instant(row.revokedAt) : now.toISOString();
      if (!row.revokedAt)
        await tokens().update({ where: { id: row.id }, data: { revokedAt: now } });
      // The sessions a sign-in link started end with it.
      const sessions = await tokens().findMany({
        where: { issuedFrom: documentId, revokedAt: null },
        select: ['id'],
      });
      if (sessions.length > 0)
        await tokens().updateMany({
          where: { id: { $in: sessions.map((session) => session.id) } },
          data: { revokedAt: now },
        });
      // This instance forgets them at once; others within TRUSTED_FOR_MS.
      forget(new Set([row.id, ...sessions.map((session) => session.id)]));
      return { documentId, revokedAt };
    },

    /** Ends one session (signing out): at once on this instance. */
    async endSession(technician: Technician, now = new Date()): Promise<void> {
      await tokens().updateMany({
        where: { id: technician.tokenId, kind: 'session', revokedAt: null },
        data: { revokedAt: now },
      });
      forget(new Set([technician.tokenId]));
    },

    /**
     * The technician a bearer token speaks for, or null (unknown, malformed, revoked, expired, or
     * a sign-in link, which only starts sessions).
     */
    async authenticate(token: string | null, now = Date.now()): Promise<Technician | null> {
      if (!token || !TOKEN.test(token)) return null;
      const hash = hashTechnicianToken(token);
      const cached = trusted.get(hash);
      if (cached && cached.until > now) return cached.technician;
      const checked = await check(token, BEARER_KINDS, now);
      if (!checked.ok) {
        trusted.delete(hash);
        return null;
      }
      if (trusted.size >= CACHE_LIMIT) trusted.clear();
      const until = Math.min(now + TRUSTED_FOR_MS, checked.expiresAt?.getTime() ?? Infinity);
      trusted.set(hash, { technician: checked.technician, until });
      return checked.technician;
    },
  };
};

export type TechnicianTokensService = ReturnType<typeof createTechnicianTokensService>;
