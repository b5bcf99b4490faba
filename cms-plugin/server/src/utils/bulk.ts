import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { EnrouteUid } from './uids.ts';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A Strapi document id: 24 lowercase letters and digits, starting with a letter. */
export function newDocumentId(): string {
  const bytes = randomBytes(24);
  let id = ALPHABET[bytes[0]! % 26]!;
  for (let index = 1; index < 24; index += 1) id += ALPHABET[bytes[index]! % 36];
  return id;
}

/** Rows per INSERT statement: SQLite allows 32,766 bound values, and a row has about 16. */
const ROWS_PER_STATEMENT = 500;

type JoinTable = {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
};
type AttributeMeta = {
  type?: string;
  columnName?: string;
  joinTable?: JoinTable;
  joinColumn?: { name: string };
};
type ModelMeta = { tableName: string; attributes: Record<string, AttributeMeta> };

/** A content type's table and the column of each of its attributes, for statements of its own. */
export function tableOf(strapi: Core.Strapi, uid: EnrouteUid) {
  const meta = strapi.db.metadata.get(uid) as unknown as ModelMeta;
  return {
    name: meta.tableName,
    column(attribute: string): string {
      const found = meta.attributes[attribute];
      if (!found || found.type === 'relation') throw new Error(`${uid} has no column ${attribute}`);
      return found.columnName ?? attribute;
    },
  };
}

/** The column of a relation kept in the content type's own table (`useJoinTable: false`). */
export function joinColumnOf(strapi: Core.Strapi, uid: EnrouteUid, attribute: string): string {
  const meta = strapi.db.metadata.get(uid) as unknown as ModelMeta;
  const joinColumn = meta.attributes[attribute]?.joinColumn;
  if (!joinColumn) throw new Error(`${uid} has no relation ${attribute} in a column of its own`);
  return joinColumn.name;
}

/** A row to write: its attributes by name, and its relations as the target rows' ids. */
export type BulkRow = {
  values: Record<string, unknown>;
  relations?: Record<string, number>;
};

export type InsertedRow = { id: number; documentId: string; conflictValue: string };

/**
 * Writes many rows of one content type in a few statements, as Strapi's Document Service would
 * store them one by one (document id, timestamps, relations in their join tables), inside the
 * caller's transaction. A row whose `conflictAttribute` value is already taken is not written: the
 * database's unique index decides, atomically, however many instances write at once. Answers the
 * rows written.
 *
 * For the tables Enroute writes at volume (the message log, access codes): the Document Service
 * costs several statements and a read per row.
 */
export async function insertIgnoringConflicts(
  strapi: Core.Strapi,
  uid: EnrouteUid,
  rows: BulkRow[],
  conflictAttribute: string,
  now = new Date(),
): Promise<InsertedRow[]> {
  if (rows.length === 0) return [];
  const meta = strapi.db.metadata.get(uid) as unknown as ModelMeta;
  const { column } = tableOf(strapi, uid);
  const conflictColumn = column(conflictAttribute);
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {
      document_id: newDocumentId(),
      created_at: now,
      updated_at: now,
      published_at: now,
      locale: null,
    };
    for (const [attribute, value] of Object.entries(row.values)) {
      const type = meta.attributes[attribute]?.type;
      // JSON columns: text on SQLite, jsonb on PostgreSQL; both take the JSON text.
      record[column(attribute)] =
        type === 'json' && value !== null && value !== undefined ? JSON.stringify(value) : value;
    }
    // A relation kept in a column of this table is written with the row.
    for (const [attribute, targetId] of Object.entries(row.relations ?? {})) {
      const joinColumn = meta.attributes[attribute]?.joinColumn;
      if (joinColumn && !meta.attributes[attribute]?.joinTable) record[joinColumn.name] = targetId;
    }
    return record;
  });

  const inserted: InsertedRow[] = [];
  const byConflict = new Map<string, BulkRow>();
  rows.forEach((row, index) => byConflict.set(String(records[index]![conflictColumn]), row));
  await strapi.db.connection.transaction(async (trx) => {
    for (let start = 0; start < records.length; start += ROWS_PER_STATEMENT) {
      const returned = (await trx(meta.tableName)
        .insert(records.slice(start, start + ROWS_PER_STATEMENT))
        .onConflict(conflictColumn)
        .ignore()
        .returning(['id', 'document_id', conflictColumn])) as Record<string, unknown>[];
      for (const row of returned) {
        inserted.push({
          id: Number(row.id),
          documentId: String(row.document_id),
          conflictValue: String(row[conflictColumn]),
        });
      }
    }
    // Each relation in its join table, as Strapi keeps a manyToOne without an inverse side.
    const links = new Map<string, Record<string, unknown>[]>();
    for (const written of inserted) {
      const row = byConflict.get(written.conflictValue);
      for (const [attribute, targetId] of Object.entries(row?.relations ?? {})) {
        const joinTable = meta.attributes[attribute]?.joinTable;
        if (!joinTable && meta.attributes[attribute]?.joinColumn) continue;
        if (!joinTable) throw new Error(`${uid} has no relation ${attribute}`);
        const link: Record<string, unknown> = {
          [joinTable.joinColumn.name]: written.id,
          [joinTable.inverseJoinColumn.name]: targetId,
        };
        if (joinTable.orderColumnName) link[joinTable.orderColumnName] = 1;
        if (joinTable.inverseOrderColumnName) link[joinTable.inverseOrderColumnName] = 1;
        const list = links.get(joinTable.name) ?? [];
        list.push(link);
        links.set(joinTable.name, list);
      }
    }
    for (const [table, list] of links) {
      for (let start = 0; start < list.length; start += ROWS_PER_STATEMENT) {
        await trx(table).insert(list.slice(start, start + ROWS_PER_STATEMENT));
      }
    }
  });
  return inserted;
}

/** The row ids of documents, by documentId (unknown ones are absent). */
export async function rowIds(
  strapi: Core.Strapi,
  uid: EnrouteUid,
  documentIds: string[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (documentIds.length === 0) return found;
  const rows = (await strapi.db
    .connection(tableOf(strapi, uid).name)
    .select('id', 'document_id')
    .whereIn('document_id', [...new Set(documentIds)])) as { id: number; document_id: string }[];
  for (const row of rows) found.set(row.document_id, Number(row.id));
  return found;
}

/** A row to change, by its id: new values by attribute name (JSON attributes as values). */
export type RowUpdate = { id: number; values: Record<string, unknown> };

/**
 * Changes many rows of one content type, each with its own values, in one transaction. On
 * PostgreSQL the rows that set the same attributes change in one statement (the new values travel
 * as one JSON array, typed by the table's own row type), where a statement per row costs a round
 * trip each; elsewhere (SQLite, in the process) one statement per row.
 */
export async function updateRows(
  strapi: Core.Strapi,
  uid: EnrouteUid,
  updates: RowUpdate[],
): Promise<void> {
  if (updates.length === 0) return;
  const meta = strapi.db.metadata.get(uid) as unknown as ModelMeta;
  const { column } = tableOf(strapi, uid);
  const isJson = (attribute: string) => meta.attributes[attribute]?.type === 'json';
  const postgres = (strapi.db.config.connection as { client?: string }).client === 'postgres';
  await strapi.db.connection.transaction(async (trx) => {
    if (!postgres) {
      for (const { id, values } of updates) {
        const record: Record<string, unknown> = {};
        for (const [attribute, value] of Object.entries(values)) {
          record[column(attribute)] =
            isJson(attribute) && value !== null && value !== undefined
              ? JSON.stringify(value)
              : value;
        }
        await trx(meta.tableName).where({ id }).update(record);
      }
      return;
    }
    const groups = new Map<string, RowUpdate[]>();
    for (const update of updates) {
      const key = Object.keys(update.values).sort().join(',');
      groups.set(key, [...(groups.get(key) ?? []), update]);
    }
    for (const [key, rows] of groups) {
      const attributes = key.split(',').filter(Boolean);
      if (attributes.length === 0) continue;
      const records = rows.map(({ id, values }) => {
        const record: Record<string, unknown> = { id };
        for (const attribute of attributes) record[column(attribute)] = values[attribute] ?? null;
        return record;
      });
      const assignments = attributes.map(() => '?? = ??').join(', ');
      const bindings = attributes.flatMap((attribute) => [
        column(attribute),
        `v.${column(attribute)}`,
      ]);
      await trx.raw(
        `update ?? as t set ${assignments} from json_populate_recordset(null::??, ?::json) as v where t.id = v.id`,
        [meta.tableName, ...bindings, meta.tableName, JSON.stringify(records)],
      );
    }
  });
}
