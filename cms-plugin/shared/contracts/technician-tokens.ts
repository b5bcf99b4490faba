import { z } from 'zod';
import { Instant } from './domain.ts';

/**
 * Technician tokens: what a technician's app sends with its positions (`POST
 * /api/enroute/locations`, `Authorization: Bearer <token>`). Each token belongs to one technician
 * (resource): it can post that technician's positions and nothing else. Issued and revoked by the
 * integration (full-access API token); the token itself is shown once and only its hash is kept.
 *
 *   POST   /api/enroute/technician-tokens              IssueTechnicianToken ⇒ 201 IssuedTechnicianToken
 *   DELETE /api/enroute/technician-tokens/:documentId  ⇒ 200 RevokedTechnicianToken
 */
export const IssueTechnicianToken = z.object({
  /** The technician: its externalId, or its documentId. */
  resource: z.string().trim().min(1).max(255),
  /** What the token is for, e.g. the device: shown to admins, never secret. */
  label: z.string().trim().max(100).optional(),
});
export type IssueTechnicianToken = z.infer<typeof IssueTechnicianToken>;

export const IssuedTechnicianToken = z.object({
  documentId: z.string(),
  /** 256 bits from the CSPRNG, base64url, prefixed `enr_t_`. Shown this once. */
  token: z.string(),
  resource: z.object({ documentId: z.string(), externalId: z.string().nullable() }),
  label: z.string().nullable(),
  createdAt: Instant,
});
export type IssuedTechnicianToken = z.infer<typeof IssuedTechnicianToken>;

export const RevokedTechnicianToken = z.object({
  documentId: z.string(),
  revokedAt: Instant,
});
export type RevokedTechnicianToken = z.infer<typeof RevokedTechnicianToken>;
