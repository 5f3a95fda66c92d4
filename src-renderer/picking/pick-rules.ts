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
  return [...lines].sort((a, b) => compareWalk(a, b) || a.lineId.localeCompare(b.lineId));
}

/** Compares two lines' bins by walk sequence; lines without a bin come last. */
export function compareWalk(a: PickLine, b: PickLine): number {
  return (
    Number(a.bin === null) - Number(b.bin === null) ||
    a.walkSequence - b.walkSequence ||
    (a.bin ?? '').localeCompare(b.bin ?? '')
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

/** A scanned bin against the lines still open: confirmed if one of them is there, else where to go. */
export function confirmBin(
  open: readonly PickLine[],
  bin: string,
): Extract<PickOutcome, { kind: 'bin-confirmed' | 'wrong-bin' }> {
  const match = open.find((line) => line.bin !== null && sameBin(line.bin, bin));
  return match?.bin
    ? { kind: 'bin-confirmed', bin: match.bin }
    : { kind: 'wrong-bin', scanned: bin, expected: open[0]?.bin ?? null };
}

/** The first of the open lines an item may be picked for from the confirmed bin (or no bin at all). */
export function openLineAt<L extends PickLine>(
  open: readonly L[],
  bin: string | null,
): L | undefined {
  return open.find((line) => line.bin === null || (bin !== null && sameBin(line.bin, bin)));
}

function scanBin(ctx: PickContext, progress: PickProgress, bin: string): PickStep {
  const open = ctx.lines.filter((line) => remainingToPick(line, progress.work) > 0);
  const outcome = confirmBin(open, bin);
  return {
    progress: outcome.kind === 'bin-confirmed' ? { ...progress, bin: outcome.bin } : progress,
    outcome,
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

/**
 * Which open line a scanned SKU is picked for from the confirmed bin, or why it is not: unknown,
 * not wanted at all, already complete, or wanted from another bin. Shared with batch picking.
 */
export function lineForItem<L extends PickLine>(
  lines: readonly L[],
  sku: string | undefined,
  remaining: (line: L) => number,
  bin: string | null,
): { line: L } | { outcome: PickOutcome } {
  if (sku === undefined) return { outcome: { kind: 'unknown-item' } };
  const ofSku = lines.filter((line) => line.sku === sku);
  if (ofSku.length === 0) return { outcome: { kind: 'wrong-item', sku } };
  const open = ofSku.filter((line) => remaining(line) > 0);
  if (open.length === 0) return { outcome: { kind: 'over-pick', sku } };
  const here = openLineAt(open, bin);
  if (!here) return { outcome: { kind: 'scan-bin-first', bin: open[0]?.bin ?? '' } };
  return { line: here };
}

/** What a scan means while picking: a bin, an item (with its count), or an outcome at once. */
export type PickInput =
  | { kind: 'bin'; code: string }
  | { kind: 'item'; gtin: string; quantity: number }
  | { kind: 'refused'; outcome: PickOutcome };

export function readPickScan(scan: ScanResult): PickInput {
  if (scan.kind === 'bin') return { kind: 'bin', code: scan.code };
  if (scan.kind === 'invalid')
    return {
      kind: 'refused',
      outcome: { kind: 'invalid', code: scan.code, message: scan.message },
    };
  if (scan.kind === 'unknown') return { kind: 'refused', outcome: { kind: 'unknown-item' } };
  const gtin = scannedGtin(scan);
  if (gtin === undefined) return { kind: 'refused', outcome: { kind: 'not-expected' } };
  return { kind: 'item', gtin, quantity: scan.kind === 'gs1' ? (scan.count ?? 1) : 1 };
}

/** One scan while picking. Commands are the screen's business and come back as not-expected. */
export function applyPickScan(
  ctx: PickContext,
  progress: PickProgress,
  scan: ScanResult,
): PickStep {
  const input = readPickScan(scan);
  if (input.kind === 'bin') return scanBin(ctx, progress, input.code);
  if (input.kind === 'refused') return { progress, outcome: input.outcome };
  const found = lineForItem(
    ctx.lines,
    ctx.skuByGtin.get(input.gtin),
    (line) => remainingToPick(line, progress.work),
    progress.bin,
  );
  if ('outcome' in found) return { progress, outcome: found.outcome };
  return addPicked(progress, found.line, input.quantity);
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
