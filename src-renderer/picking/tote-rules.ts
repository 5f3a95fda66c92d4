// Totes in a batch pick as plain functions: handing one to each order, and finding which order a
// scanned tote holds. A tote is recorded in the order's WorkDoc (`batch.tote`), nowhere else.
import type { WorkDoc } from '../../shared/sync/documents';
import {
  activeOrders,
  nextToteOrder,
  type BatchFulfillment,
  type BatchOrder,
  type BatchWork,
} from './batch-rules';

export type ToteOutcome =
  | { kind: 'tote-assigned'; tote: string; orderNumber: string }
  | { kind: 'tote-in-batch'; tote: string; orderNumber: string }
  | { kind: 'tote-busy'; tote: string; orderNumber: string }
  | { kind: 'totes-complete' };

/**
 * A tote scanned while totes are handed out goes to the next order without one. `busy` maps the
 * totes still holding another order at this station (not yet packed) to that order's number.
 */
export function assignTote(
  orders: readonly BatchOrder[],
  tote: string,
  busy: ReadonlyMap<string, string>,
): { work: BatchWork | null; outcome: ToteOutcome } {
  const next = nextToteOrder(orders);
  if (!next) return { work: null, outcome: { kind: 'totes-complete' } };
  const holder = activeOrders(orders).find((o) => o.work.batch.tote === tote);
  if (holder) {
    const orderNumber = holder.fulfillment.orderNumber;
    return { work: null, outcome: { kind: 'tote-in-batch', tote, orderNumber } };
  }
  const other = busy.get(tote);
  if (other !== undefined)
    return { work: null, outcome: { kind: 'tote-busy', tote, orderNumber: other } };
  return {
    work: { ...next.work, batch: { ...next.work.batch, tote } },
    outcome: { kind: 'tote-assigned', tote, orderNumber: next.fulfillment.orderNumber },
  };
}

/** Takes back the tote handed out last (a mis-scan), or null when none was handed out. */
export function undoLastTote(orders: readonly BatchOrder[]): BatchWork | null {
  const last = activeOrders(orders)
    .filter((o) => o.work.batch.tote !== null)
    .at(-1)?.work;
  return last ? { ...last, batch: { ...last.batch, tote: null } } : null;
}

/** Orders the central OMS cancelled after they got a tote: that tote must be set aside. */
export function cancelledTotes(
  orders: readonly BatchOrder[],
): { tote: string; orderNumber: string }[] {
  return orders.flatMap((o) =>
    o.fulfillment.cancelRequested && o.work.batch.tote !== null
      ? [{ tote: o.work.batch.tote, orderNumber: o.fulfillment.orderNumber }]
      : [],
  );
}

/** A tote that holds an order at this station: picked into it and not yet packed. */
export interface ToteHolder {
  tote: string;
  fulfillmentId: string;
  orderNumber: string;
  batchId: string;
  stage: WorkDoc['stage'];
  cancelled: boolean;
}

/**
 * The totes in use at this station, from its WorkDocs: a tote is free again once its order is
 * packed (stage `done`) or put back. Orders the station no longer knows are left out.
 */
export function toteHolders(
  works: readonly WorkDoc[],
  fulfillments: ReadonlyMap<string, BatchFulfillment>,
): ToteHolder[] {
  return works.flatMap((work) => {
    const fulfillment = fulfillments.get(work.fulfillmentId);
    const tote = work.batch?.tote;
    if (!work.batch || !tote || work.stage === 'done' || work.putBackAt || !fulfillment) return [];
    return [
      {
        tote,
        fulfillmentId: work.fulfillmentId,
        orderNumber: fulfillment.orderNumber,
        batchId: work.batch.id,
        stage: work.stage,
        // Work given back is set aside like a cancelled order's: its tote is to be put back.
        cancelled: fulfillment.cancelRequested || Boolean(work.release),
      },
    ];
  });
}

/** Totes another batch still needs, by tote, with their order: a cancelled order frees its tote. */
export function busyTotes(holders: readonly ToteHolder[], batchId: string): Map<string, string> {
  return new Map(
    holders
      .filter((h) => h.batchId !== batchId && !h.cancelled)
      .map((h) => [h.tote, h.orderNumber]),
  );
}

/** The order a scanned tote holds, preferring one that is still to be shipped over a cancelled one. */
export function orderInTote(holders: readonly ToteHolder[], tote: string): ToteHolder | null {
  const inTote = holders.filter((h) => h.tote === tote);
  return inTote.find((h) => !h.cancelled) ?? inTote[0] ?? null;
}
