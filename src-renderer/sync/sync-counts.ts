// Live counts for the sync indicator, straight from the local database: station-written documents
// the central OMS has not stamped yet (updatedAt 0) are waiting to be sent; refused shipments
// need a person.
import { combineLatest } from 'rxjs';
import type { StationDatabase } from '../db/database';
import { useSync } from './sync-store';

export function watchSyncCounts(db: StationDatabase): () => void {
  const subscription = combineLatest([
    db.work.count({ selector: { updatedAt: 0 } }).$,
    db.shipments.count({ selector: { updatedAt: 0 } }).$,
    db.shipments.count({ selector: { status: 'refused' } }).$,
  ]).subscribe(([work, shipments, refused]) => useSync.getState().setCounts(work + shipments, refused));
  return () => subscription.unsubscribe();
}
