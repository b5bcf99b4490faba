import type { Core } from '@strapi/strapi';
import { query } from '../utils/store.ts';
import type { EnrouteUid } from '../utils/uids.ts';

type Attribute = { type?: string; relation?: string; target?: string; useJoinTable?: boolean };

/** A relation as Document Service callers give it: a documentId, `{ documentId }`, connect/set. */
function referenceOf(value: unknown): string | number | null | undefined {
  if (value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.length === 0 ? null : referenceOf(value[0]);
  if (typeof value !== 'object') return undefined;
  if ('connect' in value && value.connect !== undefined) return referenceOf(value.connect);
  if ('set' in value && value.set !== undefined) return referenceOf(value.set);
  if ('disconnect' in value) return null;
  if ('documentId' in value && typeof value.documentId === 'string') return value.documentId;
  if ('id' in value && typeof value.id === 'number') return value.id;
  return undefined;
}

/**
 * Relations stored in a column of the table itself (`useJoinTable: false`, for the tables written
 * in bulk) are not translated by Strapi's Document Service, which expects the row id there. This
 * turns what callers give (a documentId, connect, set) into that id, so that the Content Manager
 * and code using documentIds work as for any other relation.
 */
export async function resolveJoinColumns(
  strapi: Core.Strapi,
  uid: string,
  data: Record<string, unknown>,
): Promise<void> {
  const model = strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0]) as
    { attributes: Record<string, Attribute> } | undefined;
  if (!model) return;
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (attribute.type !== 'relation' || attribute.useJoinTable !== false || !attribute.target)
      continue;
    if (!(name in data) || name === 'createdBy' || name === 'updatedBy') continue;
    const reference = referenceOf(data[name]);
    if (reference === undefined || typeof reference === 'number') continue;
    if (reference === null) {
      data[name] = null;
      continue;
    }
    const row = await query(strapi, attribute.target as EnrouteUid).findOne({
      where: { documentId: reference },
      select: ['id', 'documentId'],
    });
    // An unknown documentId stays as given: Strapi then refuses it as a missing relation.
    if (row) data[name] = row.id;
  }
}
