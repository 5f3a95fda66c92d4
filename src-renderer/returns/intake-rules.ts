// The returns desk's decisions as plain functions: how a scanned unit matches the RMA (expected,
// wrong item, extra), which disposition a grade suggests, what each scan means at each step of
// grading an item, and how the receipt grows. The screen only applies these to RxDB.
import { scannedGtin, type ScanResult } from '../../shared/barcodes';
import type {
  ReturnDisposition,
  ReturnGrade,
  ReturnItem,
  ReturnReceiptDoc,
  RmaDoc,
} from '../../shared/sync/documents';
import type { FeedbackMessage } from '../picking/pick-feedback';
import type { BinIndex } from './restock-bins';

export const GRADES: readonly ReturnGrade[] = ['A', 'B', 'C', 'D'];
export const DISPOSITIONS: readonly ReturnDisposition[] = [
  'restock',
  'quarantine',
  'scrap',
  'return_to_vendor',
];
export type ItemMatch = ReturnItem['match'];

/** One scanned unit being graded; kept as a draft (grading-drafts.ts) so a reload resumes the prompt. */
export interface PendingItem {
  sku: string;
  match: ItemMatch;
  grade: ReturnGrade | null;
  disposition: ReturnDisposition | null;
  note: string;
  /** UNDO of the receipt's last item puts it back here; committing replaces it. */
  replaces: string | null;
  /** A bin holding other SKUs was scanned for the restock: scanning it again confirms it. */
  binToConfirm: string | null;
}

export type IntakeStep = 'item' | 'grade' | 'disposition' | 'bin';

export function intakeStep(pending: PendingItem | null): IntakeStep {
  if (!pending) return 'item';
  if (!pending.grade) return 'grade';
  if (!pending.disposition) return 'disposition';
  return 'bin';
}

/**
 * How one more unit of `sku` compares with the RMA, given the units already on the receipt. `rma`
 * counts what arrived before this parcel (parcel-counts.ts). A parcel without an RMA has nothing
 * authorised, so each unit counts as not what was authorised.
 */
export function matchScannedSku(
  rma: RmaDoc | null,
  items: readonly ReturnItem[],
  sku: string,
): ItemMatch {
  const lines = rma?.lines.filter((l) => l.sku === sku) ?? [];
  if (lines.length === 0) return 'wrong_item';
  const open = lines.reduce((n, l) => n + Math.max(0, l.quantity - l.receivedQuantity), 0);
  const taken = items
    .filter((i) => i.sku === sku && i.match === 'expected')
    .reduce((n, i) => n + i.quantity, 0);
  return taken < open ? 'expected' : 'extra';
}

/**
 * What a grade suggests: A back on the shelf, B too (open box sells), C held for inspection, D
 * back to the vendor. What the RMA did not authorise is held for customer service whatever its grade.
 */
export function defaultDisposition(grade: ReturnGrade, match: ItemMatch): ReturnDisposition {
  if (match !== 'expected') return 'quarantine';
  return ({ A: 'restock', B: 'restock', C: 'quarantine', D: 'return_to_vendor' } as const)[grade];
}

export function needsBin(disposition: ReturnDisposition): boolean {
  return disposition === 'restock';
}

export interface IntakeContext {
  skuByGtin: ReadonlyMap<string, string>;
  /** Bin codes of this warehouse (the `bins` collection). */
  binCodes: ReadonlySet<string>;
  /** Which SKUs are stocked in which bins here (the `products` collection). */
  bins: BinIndex;
}

export type IntakeScan =
  | { kind: 'item'; sku: string }
  | { kind: 'bin'; code: string }
  | { kind: 'refused'; message: FeedbackMessage }
  | { kind: 'pass' };

/** Reads a scan at the current step. Commands and RMA codes pass: the screen decides those. */
export function readIntakeScan(
  step: IntakeStep,
  result: ScanResult,
  ctx: IntakeContext,
): IntakeScan {
  const refused = (
    tone: FeedbackMessage['tone'],
    key: string,
    values?: FeedbackMessage['values'],
  ): IntakeScan => ({ kind: 'refused', message: { tone, key, values } });
  if (result.kind === 'command' || result.kind === 'rma') return { kind: 'pass' };
  if (result.kind === 'invalid')
    return refused(
      'error',
      result.code === 'bad-check-digit' ? 'scan.badCheckDigit' : 'scan.invalidCode',
      { message: result.message },
    );
  const gtin = scannedGtin(result);
  if (step === 'bin') {
    if (gtin) return refused('error', 'returns.itemWhereBinExpected');
    if (result.kind !== 'bin') return refused('warning', 'returns.scanBin');
    if (!ctx.binCodes.has(result.code))
      return refused('error', 'returns.unknownBin', { bin: result.code });
    return { kind: 'bin', code: result.code };
  }
  if (step === 'grade') return refused('warning', 'returns.gradeFirst');
  if (step === 'disposition') return refused('warning', 'returns.dispositionFirst');
  if (result.kind === 'bin')
    return refused('error', 'returns.binWhereItemExpected', { bin: result.code });
  if (!gtin) return refused('warning', 'returns.scanItem');
  const sku = ctx.skuByGtin.get(gtin);
  if (!sku) return refused('error', 'returns.unknownProduct');
  return { kind: 'item', sku };
}

export function pendingFor(
  rma: RmaDoc | null,
  items: readonly ReturnItem[],
  sku: string,
): PendingItem {
  return {
    sku,
    match: matchScannedSku(rma, items, sku),
    grade: null,
    disposition: null,
    note: '',
    replaces: null,
    binToConfirm: null,
  };
}

/** Item ids are short (I1, I2…) because they are printed on the quarantine intake label. */
export function nextItemId(items: readonly ReturnItem[]): string {
  const numbers = items.map((i) => Number(/^I(\d+)$/.exec(i.id)?.[1] ?? 0));
  return `I${Math.max(0, ...numbers) + 1}`;
}

/** The graded unit as a receipt line; refuses (throws) one that is not ready, so nothing half-graded is stored. */
export function itemFrom(pending: PendingItem, id: string, binCode: string | null): ReturnItem {
  if (!pending.grade || !pending.disposition) throw new Error(`${pending.sku} is not graded yet`);
  if (needsBin(pending.disposition) && !binCode)
    throw new Error(`${pending.sku} is restocked but no bin was scanned`);
  return {
    id,
    sku: pending.sku,
    quantity: 1,
    grade: pending.grade,
    note: pending.note.trim() ? pending.note.trim().slice(0, 500) : null,
    disposition: pending.disposition,
    binCode: needsBin(pending.disposition) ? binCode : null,
    match: pending.match,
  };
}

export interface ReceiptStart {
  id: string;
  rmaId: string | null;
  stationId: string;
  operatorId: string;
  receivedAt: string;
}

/** Adds a graded item, starting the receipt with the parcel's first item (a receipt is never empty). */
export function withItem(
  receipt: ReturnReceiptDoc | null,
  start: ReceiptStart,
  item: ReturnItem,
  replaces: string | null,
): ReturnReceiptDoc {
  if (!receipt) {
    return {
      ...start,
      items: [item],
      note: null,
      status: 'open',
      refusalReason: null,
      refusal: null,
      refundMinor: null,
      updatedAt: 0,
    };
  }
  return { ...receipt, items: [...receipt.items.filter((i) => i.id !== replaces), item] };
}

export type UndoResult = { receipt: ReturnReceiptDoc; pending: PendingItem | null };

/**
 * UNDO takes the last item off the receipt. The only item cannot go (a receipt is never empty):
 * it comes back to be graded again instead, and stays on the receipt until it is.
 */
export function undoLastItem(receipt: ReturnReceiptDoc): UndoResult {
  const last = receipt.items.at(-1)!;
  if (receipt.items.length > 1)
    return { receipt: { ...receipt, items: receipt.items.slice(0, -1) }, pending: null };
  return {
    receipt,
    pending: {
      sku: last.sku,
      match: last.match,
      grade: null,
      disposition: null,
      note: last.note ?? '',
      replaces: last.id,
      binToConfirm: null,
    },
  };
}

export type ReceiptState = 'open' | 'waiting' | 'sent' | 'accepted' | 'refused';

/** What the packer is told about a receipt: waiting to be sent until the central OMS stamped it. */
export function receiptState(receipt: ReturnReceiptDoc): ReceiptState {
  if (receipt.status === 'accepted' || receipt.status === 'refused' || receipt.status === 'open')
    return receipt.status;
  return receipt.updatedAt === 0 ? 'waiting' : 'sent';
}

export function submitReceipt(receipt: ReturnReceiptDoc, note: string): ReturnReceiptDoc {
  return { ...receipt, status: 'submitted', note: note.trim() ? note.trim().slice(0, 500) : null };
}

/** A refused receipt may be corrected and sent again; an accepted one is final. */
export function reopenReceipt(receipt: ReturnReceiptDoc): ReturnReceiptDoc {
  if (receipt.status !== 'refused')
    throw new Error(
      `receipt ${receipt.id} is ${receipt.status}; only a refused receipt can be corrected`,
    );
  return { ...receipt, status: 'open', refusalReason: null, refusal: null };
}

export interface LineProgress {
  rmaLineId: string;
  sku: string;
  name: string;
  authorised: number;
  /** Received before this parcel plus this parcel's expected units. */
  received: number;
}

export function lineProgress(rma: RmaDoc, items: readonly ReturnItem[]): LineProgress[] {
  const scanned = new Map<string, number>();
  for (const item of items.filter((i) => i.match === 'expected'))
    scanned.set(item.sku, (scanned.get(item.sku) ?? 0) + item.quantity);
  return rma.lines.map((line) => {
    const open = Math.max(0, line.quantity - line.receivedQuantity);
    const take = Math.min(open, scanned.get(line.sku) ?? 0);
    scanned.set(line.sku, (scanned.get(line.sku) ?? 0) - take);
    return {
      rmaLineId: line.rmaLineId,
      sku: line.sku,
      name: line.name,
      authorised: line.quantity,
      received: line.receivedQuantity + take,
    };
  });
}
