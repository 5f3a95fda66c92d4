// Live reads for put-back tasks: this station's shipments of one fulfillment (the work screen),
// and every put-back task of the station (the queue's problems).
import { useEffect, useState } from 'react';
import type { FulfillmentDoc, ShipmentDoc, WorkDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { putBackTask, type PutBackTask } from './put-back-rules';

export function useStationShipments(
  db: StationDatabase,
  fulfillmentId: string,
  stationId: string,
): ShipmentDoc[] | undefined {
  const [shipments, setShipments] = useState<ShipmentDoc[] | undefined>(undefined);
  useEffect(() => {
    const sub = db.shipments
      .find({ selector: { fulfillmentId } })
      .$.subscribe((docs) =>
        setShipments(
          docs.map((d) => d.toJSON() as ShipmentDoc).filter((s) => s.stationId === stationId),
        ),
      );
    return () => sub.unsubscribe();
  }, [db, fulfillmentId, stationId]);
  return shipments;
}

/**
 * Work of this station that may need putting back: not put back yet, and given back, not done, or
 * done for an order cancelled since (its shipment confirmed but refused).
 */
function mayNeedPutBack(work: WorkDoc, cancelled: ReadonlySet<string>): boolean {
  return (
    !work.putBackAt &&
    (Boolean(work.release) || work.stage !== 'done' || cancelled.has(work.fulfillmentId))
  );
}

/** The station's put-back tasks that have goods or cartons to deal with, live. */
export function usePutBackTasks(db: StationDatabase, stationId: string): PutBackTask[] {
  const [allWorks, setAllWorks] = useState<WorkDoc[]>([]);
  const [cancelled, setCancelled] = useState<ReadonlySet<string>>(new Set());
  const [fulfillments, setFulfillments] = useState<Map<string, FulfillmentDoc>>(new Map());
  const [shipments, setShipments] = useState<ShipmentDoc[]>([]);
  useEffect(() => {
    const sub = db.work
      .find({ selector: { stationId } })
      .$.subscribe((docs) => setAllWorks(docs.map((d) => d.toJSON() as WorkDoc)));
    const cancels = db.fulfillments
      .find({ selector: { cancelRequested: true } })
      .$.subscribe((docs) => setCancelled(new Set(docs.map((d) => d.id))));
    return () => {
      sub.unsubscribe();
      cancels.unsubscribe();
    };
  }, [db, stationId]);
  const works = allWorks.filter((work) => mayNeedPutBack(work, cancelled));
  const key = works.map((w) => w.fulfillmentId).join(',');
  useEffect(() => {
    if (key === '') return setFulfillments(new Map());
    const ids = key.split(',');
    const byId = db.fulfillments
      .findByIds(ids)
      .$.subscribe((docs) =>
        setFulfillments(
          new Map([...docs.values()].map((d) => [d.id, d.toJSON() as FulfillmentDoc])),
        ),
      );
    const cartons = db.shipments
      .find({ selector: { fulfillmentId: { $in: ids } } })
      .$.subscribe((docs) => setShipments(docs.map((d) => d.toJSON() as ShipmentDoc)));
    return () => {
      byId.unsubscribe();
      cartons.unsubscribe();
    };
  }, [db, key]);
  return works.flatMap((work) => {
    const fulfillment = fulfillments.get(work.fulfillmentId);
    const task = fulfillment ? putBackTask(work, fulfillment, shipments) : null;
    return task && (task.items.length > 0 || task.cartons.length > 0) ? [task] : [];
  });
}
