import { describe, expect, it } from 'vitest';
import {
  confirmBlockers,
  isShipmentSettled,
  moveItem,
  removeEmptyCarton,
  undoLastItem,
  voidShipment,
  weighCarton,
} from './carton-rules';
import { applyPackScan, type PackState } from './pack-rules';
import { gtinScan, makePackContext, makePackState, mugGtin, teaGtin } from './pack-fixtures';

const ctx = makePackContext();

function packAllIntoFirst(): PackState {
  let state = makePackState(2);
  state = { ...state, activeCartonId: 'C1' };
  for (const gtin of [mugGtin, mugGtin, teaGtin])
    state = applyPackScan(ctx, state, gtinScan(gtin)).state;
  return state;
}

describe('cartons', () => {
  it('moves one unit to another carton and keeps the total', () => {
    const { state, refusal } = moveItem(packAllIntoFirst(), {
      fromCartonId: 'C1',
      itemIndex: 0,
      toCartonId: 'C2',
    });
    expect(refusal).toBeNull();
    const [first, second] = state.shipment.cartons;
    expect(first?.items.map((i) => [i.sku, i.quantity])).toEqual([
      ['MUG-RED', 1],
      ['TEA-GREEN', 1],
    ]);
    expect(second?.items.map((i) => [i.sku, i.quantity])).toEqual([['MUG-RED', 1]]);
    expect(
      confirmBlockers(ctx.lines, state.shipment).filter((b) => b.kind === 'not-all-packed'),
    ).toEqual([]);
  });

  it('removes the item row when its last unit moves, and refuses moving to the same carton', () => {
    const moved = moveItem(packAllIntoFirst(), {
      fromCartonId: 'C1',
      itemIndex: 1,
      toCartonId: 'C2',
    }).state;
    expect(moved.shipment.cartons[0]?.items.map((i) => i.sku)).toEqual(['MUG-RED']);
    const same = moveItem(moved, { fromCartonId: 'C1', itemIndex: 0, toCartonId: 'C1' });
    expect(same.refusal).toBe('same-carton');
    expect(same.state).toBe(moved);
  });

  it('clears both cartons’ weights when an item moves: they must be weighed again', () => {
    let state = weighCarton(weighCarton(packAllIntoFirst(), 'C1', 1040), 'C2', 220);
    state = moveItem(state, { fromCartonId: 'C1', itemIndex: 0, toCartonId: 'C2' }).state;
    expect(state.shipment.cartons.map((c) => c.weightGrams)).toEqual([null, null]);
  });

  it('blocks confirming until everything is packed, every carton holds something and weighs what it should', () => {
    const partial = makePackState(1);
    expect(confirmBlockers(ctx.lines, partial.shipment).map((b) => b.kind)).toEqual([
      'not-all-packed',
      'not-all-packed',
      'empty-carton',
    ]);

    let state = removeEmptyCarton(packAllIntoFirst(), 'C2');
    expect(confirmBlockers(ctx.lines, state.shipment)).toEqual([
      { kind: 'not-weighed', cartonNumber: 1 },
    ]);
    // 2 × 350 + 120 + 220 (M box) = 1040 g expected; ±104 g allowed.
    state = weighCarton(state, 'C1', 1300);
    expect(confirmBlockers(ctx.lines, state.shipment)).toEqual([
      { kind: 'weight-off', cartonNumber: 1, expectedGrams: 1040, actualGrams: 1300 },
    ]);
    state = weighCarton(state, 'C1', 1100);
    expect(confirmBlockers(ctx.lines, state.shipment)).toEqual([]);
  });

  it('undoes the last unit scanned', () => {
    const state = undoLastItem(packAllIntoFirst(), 'C1');
    expect(state.shipment.cartons[0]?.items.map((i) => [i.sku, i.quantity])).toEqual([
      ['MUG-RED', 2],
    ]);
  });

  it('voids every label of a refused shipment', () => {
    const voided = voidShipment({
      ...packAllIntoFirst().shipment,
      status: 'refused',
      refusalReason: 'cancelled',
    });
    expect(voided.status).toBe('voided');
    expect(voided.cartons.map((c) => c.labelState)).toEqual(['voided', 'voided']);
  });

  it('counts a refused shipment settled once every label is voided, and an open or confirmed one never', () => {
    const shipment = packAllIntoFirst().shipment;
    const refused = { ...shipment, status: 'refused' as const, refusalReason: 'cancelled' };
    expect(isShipmentSettled(refused)).toBe(false);
    expect(isShipmentSettled({ ...voidShipment(refused), status: 'refused' })).toBe(true);
    expect(isShipmentSettled(voidShipment(shipment))).toBe(true);
    expect(isShipmentSettled({ ...shipment, status: 'accepted' })).toBe(true);
    expect(isShipmentSettled(shipment)).toBe(false);
    expect(isShipmentSettled({ ...shipment, status: 'confirmed' })).toBe(false);
  });
});
