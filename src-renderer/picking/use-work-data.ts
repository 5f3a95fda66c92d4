// Live reads of the documents one order's work needs. `undefined` while loading, `null` when absent.
import { useEffect, useState } from 'react';
import type { FulfillmentDoc, WorkDoc } from '../../shared/sync/documents';
import { workDocId } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';

export function useFulfillment(
  db: StationDatabase | null,
  id: string,
): FulfillmentDoc | null | undefined {
  const [fulfillment, setFulfillment] = useState<FulfillmentDoc | null | undefined>(undefined);
  useEffect(() => {
    if (!db) return;
    const sub = db.fulfillments
      .findOne(id)
      .$.subscribe((doc) => setFulfillment(doc ? (doc.toJSON() as FulfillmentDoc) : null));
    return () => sub.unsubscribe();
  }, [db, id]);
  return fulfillment;
}

/** This station's progress on a fulfillment (another station's progress is its own document). */
export function useWork(
  db: StationDatabase | null,
  fulfillmentId: string,
  stationId: string,
): WorkDoc | null | undefined {
  const [work, setWork] = useState<WorkDoc | null | undefined>(undefined);
  useEffect(() => {
    if (!db) return;
    const sub = db.work
      .findOne(workDocId(fulfillmentId, stationId))
      .$.subscribe((doc) => setWork(doc ? (doc.toJSON() as WorkDoc) : null));
    return () => sub.unsubscribe();
  }, [db, fulfillmentId, stationId]);
  return work;
}
