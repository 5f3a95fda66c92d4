// The station's batches in RxDB: there is no batch collection. A batch is the WorkDocs of this
// station that carry its id in `batch`, each with its order's tote.
import { useEffect, useState } from 'react';
import type { FulfillmentDoc, WorkDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { saveWork } from '../sync/station-writes';
import { isHeldWork, startedHere } from '../queue/put-back-rules';
import { isBatchWork, newBatchWork, selectBatch, type BatchWork } from './batch-rules';
import { toteHolders, type ToteHolder } from './tote-rules';

async function stationWorks(db: StationDatabase, stationId: string): Promise<WorkDoc[]> {
  const docs = await db.work.find({ selector: { stationId } }).exec();
  return docs.map((d) => d.toJSON() as WorkDoc);
}

async function fulfillmentsById(
  db: StationDatabase,
  ids: readonly string[],
): Promise<Map<string, FulfillmentDoc>> {
  const found = await db.fulfillments.findByIds([...new Set(ids)]).exec();
  return new Map([...found.values()].map((d) => [d.id, d.toJSON() as FulfillmentDoc]));
}

/**
 * Starts a batch of the next `size` orders of the queue nobody has started, saving one WorkDoc
 * per order (the central OMS then sees them being picked). Answers the batch id, or null when
 * there was nothing to batch.
 */
export async function createBatch(
  db: StationDatabase,
  queue: readonly Pick<FulfillmentDoc, 'id' | 'status'>[],
  stationId: string,
  operatorId: string,
  size: number,
): Promise<{ batchId: string; count: number } | null> {
  const started = new Set(
    (await stationWorks(db, stationId)).filter(startedHere).map((w) => w.fulfillmentId),
  );
  const chosen = selectBatch(queue, started, size);
  if (chosen.length === 0) return null;
  const batchId = crypto.randomUUID();
  const works = newBatchWork(
    chosen.map((f) => f.id),
    batchId,
    stationId,
    operatorId,
  );
  await Promise.all(works.map((work) => saveWork(db, work)));
  return { batchId, count: works.length };
}

/** The totes holding an order at this station, read when asked (a tote scan, a batch opened). */
export async function loadToteHolders(
  db: StationDatabase,
  stationId: string,
): Promise<ToteHolder[]> {
  const works = (await stationWorks(db, stationId)).filter(isBatchWork);
  return toteHolders(
    works,
    await fulfillmentsById(
      db,
      works.map((w) => w.fulfillmentId),
    ),
  );
}

export interface LoadedBatch {
  works: BatchWork[];
  /** Totes held by this station's other orders when the batch was opened. */
  holders: ToteHolder[];
}

/** A batch's WorkDocs as stored, read once: from then on the batch screen owns them. */
export function useBatch(
  db: StationDatabase,
  batchId: string,
  stationId: string,
): LoadedBatch | undefined {
  const [batch, setBatch] = useState<LoadedBatch | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void (async () => {
      const works = (await stationWorks(db, stationId))
        .filter(isBatchWork)
        .filter((w) => w.batch.id === batchId && isHeldWork(w));
      const holders = await loadToteHolders(db, stationId);
      if (live) setBatch({ works, holders });
    })();
    return () => {
      live = false;
    };
  }, [db, batchId, stationId]);
  return batch;
}

/** The batch's fulfillments, live: a cancellation from the central OMS shows up mid-walk. */
export function useBatchFulfillments(
  db: StationDatabase,
  ids: readonly string[],
): Map<string, FulfillmentDoc> | undefined {
  const [found, setFound] = useState<Map<string, FulfillmentDoc> | undefined>(undefined);
  const key = ids.join(',');
  useEffect(() => {
    if (key === '') return;
    const sub = db.fulfillments
      .findByIds(key.split(','))
      .$.subscribe((docs) =>
        setFound(new Map([...docs.values()].map((d) => [d.id, d.toJSON() as FulfillmentDoc]))),
      );
    return () => sub.unsubscribe();
  }, [db, key]);
  return found;
}

/** This station's unfinished batch (one still being picked), live, for "Resume batch". */
export function useOpenBatch(db: StationDatabase, stationId: string): string | null {
  const [batchId, setBatchId] = useState<string | null>(null);
  useEffect(() => {
    const sub = db.work.find({ selector: { stationId, stage: 'picking' } }).$.subscribe((docs) => {
      const open = docs
        .map((d) => d.toJSON() as WorkDoc)
        .filter(isHeldWork)
        .find(isBatchWork);
      setBatchId(open?.batch.id ?? null);
    });
    return () => sub.unsubscribe();
  }, [db, stationId]);
  return batchId;
}

/** Whether work of the open batch (these orders) was given back meanwhile: a lead, a timeout. */
export function useBatchGivenBack(
  db: StationDatabase,
  fulfillmentIds: readonly string[],
  stationId: string,
): boolean {
  const [givenBack, setGivenBack] = useState(false);
  const key = fulfillmentIds.join(',');
  useEffect(() => {
    if (key === '') return;
    const ids = new Set(key.split(','));
    const sub = db.work
      .find({ selector: { stationId } })
      .$.subscribe((docs) =>
        setGivenBack(
          docs
            .map((d) => d.toJSON() as WorkDoc)
            .some((w) => ids.has(w.fulfillmentId) && Boolean(w.release) && !w.putBackAt),
        ),
      );
    return () => sub.unsubscribe();
  }, [db, key, stationId]);
  return givenBack;
}
