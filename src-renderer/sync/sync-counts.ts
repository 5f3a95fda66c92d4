// Live counts for the sync indicator, straight from the local database: station-written documents
// the central OMS has not stamped yet (updatedAt 0) are waiting to be sent; refused shipments
// need a person until their labels are voided. The time of the last document that arrived is kept too (diagnostics, benchmarks).
import { combineLatest, map, merge } from 'rxjs';
import type { ShipmentDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { isShipmentSettled } from '../packing/carton-rules';
import { useSync } from './sync-store';

export function watchSyncCounts(db: StationDatabase): () => void {
  const subscription = combineLatest([
    db.work.count({ selector: { updatedAt: 0 } }).$,
    db.shipments.count({ selector: { updatedAt: 0 } }).$,
    db.shipments
      .find({ selector: { status: 'refused' } })
      .$.pipe(
        map((docs) => docs.filter((d) => !isShipmentSettled(d.toJSON() as ShipmentDoc)).length),
      ),
    db.returns.count({ selector: { updatedAt: 0 } }).$,
    db.returns.count({ selector: { status: 'refused' } }).$,
  ]).subscribe({
    next: ([work, shipments, refusedShipments, receipts, refusedReceipts]) =>
      useSync.getState().setCounts(work + shipments + receipts, refusedShipments + refusedReceipts),
    // A count RxDB cannot serve (no index) must be loud, not a silent "all changes sent".
    error: (err: unknown) =>
      useSync
        .getState()
        .failed(`Sync counts unavailable: ${err instanceof Error ? err.message : String(err)}`),
  });
  // Documents arriving from the central OMS (central-owned collections are only written by sync).
  const arrivals = merge(
    db.fulfillments.eventBulks$,
    db.products.eventBulks$,
    db.bins.eventBulks$,
    db.operators.eventBulks$,
  ).subscribe(() => useSync.getState().received(Date.now()));
  return () => {
    subscription.unsubscribe();
    arrivals.unsubscribe();
  };
}
