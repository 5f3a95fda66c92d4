// Picking as plain functions over the WorkDoc: every scan gives the next WorkDoc (persisted as it
// happens) and an outcome the screen turns into a message and a sound. A wrong item, an unknown
// code or more than the line needs never counts.
import { scannedGtin, type ScanResult } from '../../shared/barcodes';
import type { FulfillmentDoc, WorkDoc } from '../../shared/sync/documents';
import { workDocId } from '../../shared/sync/documents';

export type PickLine = FulfillmentDoc['lines'][number];
export type ShortReason = WorkDoc['shorts'][number]['reason'];
export const shortReasons: readonly ShortReason[] = [
  'not_found',
  'damaged',
  'wrong_item_in_bin',
  'other',
];

export interface PickContext {
  /** The order's lines in walk order (see walkOrder). */
  lines: readonly PickLine[];
  skuByGtin: ReadonlyMap<string, string>;
  operatorId: string;
  now(): string;
}

export interface PickProgress {
  work: WorkDoc;
  /** The bin the packer last confirmed by scanning it; held on screen only. */
  bin: string | null;
}

export type PickOutcome =
  | { kind: 'bin-confirmed'; bin: string }
  | { kind: 'wrong-bin'; scanned: string; expected: string | null }
  | { kind: 'scan-bin-first'; bin: string }
  | { kind: 'picked'; lineId: string; sku: string; quantity: number; remaining: number }
  | { kind: 'shorted'; lineId: string; sku: string; quantity: number }
  | { kind: 'wrong-item'; sku: string }
  | { kind: 'unknown-item' }
  | { kind: 'over-pick'; sku: string }
  | { kind: 'invalid'; code: string; message: string }
  | { kind: 'not-expected' };

export interface PickStep {
  progress: PickProgress;
  outcome: PickOutcome;
}

export function newWork(fulfillmentId: string, stationId: string, operatorId: string): WorkDoc {
  return {
    id: workDocId(fulfillmentId, stationId),
    fulfillmentId,
    stationId,
    operatorId,
    stage: 'picking',
    picked: {},
    shorts: [],
    updatedAt: 0,
  };
}

/** The order a packer walks the warehouse: by the bins' walk sequence, lines without a bin last. */
export function walkOrder(lines: readonly PickLine[]): PickLine[] {
  return [...lines].sort(
    (a, b) =>
      Number(a.bin === null) - Number(b.bin === null) ||
      a.walkSequence - b.walkSequence ||
      (a.bin ?? '').localeCompare(b.bin ?? '') ||
      a.lineId.localeCompare(b.lineId),
  );
}

export function shortedQuantity(work: WorkDoc, lineId: string): number {
  return work.shorts.filter((s) => s.lineId === lineId).reduce((sum, s) => sum + s.quantity, 0);
}

export function remainingToPick(line: PickLine, work: WorkDoc): number {
  return Math.max(
    0,
    line.quantity - (work.picked[line.lineId] ?? 0) - shortedQuantity(work, line.lineId),
  );
}

/** The first line in walk order that still needs picking, or null when every line is handled. */
export function nextLine(lines: readonly PickLine[], work: WorkDoc): PickLine | null {
  return lines.find((line) => remainingToPick(line, work) > 0) ?? null;
}

export function isPickComplete(lines: readonly PickLine[], work: WorkDoc): boolean {
  return nextLine(lines, work) === null;
}

function sameBin(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

function scanBin(ctx: PickContext, progress: PickProgress, bin: string): PickStep {
  const open = ctx.lines.filter((line) => remainingToPick(line, progress.work) > 0);
  const match = open.find((line) => line.bin !== null && sameBin(line.bin, bin));
  if (!match?.bin)
    return {
      progress,
      outcome: { kind: 'wrong-bin', scanned: bin, expected: open[0]?.bin ?? null },
    };
  return {
    progress: { ...progress, bin: match.bin },
    outcome: { kind: 'bin-confirmed', bin: match.bin },
  };
}

/** Counts `quantity` of a line if the line still needs that many; over-picks never count. */
export function addPicked(progress: PickProgress, line: PickLine, quantity: number): PickStep {
  const remaining = remainingToPick(line, progress.work);
  if (quantity < 1 || quantity > remaining)
    return { progress, outcome: { kind: 'over-pick', sku: line.sku } };
  const picked = {
    ...progress.work.picked,
    [line.lineId]: (progress.work.picked[line.lineId] ?? 0) + quantity,
  };
  return {
    progress: { ...progress, work: { ...progress.work, picked } },
    outcome: {
      kind: 'picked',
      lineId: line.lineId,
      sku: line.sku,
      quantity,
      remaining: remaining - quantity,
    },
  };
}

function scanItem(
  ctx: PickContext,
  progress: PickProgress,
  gtin: string,
  quantity: number,
): PickStep {
  const sku = ctx.skuByGtin.get(gtin);
  if (sku === undefined) return { progress, outcome: { kind: 'unknown-item' } };
  const ofSku = ctx.lines.filter((line) => line.sku === sku);
  if (ofSku.length === 0) return { progress, outcome: { kind: 'wrong-item', sku } };
  const open = ofSku.filter((line) => remainingToPick(line, progress.work) > 0);
  if (open.length === 0) return { progress, outcome: { kind: 'over-pick', sku } };
  const here = open.find(
    (line) => line.bin === null || (progress.bin !== null && sameBin(line.bin, progress.bin)),
  );
  if (!here) return { progress, outcome: { kind: 'scan-bin-first', bin: open[0]?.bin ?? '' } };
  return addPicked(progress, here, quantity);
}

/** One scan while picking. Commands are the screen's business and come back as not-expected. */
export function applyPickScan(
  ctx: PickContext,
  progress: PickProgress,
  scan: ScanResult,
): PickStep {
  if (scan.kind === 'bin') return scanBin(ctx, progress, scan.code);
  if (scan.kind === 'invalid')
    return { progress, outcome: { kind: 'invalid', code: scan.code, message: scan.message } };
  if (scan.kind === 'unknown') return { progress, outcome: { kind: 'unknown-item' } };
  const gtin = scannedGtin(scan);
  if (gtin === undefined) return { progress, outcome: { kind: 'not-expected' } };
  const count = scan.kind === 'gs1' ? (scan.count ?? 1) : 1;
  return scanItem(ctx, progress, gtin, count);
}

/** Records what is missing on a line (all of its remaining quantity) with the packer's reason. */
export function shortPick(
  ctx: PickContext,
  progress: PickProgress,
  line: PickLine,
  reason: ShortReason,
  note: string | null = null,
): PickStep {
  const quantity = remainingToPick(line, progress.work);
  if (quantity === 0) return { progress, outcome: { kind: 'not-expected' } };
  const short = {
    lineId: line.lineId,
    sku: line.sku,
    quantity,
    reason,
    note,
    operatorId: ctx.operatorId,
    at: ctx.now(),
  };
  return {
    progress: { ...progress, work: { ...progress.work, shorts: [...progress.work.shorts, short] } },
    outcome: { kind: 'shorted', lineId: line.lineId, sku: line.sku, quantity },
  };
}
