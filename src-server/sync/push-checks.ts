// What a pushed document may name, checked against the database. Its id must be no other
// station's: not in another warehouse's documents, not another station's document of this
// warehouse, not another station's row in the OMS-wide shipments or return receipts. The
// fulfillment, lines and RMA it refers to must be this warehouse's, and a shipment's verdict is
// the central OMS's to give. Runs for every row before any is applied and again inside each row's
// transaction (under the master's lock), so a refused push writes nothing anywhere.
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { ShortPick, SyncCollection } from '../../shared/sync/documents';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { isUuid } from '../returns/rma-writes';
import type { StationIdentity } from '../stations/stations';
import type { StoredDocument } from './document-store';
import type { PushedDocument } from './push-validation';

type Executor = Kysely<Database> | Transaction<Database>;
type Short = z.infer<typeof ShortPick>;

const VERDICTS = new Set(['accepted', 'refused']);

export async function checkPushedDocument(
  db: Executor,
  station: StationIdentity,
  collection: SyncCollection,
  doc: PushedDocument,
  master: StoredDocument | null,
): Promise<void> {
  await checkOwnership(db, station, collection, doc, master);
  switch (collection) {
    case 'work':
      await checkFulfillment(db, station, doc);
      await checkShortLines(db, doc, master);
      return;
    case 'shipments':
      await checkFulfillment(db, station, doc);
      if (VERDICTS.has(String(doc.status)) && !VERDICTS.has(String(master?.doc.status))) {
        throw new ApiError(
          422,
          'verdict_not_yours',
          `shipments/${doc.id}: only the central OMS accepts or refuses a shipment; push it as confirmed.`,
          'status',
        );
      }
      return;
    case 'returns':
      await checkRma(db, station, doc);
      return;
    default:
      return;
  }
}

/** The answer to a push of another station's document: it does not say whose it is. */
export function foreignDocument(collection: SyncCollection, id: string): ApiError {
  return new ApiError(
    409,
    'foreign_document',
    `${collection}/${id} is another station's document, and a station writes only its own: give the document a new id.`,
    'id',
  );
}

/** Does not say whose the document is: another station's documents are none of this one's business. */
async function checkOwnership(
  db: Executor,
  station: StationIdentity,
  collection: SyncCollection,
  doc: PushedDocument,
  master: StoredDocument | null,
): Promise<void> {
  const foreign = () => foreignDocument(collection, doc.id);
  if (master && master.doc.stationId !== station.stationId) throw foreign();
  const elsewhere = await db
    .selectFrom('sync_documents')
    .select('id')
    .where('collection', '=', collection)
    .where('id', '=', doc.id)
    .where('warehouse_code', '<>', station.warehouseCode)
    .executeTakeFirst();
  if (elsewhere) throw foreign();
  const owner =
    collection === 'shipments'
      ? await db
          .selectFrom('shipments')
          .select('station_id')
          .where('id', '=', doc.id)
          .executeTakeFirst()
      : collection === 'returns'
        ? await db
            .selectFrom('return_receipts')
            .select('station_id')
            .where('id', '=', doc.id)
            .executeTakeFirst()
        : undefined;
  if (owner && owner.station_id !== station.stationId) throw foreign();
}

async function checkFulfillment(
  db: Executor,
  station: StationIdentity,
  doc: PushedDocument,
): Promise<void> {
  const fulfillmentId = String(doc.fulfillmentId);
  const fulfillment = isUuid(fulfillmentId)
    ? await db
        .selectFrom('fulfillment_orders')
        .select('warehouse_code')
        .where('id', '=', fulfillmentId)
        .executeTakeFirst()
    : undefined;
  if (fulfillment?.warehouse_code !== station.warehouseCode) {
    throw new ApiError(
      422,
      'unknown_fulfillment',
      `Fulfillment ${fulfillmentId} is not work of warehouse ${station.warehouseCode}.`,
      'fulfillmentId',
    );
  }
}

/** Short picks the master does not have yet must name lines of the fulfillment. */
async function checkShortLines(
  db: Executor,
  doc: PushedDocument,
  master: StoredDocument | null,
): Promise<void> {
  const key = (s: Short) => `${s.lineId}|${s.at}`;
  const known = new Set(((master?.doc.shorts ?? []) as Short[]).map(key));
  const shorts = doc.shorts as Short[];
  const fresh = shorts.filter((s) => !known.has(key(s)) && isUuid(s.lineId)).map((s) => s.lineId);
  const lines = new Set(
    fresh.length === 0
      ? []
      : (
          await db
            .selectFrom('fulfillment_lines')
            .select('id')
            .where('fulfillment_id', '=', String(doc.fulfillmentId))
            .where('id', 'in', fresh)
            .execute()
        ).map((l) => l.id),
  );
  const index = shorts.findIndex((s) => !known.has(key(s)) && !lines.has(s.lineId));
  if (index >= 0) {
    throw new ApiError(
      422,
      'unknown_line',
      `Short pick names line ${shorts[index]!.lineId}, which is not on fulfillment ${String(doc.fulfillmentId)}.`,
      `shorts.${index}.lineId`,
    );
  }
}

/** A station finds RMAs in its own warehouse's feed; any other id is not one it can take in. */
async function checkRma(
  db: Executor,
  station: StationIdentity,
  doc: PushedDocument,
): Promise<void> {
  if (doc.rmaId === null) return;
  const rmaId = String(doc.rmaId);
  const rma = isUuid(rmaId)
    ? await db
        .selectFrom('rmas')
        .select('warehouse_code')
        .where('id', '=', rmaId)
        .executeTakeFirst()
    : undefined;
  if (rma?.warehouse_code !== station.warehouseCode) {
    throw new ApiError(
      422,
      'unknown_rma',
      `RMA ${rmaId} is not an RMA of warehouse ${station.warehouseCode}: take the parcel in as an unexpected return.`,
      'rmaId',
    );
  }
}
