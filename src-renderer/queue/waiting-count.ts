// How many fulfillment orders wait at this station, kept live. RxDB refuses a count() its index
// cannot answer (error QU14: a `$in` selector is counted by reading every matching document), so
// each waiting status is counted on its own over the `status` index and the counts are added.
import { combineLatest, map, type Observable } from 'rxjs';
import type { FulfillmentDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';

/** The statuses of a fulfillment a packer may still start (see queue-rules.ts). */
export const waitingStatuses: readonly FulfillmentDoc['status'][] = ['released', 'picking'];

export function waitingCount$(db: Pick<StationDatabase, 'fulfillments'>): Observable<number> {
  return combineLatest(
    waitingStatuses.map((status) => db.fulfillments.count({ selector: { status } }).$),
  ).pipe(map((counts) => counts.reduce((sum, count) => sum + count, 0)));
}
