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

export type Technician = { resourceId: number; resourceDocumentId: string; tokenId: number };

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

  return {
    async issue(input: IssueTechnicianToken, now = new Date()): Promise<IssuedTechnicianToken> {
      const resource = await findResource(input.resource);
      if (!resource) throw notFound('resource', `no technician with id ${input.resource}`);
      const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
      const created = await documents(strapi, asEnrouteUid(TRACKING_UID.technicianToken)).create({
        data: {
          resource: resource.documentId,
          tokenHash: hashTechnicianToken(token),
          label: input.label ?? null,
        },
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
      // This instance forgets it at once; others within TRUSTED_FOR_MS.
      for (const [hash, entry] of trusted)
        if (entry.technician.tokenId === row.id) trusted.delete(hash);
      return { documentId, revokedAt };
    },

    /** The technician a bearer token speaks for, or null (unknown, malformed or revoked). */
    async authenticate(token: string | null, now = Date.now()): Promise<Technician | null> {
      if (!token || !TOKEN.test(token)) return null;
      const hash = hashTechnicianToken(token);
      const cached = trusted.get(hash);
      if (cached && cached.until > now) return cached.technician;
      const row = await tokens().findOne({
        where: { tokenHash: hash },
        populate: { resource: { select: ['id', 'documentId'] } },
      });
      const resource = row?.resource as Row | null | undefined;
      if (!row || row.revokedAt || !resource) {
        trusted.delete(hash);
        return null;
      }
      // The row was found by its hash; comparing in constant time costs nothing and keeps the
      // check independent of how the database compares strings.
      const stored = Buffer.from(String(row.tokenHash), 'hex');
      const given = Buffer.from(hash, 'hex');
      if (stored.length !== given.length || !timingSafeEqual(stored, given)) return null;
      const technician = {
        resourceId: resource.id,
        resourceDocumentId: resource.documentId,
        tokenId: row.id,
      };
      if (trusted.size >= CACHE_LIMIT) trusted.clear();
      trusted.set(hash, { technician, until: now + TRUSTED_FOR_MS });
      return technician;
    },
  };
};

export type TechnicianTokensService = ReturnType<typeof createTechnicianTokensService>;
