// Cartons of one shipment: open, move items between, weigh, and the checks before confirming.
// Plain functions over the ShipmentDoc, like pack-rules.ts.
import type { Carton, ShipmentDoc } from '../../shared/sync/documents';
import { packedQuantity, type PackLine, type PackState } from './pack-rules';
import { checkWeight, expectedCartonWeight, type WeightTolerance } from './weight-rules';

export interface NewShipment {
  id: string;
  fulfillmentId: string;
  stationId: string;
  operatorId: string;
  carrier: string;
  service: string;
}

export function newShipment(fields: NewShipment): ShipmentDoc {
  return {
    ...fields,
    cartons: [],
    status: 'open',
    refusalReason: null,
    refusal: null,
    confirmedAt: null,
    updatedAt: 0,
  };
}

/** Opens a carton of a box type (with its SSCC) and makes it the one items go into. */
export function openCarton(
  state: PackState,
  carton: { id: string; sscc: string; boxType: string },
): PackState {
  const opened: Carton = {
    ...carton,
    weightGrams: null,
    items: [],
    trackingNumber: null,
    labelState: 'pending',
  };
  return {
    shipment: { ...state.shipment, cartons: [...state.shipment.cartons, opened] },
    activeCartonId: opened.id,
  };
}

export type MoveRefusal = 'same-carton' | 'no-such-carton' | 'no-such-item';

/**
 * Moves `quantity` units of one item row (by index) to another carton, keeping its lot, serial
 * and expiry. Both cartons' weights are cleared: they must be weighed again.
 */
export function moveItem(
  state: PackState,
  move: { fromCartonId: string; itemIndex: number; toCartonId: string; quantity?: number },
): { state: PackState; refusal: MoveRefusal | null } {
  const { cartons } = state.shipment;
  const from = cartons.find((c) => c.id === move.fromCartonId);
  const to = cartons.find((c) => c.id === move.toCartonId);
  if (!from || !to) return { state, refusal: 'no-such-carton' };
  if (from.id === to.id) return { state, refusal: 'same-carton' };
  const item = from.items[move.itemIndex];
  const quantity = move.quantity ?? 1;
  if (!item || quantity < 1 || quantity > item.quantity) return { state, refusal: 'no-such-item' };
  const fromItems = from.items.flatMap((i, index) =>
    index !== move.itemIndex
      ? [i]
      : i.quantity > quantity
        ? [{ ...i, quantity: i.quantity - quantity }]
        : [],
  );
  const at = to.items.findIndex(
    (i) =>
      i.lineId === item.lineId &&
      i.lot === item.lot &&
      i.serial === item.serial &&
      i.expiry === item.expiry,
  );
  const toItems =
    at === -1
      ? [...to.items, { ...item, quantity }]
      : to.items.map((i, index) => (index === at ? { ...i, quantity: i.quantity + quantity } : i));
  const updated = cartons.map((c) =>
    c.id === from.id
      ? { ...c, items: fromItems, weightGrams: null }
      : c.id === to.id
        ? { ...c, items: toItems, weightGrams: null }
        : c,
  );
  return { state: { ...state, shipment: { ...state.shipment, cartons: updated } }, refusal: null };
}

/** Takes the last unit scanned into the active carton back out (CMD:UNDO). */
export function undoLastItem(state: PackState, cartonId: string): PackState {
  const carton = state.shipment.cartons.find((c) => c.id === cartonId);
  const last = carton?.items.at(-1);
  if (!carton || !last) return state;
  const items =
    last.quantity > 1
      ? [...carton.items.slice(0, -1), { ...last, quantity: last.quantity - 1 }]
      : carton.items.slice(0, -1);
  const cartons = state.shipment.cartons.map((c) =>
    c.id === cartonId ? { ...c, items, weightGrams: null } : c,
  );
  return { ...state, shipment: { ...state.shipment, cartons } };
}

export function weighCarton(state: PackState, cartonId: string, grams: number): PackState {
  const cartons = state.shipment.cartons.map((c) =>
    c.id === cartonId ? { ...c, weightGrams: grams } : c,
  );
  return { ...state, shipment: { ...state.shipment, cartons } };
}

/** Drops a carton that holds nothing (opened by mistake); a carton with items stays. */
export function removeEmptyCarton(state: PackState, cartonId: string): PackState {
  const cartons = state.shipment.cartons.filter((c) => c.id !== cartonId || c.items.length > 0);
  return {
    shipment: { ...state.shipment, cartons },
    activeCartonId: state.activeCartonId === cartonId ? null : state.activeCartonId,
  };
}

export type ConfirmBlocker =
  | { kind: 'no-cartons' }
  | { kind: 'not-all-packed'; lineId: string; packed: number; expected: number }
  | { kind: 'empty-carton'; cartonNumber: number }
  | { kind: 'not-weighed'; cartonNumber: number }
  | { kind: 'weight-off'; cartonNumber: number; expectedGrams: number; actualGrams: number };

export function unitWeights(lines: readonly PackLine[]): Map<string, number> {
  return new Map(lines.map((line) => [line.sku, line.unitWeightGrams]));
}

/** Everything that stands between this shipment and confirming it; empty means it may go. */
export function confirmBlockers(
  lines: readonly PackLine[],
  shipment: ShipmentDoc,
  tolerance?: WeightTolerance,
): ConfirmBlocker[] {
  const blockers: ConfirmBlocker[] = [];
  if (shipment.cartons.length === 0) blockers.push({ kind: 'no-cartons' });
  for (const line of lines) {
    const packed = packedQuantity(shipment, line.lineId);
    if (packed !== line.expected)
      blockers.push({
        kind: 'not-all-packed',
        lineId: line.lineId,
        packed,
        expected: line.expected,
      });
  }
  const weights = unitWeights(lines);
  shipment.cartons.forEach((carton, index) => {
    const cartonNumber = index + 1;
    if (carton.items.length === 0) blockers.push({ kind: 'empty-carton', cartonNumber });
    else if (carton.weightGrams === null) blockers.push({ kind: 'not-weighed', cartonNumber });
    else {
      const expectedGrams = expectedCartonWeight(carton, weights);
      if (!checkWeight(expectedGrams, carton.weightGrams, tolerance).ok) {
        blockers.push({
          kind: 'weight-off',
          cartonNumber,
          expectedGrams,
          actualGrams: carton.weightGrams,
        });
      }
    }
  });
  return blockers;
}

/** The shipment as the station asks the central OMS to accept it. */
export function confirmShipment(shipment: ShipmentDoc, confirmedAt: string): ShipmentDoc {
  return { ...shipment, status: 'confirmed', confirmedAt };
}

/** After a refusal: the labels must not be used; the shipment is set aside. */
export function voidShipment(shipment: ShipmentDoc): ShipmentDoc {
  return {
    ...shipment,
    status: 'voided',
    cartons: shipment.cartons.map((c) => ({ ...c, labelState: 'voided' as const })),
  };
}

/**
 * A shipment nothing more is to be done for: accepted, voided, or refused with every label voided
 * (the central OMS keeps its verdict "refused" on a shipment the station voided).
 */
export function isShipmentSettled(shipment: ShipmentDoc): boolean {
  return (
    shipment.status === 'voided' ||
    shipment.status === 'accepted' ||
    (shipment.status === 'refused' && shipment.cartons.every((c) => c.labelState === 'voided'))
  );
}
