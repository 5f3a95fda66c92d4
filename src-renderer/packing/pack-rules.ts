// Scan-to-verify packing as plain functions over the ShipmentDoc: every scan gives the next
// shipment (persisted as it happens) and an outcome the screen turns into a message and a sound.
// Only an item of this order, still owed, with its required lot/expiry/serial, ever counts.
import { scannedGtin, type Gs1Scan, type ScanResult } from '../../shared/barcodes';
import type { Carton, ProductDoc, ShipmentDoc } from '../../shared/sync/documents';

export type CartonItem = Carton['items'][number];
export type TraceField = 'lot' | 'expiry' | 'serial';

export interface PackLine {
  lineId: string;
  sku: string;
  name: string;
  /** What was picked for the line (shorts excluded): what must go into cartons. */
  expected: number;
  unitWeightGrams: number;
}

export type TraceRules = Pick<ProductDoc, 'requiresLot' | 'requiresExpiry' | 'requiresSerial'>;

export interface PackContext {
  lines: readonly PackLine[];
  skuByGtin: ReadonlyMap<string, string>;
  products: ReadonlyMap<string, TraceRules>;
}

export interface PackState {
  shipment: ShipmentDoc;
  /** The carton items go into; held on screen, defaults to the last unweighed carton. */
  activeCartonId: string | null;
}

export type PackOutcome =
  | {
      kind: 'packed';
      lineId: string;
      sku: string;
      packed: number;
      expected: number;
      cartonNumber: number;
    }
  | { kind: 'wrong-item'; sku: string }
  | { kind: 'over-scan'; sku: string }
  | { kind: 'unknown-barcode' }
  | { kind: 'bad-check-digit'; message: string }
  | { kind: 'invalid-code'; message: string }
  | { kind: 'open-carton-first' }
  | { kind: 'needs-trace'; sku: string; missing: TraceField[] }
  | { kind: 'duplicate-serial'; serial: string }
  | { kind: 'not-expected' };

export interface PackStep {
  state: PackState;
  outcome: PackOutcome;
}

export function packedQuantity(shipment: ShipmentDoc, lineId: string): number {
  return shipment.cartons.reduce(
    (sum, c) =>
      sum + c.items.filter((i) => i.lineId === lineId).reduce((s, i) => s + i.quantity, 0),
    0,
  );
}

/** The carton that receives items: the chosen one, else the last one not weighed yet. */
export function activeCarton(state: PackState): Carton | null {
  const chosen = state.shipment.cartons.find((c) => c.id === state.activeCartonId);
  if (chosen) return chosen;
  return [...state.shipment.cartons].reverse().find((c) => c.weightGrams === null) ?? null;
}

function missingTrace(product: TraceRules, scan: ScanResult): TraceField[] {
  const gs1 = scan.kind === 'gs1' ? scan : null;
  const missing: TraceField[] = [];
  if (product.requiresLot && !gs1?.lot) missing.push('lot');
  if (product.requiresExpiry && !gs1?.expiry) missing.push('expiry');
  if (product.requiresSerial && !gs1?.serial) missing.push('serial');
  return missing;
}

function sameTrace(
  item: CartonItem,
  trace: Pick<CartonItem, 'lot' | 'serial' | 'expiry'>,
): boolean {
  return item.lot === trace.lot && item.serial === trace.serial && item.expiry === trace.expiry;
}

function addToCarton(
  carton: Carton,
  lineId: string,
  sku: string,
  trace: Pick<CartonItem, 'lot' | 'serial' | 'expiry'>,
): Carton {
  const at = carton.items.findIndex((i) => i.lineId === lineId && sameTrace(i, trace));
  const items =
    at === -1
      ? [...carton.items, { lineId, sku, quantity: 1, ...trace }]
      : carton.items.map((item, index) =>
          index === at ? { ...item, quantity: item.quantity + 1 } : item,
        );
  return { ...carton, items };
}

function replaceCarton(state: PackState, carton: Carton): PackState {
  return {
    ...state,
    shipment: {
      ...state.shipment,
      cartons: state.shipment.cartons.map((c) => (c.id === carton.id ? carton : c)),
    },
  };
}

/** One scan while packing. Box codes and commands are the screen's business (they need an SSCC). */
export function applyPackScan(ctx: PackContext, state: PackState, scan: ScanResult): PackStep {
  const refuse = (outcome: PackOutcome): PackStep => ({ state, outcome });
  if (scan.kind === 'invalid') {
    return refuse(
      scan.code === 'bad-check-digit'
        ? { kind: 'bad-check-digit', message: scan.message }
        : { kind: 'invalid-code', message: scan.message },
    );
  }
  if (scan.kind === 'unknown') return refuse({ kind: 'unknown-barcode' });
  const gtin = scannedGtin(scan);
  if (gtin === undefined) return refuse({ kind: 'not-expected' });
  const sku = ctx.skuByGtin.get(gtin);
  if (sku === undefined) return refuse({ kind: 'unknown-barcode' });
  const ofSku = ctx.lines.filter((line) => line.sku === sku);
  if (ofSku.length === 0) return refuse({ kind: 'wrong-item', sku });
  const line = ofSku.find((l) => packedQuantity(state.shipment, l.lineId) < l.expected);
  if (!line) return refuse({ kind: 'over-scan', sku });
  const carton = activeCarton(state);
  if (!carton) return refuse({ kind: 'open-carton-first' });
  const product = ctx.products.get(sku) ?? {
    requiresLot: false,
    requiresExpiry: false,
    requiresSerial: false,
  };
  const missing = missingTrace(product, scan);
  if (missing.length > 0) return refuse({ kind: 'needs-trace', sku, missing });
  const gs1: Partial<Gs1Scan> = scan.kind === 'gs1' ? scan : {};
  const trace = { lot: gs1.lot ?? null, serial: gs1.serial ?? null, expiry: gs1.expiry ?? null };
  if (
    trace.serial !== null &&
    state.shipment.cartons.some((c) =>
      c.items.some((i) => i.sku === sku && i.serial === trace.serial),
    )
  ) {
    return refuse({ kind: 'duplicate-serial', serial: trace.serial });
  }
  const next = replaceCarton(
    { ...state, activeCartonId: carton.id },
    addToCarton(carton, line.lineId, sku, trace),
  );
  return {
    state: next,
    outcome: {
      kind: 'packed',
      lineId: line.lineId,
      sku,
      packed: packedQuantity(next.shipment, line.lineId),
      expected: line.expected,
      cartonNumber: next.shipment.cartons.findIndex((c) => c.id === carton.id) + 1,
    },
  };
}
