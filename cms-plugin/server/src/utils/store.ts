import type { Core } from '@strapi/strapi';
import type { EnrouteUid } from './uids.ts';

/**
 * Typed access to the plugin's tables. Strapi types its document and query APIs from the
 * application's generated registry, which a plugin does not have; these interfaces state the
 * part of those APIs the plugin uses.
 */
export type Row = { id: number; documentId: string } & Record<string, unknown>;
type Where = Record<string, unknown>;

export interface DocumentApi {
  findOne(params: { documentId: string; populate?: unknown; locale?: string }): Promise<Row | null>;
  findFirst(params: { filters?: Where; populate?: unknown; locale?: string }): Promise<Row | null>;
  findMany(params?: {
    filters?: Where;
    populate?: unknown;
    sort?: unknown;
    limit?: number;
    start?: number;
    locale?: string;
  }): Promise<Row[]>;
  create(params: {
    data: Record<string, unknown>;
    locale?: string;
    populate?: unknown;
  }): Promise<Row>;
  update(params: {
    documentId: string;
    data: Record<string, unknown>;
    locale?: string;
    populate?: unknown;
  }): Promise<Row | null>;
  delete(params: { documentId: string; locale?: string }): Promise<unknown>;
  count(params?: { filters?: Where; locale?: string }): Promise<number>;
}

export interface QueryApi {
  findOne(params: { where?: Where; populate?: unknown; select?: string[] }): Promise<Row | null>;
  findMany(params?: {
    where?: Where;
    populate?: unknown;
    orderBy?: unknown;
    limit?: number;
    offset?: number;
    select?: string[];
  }): Promise<Row[]>;
  create(params: { data: Record<string, unknown> }): Promise<Row>;
  createMany(params: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
  update(params: { where: Where; data: Record<string, unknown> }): Promise<Row | null>;
  updateMany(params: { where: Where; data: Record<string, unknown> }): Promise<{ count: number }>;
  delete(params: { where: Where }): Promise<Row | null>;
  deleteMany(params: { where: Where }): Promise<{ count: number }>;
  count(params?: { where?: Where }): Promise<number>;
}

export function documents(strapi: Core.Strapi, uid: EnrouteUid): DocumentApi {
  return strapi.documents(uid as Parameters<Core.Strapi['documents']>[0]) as unknown as DocumentApi;
}

export function query(strapi: Core.Strapi, uid: EnrouteUid): QueryApi {
  return strapi.db.query(uid as Parameters<Core.Strapi['db']['query']>[0]) as unknown as QueryApi;
}

/** A datetime column as an ISO instant (SQLite answers numbers or strings, PostgreSQL Dates). */
export function instant(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return new Date(value).toISOString();
  if (typeof value === 'string') return new Date(value).toISOString();
  throw new TypeError(`not a datetime: ${String(value)}`);
}

export function optionalInstant(value: unknown): string | null {
  return value === null || value === undefined ? null : instant(value);
}

export function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function relation(value: unknown): Row | null {
  return value && typeof value === 'object' && 'documentId' in value ? (value as Row) : null;
}
