// Batch picking as plain functions: several fulfillments in one walk, one tote each. Each order's
// progress stays in its own WorkDoc (with the batch and its tote in `batch`), so a scan changes one
// document, short picks reach the central OMS exactly as in single picking, and a reload resumes.
import type { ScanResult } from '../../shared/barcodes';
import type { BatchPick, FulfillmentDoc, WorkDoc } from '../../shared/sync/documents';
import { workDocId } from '../../shared/sync/documents';
import {
  addPicked,
  compareWalk,
  confirmBin,
  isPickComplete,
  lineForItem,
  openLineAt,
  readPickScan,
  remainingToPick,
  shortPick,
  type PickLine,
  type PickOutcome,
  type ShortReason,
} from './pick-rules';

export const defaultBatchSize = 3;
export const maxBatchSize = 8;

export type BatchWork = WorkDoc & { batch: BatchPick };

export function isBatchWork(work: WorkDoc): work is BatchWork {
  return Boolean(work.batch);
}

export type BatchFulfillment = Pick<
  FulfillmentDoc,
  'id' | 'orderNumber' | 'lines' | 'cancelRequested'
>;

/** One order of the batch: its fulfillment and this station's WorkDoc for it. */
export interface BatchOrder {
  fulfillment: BatchFulfillment;
  work: BatchWork;
}

/** A line of one of the batch's orders, with the order it belongs to. */
export type BatchLine = PickLine & {
  fulfillmentId: string;
  orderNumber: string;
  position: number;
};

export interface BatchProgress {
  /** The batch's WorkDocs by fulfillment id. */
  works: Readonly<Record<string, WorkDoc>>;
  /** The bin the packer last confirmed by scanning it; held on screen only. */
  bin: string | null;
}

/** Single picking's outcomes, but a picked item is said with the tote and order it goes to. */
export type BatchOutcome =
  | PickOutcome
  | {
      kind: 'into-tote';
      lineId: string;
      sku: string;
      quantity: number;
      remaining: number;
      tote: string;
      orderNumber: string;
    };

export interface BatchStep {
  progress: BatchProgress;
  outcome: BatchOutcome;
  /** The fulfillment whose WorkDoc changed, if one did. */
  changed: string | null;
}

export interface BatchContext {
  /** Every line of the batch's orders in walk order (see batchLines). */
  lines: readonly BatchLine[];
  skuByGtin: ReadonlyMap<string, string>;
  operatorId: string;
  now(): string;
}

/**
 * The next orders for a batch, as a WMS hands out a batch: from the top of the (filtered) queue,
 * only orders nobody has started: released, and without progress at this station.
 */
export function selectBatch<T extends Pick<FulfillmentDoc, 'id' | 'status'>>(
  queue: readonly T[],
  started: ReadonlySet<string>,
  size: number,
): T[] {
  return queue.filter((f) => f.status === 'released' && !started.has(f.id)).slice(0, size);
}

export function newBatchWork(
  fulfillmentIds: readonly string[],
  batchId: string,
  stationId: string,
  operatorId: string,
): BatchWork[] {
  return fulfillmentIds.map((fulfillmentId, position) => ({
    id: workDocId(fulfillmentId, stationId),
    fulfillmentId,
    stationId,
    operatorId,
    stage: 'picking',
    picked: {},
    shorts: [],
    batch: { id: batchId, position, tote: null },
    updatedAt: 0,
  }));
}

/** The batch's orders in the order totes are handed out, cancelled ones left out. */
export function activeOrders(orders: readonly BatchOrder[]): BatchOrder[] {
  return orders
    .filter((o) => !o.fulfillment.cancelRequested)
    .sort((a, b) => a.work.batch.position - b.work.batch.position);
}

/** The order that gets the next tote scanned, or null when every order has one. */
export function nextToteOrder(orders: readonly BatchOrder[]): BatchOrder | null {
  return activeOrders(orders).find((o) => o.work.batch.tote === null) ?? null;
}

/** All lines of the batch's (not cancelled) orders as one walk: by bin, then by tote order. */
export function batchLines(orders: readonly BatchOrder[]): BatchLine[] {
  return activeOrders(orders)
    .flatMap((o) =>
      o.fulfillment.lines.map((line) => ({
        ...line,
        fulfillmentId: o.fulfillment.id,
        orderNumber: o.fulfillment.orderNumber,
        position: o.work.batch.position,
      })),
    )
    .sort(
      (a, b) => compareWalk(a, b) || a.position - b.position || a.lineId.localeCompare(b.lineId),
    );
}

export function batchRemaining(line: BatchLine, progress: BatchProgress): number {
  const work = progress.works[line.fulfillmentId];
  return work ? remainingToPick(line, work) : 0;
}

/**
 * The line being worked: the first open one at the bin the packer confirmed, else the first open
 * one of the walk; null when the walk is done.
 */
export function currentBatchLine(
  lines: readonly BatchLine[],
  progress: BatchProgress,
): BatchLine | null {
  const open = lines.filter((line) => batchRemaining(line, progress) > 0);
  const inBins = open.filter((line) => line.bin !== null);
  return openLineAt(inBins, progress.bin) ?? open[0] ?? null;
}

export function toteOf(progress: BatchProgress, fulfillmentId: string): string {
  return progress.works[fulfillmentId]?.batch?.tote ?? '';
}

/** Whether one order of the batch has every line picked or shorted (then it goes to packing). */
export function isOrderPicked(lines: readonly BatchLine[], work: WorkDoc): boolean {
  return isPickComplete(
    lines.filter((line) => line.fulfillmentId === work.fulfillmentId),
    work,
  );
}

function withWork(progress: BatchProgress, work: WorkDoc): BatchProgress {
  return { ...progress, works: { ...progress.works, [work.fulfillmentId]: work } };
}

/** Counts `quantity` of a line into its order's tote; more than the line needs never counts. */
export function addBatchPicked(
  progress: BatchProgress,
  line: BatchLine,
  quantity: number,
): BatchStep {
  const work = progress.works[line.fulfillmentId];
  if (!work) return { progress, outcome: { kind: 'not-expected' }, changed: null };
  const step = addPicked({ work, bin: progress.bin }, line, quantity);
  if (step.outcome.kind !== 'picked') return { progress, outcome: step.outcome, changed: null };
  return {
    progress: withWork(progress, step.progress.work),
    outcome: {
      ...step.outcome,
      kind: 'into-tote',
      tote: toteOf(progress, line.fulfillmentId),
      orderNumber: line.orderNumber,
    },
    changed: line.fulfillmentId,
  };
}

/**
 * One scan during the walk, judged as in single picking over all the batch's lines: an item goes
 * to the first order in walk order that still needs it from the confirmed bin. Commands come back
 * as not-expected: they are the screen's.
 */
export function applyBatchScan(
  ctx: BatchContext,
  progress: BatchProgress,
  scan: ScanResult,
): BatchStep {
  const unchanged = (outcome: BatchOutcome): BatchStep => ({ progress, outcome, changed: null });
  const input = readPickScan(scan);
  if (input.kind === 'refused') return unchanged(input.outcome);
  if (input.kind === 'bin') {
    const open = ctx.lines.filter((line) => batchRemaining(line, progress) > 0);
    const outcome = confirmBin(open, input.code);
    if (outcome.kind === 'wrong-bin') return unchanged(outcome);
    return { progress: { ...progress, bin: outcome.bin }, outcome, changed: null };
  }
  const found = lineForItem(
    ctx.lines,
    ctx.skuByGtin.get(input.gtin),
    (line) => batchRemaining(line, progress),
    progress.bin,
  );
  if ('outcome' in found) return unchanged(found.outcome);
  return addBatchPicked(progress, found.line, input.quantity);
}

/** Records what is missing on one line, in that order's WorkDoc, exactly as single picking does. */
export function shortBatchLine(
  ctx: BatchContext,
  progress: BatchProgress,
  line: BatchLine,
  reason: ShortReason,
): BatchStep {
  const work = progress.works[line.fulfillmentId];
  if (!work) return { progress, outcome: { kind: 'not-expected' }, changed: null };
  const step = shortPick(ctx, { work, bin: progress.bin }, line, reason);
  if (step.progress.work === work) return { progress, outcome: step.outcome, changed: null };
  return {
    progress: withWork(progress, step.progress.work),
    outcome: step.outcome,
    changed: line.fulfillmentId,
  };
}
