// The replicated documents of each warehouse: the latest version of every document with its
// sequence stamp. Every write serialises per warehouse (advisory lock) before drawing its stamp,
// so stamps commit in order and a pull can never step over a version committed late. After
// commit, NOTIFY tells every API instance which documents changed (live stream).
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { SyncCollection } from '../../shared/sync/documents';
import { STATION_WRITABLE } from '../../shared/sync/documents';
import type { Checkpoint, WireDocument } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';

export const SYNC_CHANNEL = 'sync_changes';

export interface StoredDocument {
  doc: Record<string, unknown>;
  updatedAt: number;
  deleted: boolean;
}

type Executor = Kysely<Database> | Transaction<Database>;

/** Documents are stored without their stamp; it lives in its own column and is added here. */
export function toWire(stored: StoredDocument): WireDocument {
  return {
    ...stored.doc,
    id: String(stored.doc.id),
    updatedAt: stored.updatedAt,
    _deleted: stored.deleted,
  };
}

/** Above this many documents in one write, stations are told to pull instead of being sent ids. */
const NOTICE_ID_LIMIT = 100;

export interface SyncNoticeBatch {
  warehouse: string;
  collection: SyncCollection;
  /** The changed ids; absent when there were too many to name (stations then pull). */
  ids?: string[];
}

type NewDocument = Record<string, unknown> & { id: string; _deleted?: boolean };

/**
 * Writes new versions of documents of one warehouse's collection. Must run inside the
 * transaction that made the change, so a document exists exactly when its change committed.
 */
export async function writeSyncDocuments(
  trx: Transaction<Database>,
  warehouse: string,
  collection: SyncCollection,
  docs: readonly NewDocument[],
): Promise<StoredDocument[]> {
  return (await writeSyncDocumentGroups(trx, collection, new Map([[warehouse, docs]]))).get(
    warehouse,
  )!;
}

/**
 * The same for several warehouses at once (an intake batch releases work to several): their
 * locks are taken in one statement, in code order, and all documents upserted in another.
 */
export async function writeSyncDocumentGroups(
  trx: Transaction<Database>,
  collection: SyncCollection,
  groups: ReadonlyMap<string, readonly NewDocument[]>,
): Promise<Map<string, StoredDocument[]>> {
  const written = new Map<string, StoredDocument[]>([...groups.keys()].map((w) => [w, []]));
  const locks = syncDocumentLocks(collection, groups);
  if (locks.length === 0) return written;
  await sql`select ${sql.join(locks)}`.execute(trx);
  const { rows: stamped } = await syncDocumentUpsert(collection, groups)!.execute(trx);
  const stamps = new Map(
    stamped.map((r) => [`${r.warehouse_code}\u0000${r.id}`, Number(r.updated_at)]),
  );
  for (const r of syncRows(groups)) {
    written.get(r.warehouse)!.push({
      doc: r.doc,
      updatedAt: stamps.get(`${r.warehouse}\u0000${r.id}`) ?? 0,
      deleted: r.deleted,
    });
  }
  return written;
}

function writtenWarehouses(groups: ReadonlyMap<string, readonly NewDocument[]>): string[] {
  return [...groups.keys()].filter((w) => groups.get(w)!.length > 0).sort();
}

function syncRows(groups: ReadonlyMap<string, readonly NewDocument[]>) {
  return writtenWarehouses(groups).flatMap((warehouse) =>
    groups.get(warehouse)!.map((doc) => {
      const { updatedAt: _stamp, _deleted, ...body } = doc;
      return { warehouse, id: doc.id, doc: body, deleted: _deleted === true };
    }),
  );
}

/**
 * The select-list expressions taking the warehouses' write locks, in code order (no deadlock
 * between two writers), with their notices (delivered at commit). A caller may select them in
 * a statement of its own (the intake adds them to its insert); the documents' upsert must run
 * in a LATER statement, so its stamps are drawn under the locks.
 */
export function syncDocumentLocks(
  collection: SyncCollection,
  groups: ReadonlyMap<string, readonly NewDocument[]>,
): RawBuilder<unknown>[] {
  return writtenWarehouses(groups).map((warehouse) => {
    const docs = groups.get(warehouse)!;
    const notice: SyncNoticeBatch = {
      warehouse,
      collection,
      ...(docs.length <= NOTICE_ID_LIMIT ? { ids: docs.map((d) => d.id) } : {}),
    };
    return sql`pg_advisory_xact_lock(hashtext(${`sync:${warehouse}`})), pg_notify(${SYNC_CHANNEL}, ${JSON.stringify(notice)})`;
  });
}

/** The upsert of the documents, stamps drawn in input order and returned; null when none. */
export function syncDocumentUpsert(
  collection: SyncCollection,
  groups: ReadonlyMap<string, readonly NewDocument[]>,
): RawBuilder<{ warehouse_code: string; id: string; updated_at: string }> | null {
  const rows = syncRows(groups);
  if (rows.length === 0) return null;
  return sql`
    with input as (
      select x.warehouse, x.id, x.doc, x.deleted, x.n
      from jsonb_to_recordset(${JSON.stringify(rows.map((r, n) => ({ ...r, n })))}::jsonb) as x(warehouse text, id text, doc jsonb, deleted boolean, n int)
      order by x.n
    ), stamped as (
      select warehouse, id, doc, deleted, nextval('sync_seq') as seq from input
    )
    insert into sync_documents (warehouse_code, collection, id, doc, updated_at, deleted)
    select warehouse, ${collection}, id, doc, seq, deleted from stamped
    on conflict (warehouse_code, collection, id)
    do update set doc = excluded.doc, updated_at = excluded.updated_at, deleted = excluded.deleted
    returning warehouse_code, id, updated_at`;
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

export async function readSyncDocuments(
  db: Executor,
  warehouse: string,
  collection: SyncCollection,
  ids: readonly string[],
): Promise<WireDocument[]> {
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
  return rows.map((r) =>
    toWire({ doc: r.doc, updatedAt: Number(r.updated_at), deleted: r.deleted }),
  );
}

export interface PullPage {
  documents: WireDocument[];
  checkpoint: Checkpoint | null;
  remaining: number;
}

/**
 * The documents after `checkpoint`, in (updatedAt, id) order. Of the collections stations write,
 * a station gets only its own documents: another station's work is none of its business.
 */
export async function pullSyncDocuments(
  db: Executor,
  warehouse: string,
  collection: SyncCollection,
  checkpoint: Checkpoint | null,
  limit: number,
  stationId: string,
): Promise<PullPage> {
  const after = (q: ReturnType<typeof base>, cp: Checkpoint | null) =>
    cp ? q.where(sql<boolean>`(updated_at, id) > (${cp.updatedAt}, ${cp.id})`) : q;
  const base = () => {
    const q = db
      .selectFrom('sync_documents')
      .where('warehouse_code', '=', warehouse)
      .where('collection', '=', collection);
    return STATION_WRITABLE.includes(collection)
      ? q.where(sql<boolean>`doc->>'stationId' = ${stationId}`)
      : q;
  };
  const rows = await after(base(), checkpoint)
    .select(['doc', 'updated_at', 'deleted', 'id'])
    .orderBy('updated_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  const documents = rows.map((r) =>
    toWire({ doc: r.doc, updatedAt: Number(r.updated_at), deleted: r.deleted }),
  );
  const last = rows.at(-1);
  const next = last ? { updatedAt: Number(last.updated_at), id: last.id } : checkpoint;
  const counted =
    rows.length < limit
      ? { n: '0' }
      : await after(base(), next)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirst();
  return { documents, checkpoint: next, remaining: Number(counted?.n ?? 0) };
}
