// Applies rows a station pushed (RxDB's push protocol). Every row is validated and checked first
// (push-validation.ts, push-checks.ts): a refused push writes nothing. Then one transaction per row:
//   1. the new state equals the master (ignoring the stamp): a replay, nothing changes;
//   2. the station's assumed master differs from its real one: the master is returned as a conflict;
//   3. otherwise the collection's rules run and the new version is stored with a fresh stamp.
// A row whose effects are refused (a shipment the central OMS will not accept) is stored with the
// verdict on the station's own document and returned, so the station learns at once.
import type { Kysely, Transaction } from 'kysely';
import { sameDocument } from '../../shared/sync/conflicts';
import type { SyncCollection } from '../../shared/sync/documents';
import { STATION_WRITABLE } from '../../shared/sync/documents';
import type { PushRow, WireDocument } from '../../shared/sync/protocol';
import { constraintOf, isIntegrityViolation, isRetryableConflict } from '../db/errors';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { applyReturnReceipt } from '../returns/return-receipt';
import type { StationIdentity } from '../stations/stations';
import { readSyncDocument, toWire, writeSyncDocuments } from './document-store';
import { checkPushedDocument } from './push-checks';
import { parsePushedRows, type PushedRow } from './push-validation';
import { confirmShipment, recordLateTrackingNumbers } from './shipment-confirmation';
import { applyWork } from './work-progress';
import { afterShipmentPush } from './sscc-voids';

type Doc = Record<string, unknown> & { id: string };

interface RowOutcome {
  store: Doc | null;
  /** Return the stored master to the station as a conflict (it differs from what was pushed). */
  answer: boolean;
}

/** A row that lost a race (a constraint, a deadlock) is decided again, against the winner. */
const MAX_ATTEMPTS = 3;

export async function applyPush(
  db: Kysely<Database>,
  station: StationIdentity,
  collection: SyncCollection,
  rows: readonly PushRow[],
): Promise<WireDocument[]> {
  if (!STATION_WRITABLE.includes(collection)) {
    throw new ApiError(
      403,
      'read_only_collection',
      `Stations cannot write ${collection}; the central OMS owns them.`,
      'collection',
    );
  }
  const pushed = parsePushedRows(station, collection, rows);
  for (const row of pushed) {
    const master = await readSyncDocument(db, station.warehouseCode, collection, row.doc.id);
    await checkPushedDocument(db, station, collection, row.doc, master);
  }
  const conflicts: WireDocument[] = [];
  for (const row of pushed) {
    const conflict = await applyRowDecided(db, station, collection, row);
    if (conflict) conflicts.push(conflict);
  }
  return conflicts;
}

async function applyRowDecided(
  db: Kysely<Database>,
  station: StationIdentity,
  collection: SyncCollection,
  row: PushedRow,
): Promise<WireDocument | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((trx) => applyRow(trx, station, collection, row));
    } catch (error) {
      const lostRace = isIntegrityViolation(error) || isRetryableConflict(error);
      if (lostRace && attempt < MAX_ATTEMPTS) continue;
      if (!isIntegrityViolation(error)) throw error;
      throw new ApiError(
        409,
        'write_conflict',
        `${collection}/${row.doc.id} collided with another write (${constraintOf(error) ?? 'a constraint'}); push it again.`,
        'id',
      );
    }
  }
}

async function applyRow(
  trx: Transaction<Database>,
  station: StationIdentity,
  collection: SyncCollection,
  row: PushedRow,
): Promise<WireDocument | null> {
  const { doc, deleted } = row;
  const master = await readSyncDocument(trx, station.warehouseCode, collection, doc.id, {
    forUpdate: true,
  });
  await checkPushedDocument(trx, station, collection, doc, master);
  if (master) {
    const masterDoc = { ...master.doc, _deleted: master.deleted };
    if (sameDocument(masterDoc, { ...doc, _deleted: deleted })) return null;
    if (!sameDocument(masterDoc, row.assumed)) return toWire(master);
  }

  const outcome = await rulesFor(collection)(trx, station, doc, master?.doc ?? null);
  if (collection === 'shipments') await afterShipmentPush(trx, station, doc as never);
  if (!outcome.store) return null;
  const [stored] = await writeSyncDocuments(trx, station.warehouseCode, collection, [
    { ...outcome.store, _deleted: deleted },
  ]);
  return outcome.answer && stored ? toWire(stored) : null;
}

type Rules = (
  trx: Transaction<Database>,
  station: StationIdentity,
  doc: Doc,
  previous: Record<string, unknown> | null,
) => Promise<RowOutcome>;

function rulesFor(collection: SyncCollection): Rules {
  switch (collection) {
    case 'work':
      return async (trx, station, doc, previous) => {
        await applyWork(trx, station, doc as never, previous as never);
        return { store: doc, answer: false };
      };
    case 'shipments':
      return async (trx, station, doc, previous) => {
        const wasDecided = previous?.status === 'accepted' || previous?.status === 'refused';
        if (doc.status !== 'confirmed' || wasDecided) {
          // Open shipments are the station's business; a decided one keeps its verdict.
          const kept = wasDecided
            ? {
                ...doc,
                status: previous.status,
                refusalReason: previous.refusalReason ?? null,
                refusal: previous.refusal ?? null,
              }
            : doc;
          if (previous?.status === 'accepted') await recordLateTrackingNumbers(trx, doc as never);
          return { store: kept, answer: wasDecided && !sameDocument(kept, doc) };
        }
        const verdict = await confirmShipment(trx, station, doc as never);
        const decided = {
          ...doc,
          status: verdict.status,
          refusalReason: verdict.status === 'refused' ? verdict.reason : null,
          refusal: verdict.status === 'refused' ? verdict.refusal : null,
        };
        return { store: decided, answer: true };
      };
    case 'returns':
      return async (trx, station, doc, previous) => {
        const decided = await applyReturnReceipt(trx, station, doc as never, previous as never);
        return { store: decided, answer: !sameDocument(decided, doc) };
      };
    default:
      return async () => ({ store: null, answer: false });
  }
}
