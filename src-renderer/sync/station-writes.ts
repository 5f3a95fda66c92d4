// Every write the station makes to a document it owns (work, shipments, returns) goes through here, so each
// one carries `updatedAt: 0`: "waiting to be sent". The central OMS stamps it when it accepts it,
// and the sync indicator counts the zeros, so the count survives a restart.
import type { ReturnReceiptDoc, ShipmentDoc, WorkDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';

/** A station-written version of a document: same fields, not yet stamped by the central OMS. */
export function unsent<T extends { updatedAt: number }>(doc: T): T {
  return { ...doc, updatedAt: 0 };
}

/**
 * Writes are chained per document so rapid scans land in the order they were made, each one a
 * whole document computed from the one before (never a stale read-modify-write).
 */
const chains = new Map<string, Promise<unknown>>();

function inOrder<T>(key: string, write: () => Promise<T>): Promise<T> {
  const previous = chains.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(write);
  chains.set(key, next);
  void next.finally(() => {
    if (chains.get(key) === next) chains.delete(key);
  });
  return next;
}

export function saveWork(db: StationDatabase, work: WorkDoc): Promise<WorkDoc> {
  return inOrder(`work:${work.id}`, async () =>
    (await db.work.upsert(unsent(work))).toMutableJSON(),
  );
}

export function saveShipment(db: StationDatabase, shipment: ShipmentDoc): Promise<ShipmentDoc> {
  return inOrder(`shipment:${shipment.id}`, async () =>
    (await db.shipments.upsert(unsent(shipment))).toMutableJSON(),
  );
}

export function saveReturnReceipt(
  db: StationDatabase,
  receipt: ReturnReceiptDoc,
): Promise<ReturnReceiptDoc> {
  return inOrder(`return:${receipt.id}`, async () =>
    (await db.returns.upsert(unsent(receipt))).toMutableJSON(),
  );
}
