// What the receiving screen decides, as plain functions: the PO's lines with what this station
// still has to send counted in, what a scan is (an item with its GS1 lot and expiry, a bin, the
// PO), and how far a quantity goes beyond what is still expected.
import { scannedGtin, scannedText, type ScanResult } from '../../shared/barcodes';
import type { QueuedReceivingScan, ReceivingOrder } from '../../shared/station-api';
import type { FeedbackMessage } from '../picking/pick-feedback';

export interface ReceivingLine {
  sku: string;
  ordered: number;
  /** Taken by the central OMS, plus this station's scans still waiting to be sent. */
  received: number;
  remaining: number;
  /** Not on the purchase order: scanned anyway, recorded as unexpected. */
  unexpected: boolean;
}

export function receivingLines(
  po: ReceivingOrder,
  queued: readonly QueuedReceivingScan[],
): ReceivingLine[] {
  const waiting = new Map<string, number>();
  for (const scan of queued)
    if (scan.poNumber === po.number)
      waiting.set(scan.sku, (waiting.get(scan.sku) ?? 0) + scan.quantity);
  const lines = po.lines.map((line) => {
    const received = line.receivedQuantity + (waiting.get(line.sku) ?? 0);
    waiting.delete(line.sku);
    return {
      sku: line.sku,
      ordered: line.quantity,
      received,
      remaining: Math.max(0, line.quantity - received),
      unexpected: false,
    };
  });
  const extra = [...waiting].map(([sku, received]) => ({
    sku,
    ordered: 0,
    received,
    remaining: 0,
    unexpected: true,
  }));
  return [...lines, ...extra];
}

/** Units of this scan beyond what the PO still expects of the SKU (all of them if it is not on it). */
export function overBy(lines: readonly ReceivingLine[], sku: string, quantity: number): number {
  const line = lines.find((l) => l.sku === sku && !l.unexpected);
  return line ? Math.max(0, quantity - line.remaining) : quantity;
}

export function isComplete(lines: readonly ReceivingLine[]): boolean {
  return lines.length > 0 && lines.every((l) => l.unexpected || l.remaining === 0);
}

export interface ScannedItem {
  sku: string;
  lot?: string;
  expiry?: string;
}

export type ReceivingScanMeaning =
  | { kind: 'item'; item: ScannedItem }
  | { kind: 'bin'; code: string }
  | { kind: 'po'; poNumber: string }
  | { kind: 'refused'; message: FeedbackMessage };

const PO_NUMBER = /^[A-Z0-9][A-Z0-9/_.-]{0,63}$/;

/** A typed or scanned PO number (a supplier's delivery note carries it as plain Code 128). */
export function poNumberFrom(text: string): string | null {
  const value = text.trim().toUpperCase();
  return PO_NUMBER.test(value) ? value : null;
}

/**
 * Reads a scan at the receiving screen: items by GTIN (GS1 codes bring their lot and expiry),
 * bins by code, anything else as a PO number. An SSCC names a pallet, not a PO: said so.
 */
export function readReceivingScan(
  result: ScanResult,
  raw: string,
  catalogue: {
    skuByGtin: ReadonlyMap<string, string>;
    /** Upper-case bin code → the bin's code as the warehouse spells it. */
    bins: ReadonlyMap<string, string>;
  },
): ReceivingScanMeaning {
  const gtin = scannedGtin(result);
  if (gtin) {
    const sku = catalogue.skuByGtin.get(gtin);
    if (!sku)
      return {
        kind: 'refused',
        message: { tone: 'error', key: 'receiving.unknownItem', values: { code: gtin } },
      };
    const item: ScannedItem = { sku };
    if (result.kind === 'gs1') {
      if (result.lot) item.lot = result.lot;
      if (result.expiry) item.expiry = result.expiry;
    }
    return { kind: 'item', item };
  }
  switch (result.kind) {
    case 'bin': {
      const code = catalogue.bins.get(result.code.toUpperCase());
      return code
        ? { kind: 'bin', code }
        : {
            kind: 'refused',
            message: { tone: 'error', key: 'receiving.unknownBin', values: { bin: result.code } },
          };
    }
    case 'sscc':
    case 'gs1':
      return { kind: 'refused', message: { tone: 'warning', key: 'receiving.palletNotPo' } };
    case 'invalid':
      return { kind: 'refused', message: { tone: 'error', key: 'receiving.invalidScan' } };
    case 'unknown': {
      const poNumber = poNumberFrom(scannedText(raw));
      return poNumber
        ? { kind: 'po', poNumber }
        : { kind: 'refused', message: { tone: 'warning', key: 'receiving.scanPo' } };
    }
    default:
      return { kind: 'refused', message: { tone: 'warning', key: 'receiving.scanPo' } };
  }
}
