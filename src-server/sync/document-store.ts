// The replicated documents of each warehouse: the latest version of every document with its
// sequence stamp. Every write serialises per warehouse (advisory lock) before drawing its stamp,
// so stamps commit in order and a pull can never step over a version committed late. After
// commit, NOTIFY tells every API instance which documents changed (live stream).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { SyncCollection } from '../../shared/sync/documents';
import type { Checkpoint, WireDocument } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';

export const SYNC_CHANNEL = 'sync_changes';

export interface StoredDocument {
  doc: Record<string, unknown>;
  updatedAt: number;
  deleted: boolean;
}

type Executor = Kysely<Database> | Transaction<Database>;

export function toWire(stored: StoredDocument): WireDocument {
  return { ...stored.doc, id: String(stored.doc.id), updatedAt: stored.updatedAt, _deleted: stored.deleted };
}

/** Above this many documents in one write, stations are told to pull instead of being sent ids. */
const NOTICE_ID_LIMIT = 100;

export interface SyncNoticeBatch {
  warehouse: string;
  collection: SyncCollection;
  /** The changed ids; absent when there were too many to name (stations then pull). */
  ids?: string[];
}

/**
 * Writes new versions of documents of one warehouse's collection. Must run inside the
 * transaction that made the change, so a document exists exactly when its change committed.
 */
export async function writeSyncDocuments(
  trx: Transaction<Database>,
  warehouse: string,
  collection: SyncCollection,
  docs: readonly (Record<string, unknown> & { id: string; _deleted?: boolean })[],
): Promise<StoredDocument[]> {
  if (docs.length === 0) return [];
  await sql`select pg_advisory_xact_lock(hashtext(${`sync:${warehouse}`}))`.execute(trx);
  const { rows } = await sql<{ seq: string }>`select nextval('sync_seq') as seq from generate_series(1, ${docs.length})`.execute(trx);
  const stored = docs.map((doc, i) => {
    const { updatedAt: _stamp, _deleted, ...body } = doc;
    const updatedAt = Number(rows[i]!.seq);
    return { doc: { ...body, id: doc.id, updatedAt }, updatedAt, deleted: _deleted === true };
  });
  await trx
    .insertInto('sync_documents')
    .values(
      stored.map((s) => ({
        warehouse_code: warehouse,
        collection,
        id: String(s.doc.id),
        doc: JSON.stringify(s.doc),
        updated_at: s.updatedAt,
        deleted: s.deleted,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['warehouse_code', 'collection', 'id']).doUpdateSet((eb) => ({
        doc: eb.ref('excluded.doc'),
        updated_at: eb.ref('excluded.updated_at'),
        deleted: eb.ref('excluded.deleted'),
      })),
    )
    .execute();
  const notice: SyncNoticeBatch = { warehouse, collection, ...(docs.length <= NOTICE_ID_LIMIT ? { ids: docs.map((d) => d.id) } : {}) };
  await sql`select pg_notify(${SYNC_CHANNEL}, ${JSON.stringify(notice)})`.execute(trx);
  return stored;
}

export async function readSyncDocument(
  db: Executor,
  warehouse: string,
  collection: SyncCollection,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredDocument | null> {
  let query = db
    .selectFrom('sync_documents')
    .select(['doc', 'updated_at', 'deleted'])
    .where('warehouse_code', '=', warehouse)
    .where('collection', '=', collection)
    .where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { doc: row.doc, updatedAt: Number(row.updated_at), deleted: row.deleted } : null;
}

export async function readSyncDocuments(db: Executor, warehouse: string, collection: SyncCollection, ids: readonly string[]): Promise<WireDocument[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('sync_documents')
    .select(['doc', 'updated_at', 'deleted'])
    .where('warehouse_code', '=', warehouse)
    .where('collection', '=', collection)
    .where('id', 'in', ids)
    .orderBy('updated_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => toWire({ doc: r.doc, updatedAt: Number(r.updated_at), deleted: r.deleted }));
}

export interface PullPage {
  documents: WireDocument[];
  checkpoint: Checkpoint | null;
  remaining: number;
}

/** The documents after `checkpoint`, in (updatedAt, id) order. */
export async function pullSyncDocuments(
  db: Executor,
  warehouse: string,
  collection: SyncCollection,
  checkpoint: Checkpoint | null,
  limit: number,
): Promise<PullPage> {
  const after = (q: ReturnType<typeof base>, cp: Checkpoint | null) =>
    cp ? q.where(sql<boolean>`(updated_at, id) > (${cp.updatedAt}, ${cp.id})`) : q;
  const base = () =>
    db.selectFrom('sync_documents').where('warehouse_code', '=', warehouse).where('collection', '=', collection);
  const rows = await after(base(), checkpoint)
    .select(['doc', 'updated_at', 'deleted', 'id'])
    .orderBy('updated_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  const documents = rows.map((r) => toWire({ doc: r.doc, updatedAt: Number(r.updated_at), deleted: r.deleted }));
  const last = rows.at(-1);
  const next = last ? { updatedAt: Number(last.updated_at), id: last.id } : checkpoint;
  const counted = rows.length < limit ? { n: '0' } : await after(base(), next).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  return { documents, checkpoint: next, remaining: Number(counted?.n ?? 0) };
}
