import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../shared/barcodes';
import { applyPackScan, packedQuantity, type PackState } from './pack-rules';
import {
  gtinScan,
  makePackContext,
  makePackLine,
  makePackState,
  mugGtin,
  spoonGtin,
  teaGtin,
  vaccineGtin,
} from './pack-fixtures';

const ctx = makePackContext();

function run(state: PackState, scans: ScanResult[]) {
  const outcomes: string[] = [];
  for (const scan of scans) {
    const step = applyPackScan(ctx, state, scan);
    state = step.state;
    outcomes.push(step.outcome.kind);
  }
  return { state, outcomes };
}

describe('scan-to-verify packing', () => {
  it('counts the order’s items into the active carton', () => {
    const { state, outcomes } = run(makePackState(), [
      gtinScan(mugGtin),
      gtinScan(teaGtin),
      gtinScan(mugGtin),
    ]);
    expect(outcomes).toEqual(['packed', 'packed', 'packed']);
    expect(state.shipment.cartons[0]?.items.map((i) => [i.sku, i.quantity])).toEqual([
      ['MUG-RED', 2],
      ['TEA-GREEN', 1],
    ]);
  });

  it('gives a wrong item, an over-scan, an unknown barcode and a bad check digit each their own outcome, and counts none', () => {
    const before = run(makePackState(), [gtinScan(teaGtin)]).state;
    const { state, outcomes } = run(before, [
      gtinScan(spoonGtin),
      gtinScan(teaGtin),
      gtinScan('04000000000000'),
      { kind: 'unknown', raw: 'HELLO' },
      { kind: 'invalid', code: 'bad-check-digit', message: 'GTIN check digit should be 6' },
      { kind: 'invalid', code: 'invalid-station-code', message: 'bad code' },
    ]);
    expect(outcomes).toEqual([
      'wrong-item',
      'over-scan',
      'unknown-barcode',
      'unknown-barcode',
      'bad-check-digit',
      'invalid-code',
    ]);
    expect(state.shipment).toEqual(before.shipment);
  });

  it('refuses items until a carton is open', () => {
    const { state, outcomes } = run(makePackState(0), [gtinScan(mugGtin)]);
    expect(outcomes).toEqual(['open-carton-first']);
    expect(state.shipment.cartons).toEqual([]);
  });

  it('packs only what was picked: a shorted line expects less', () => {
    const shorted = makePackContext([makePackLine({ expected: 1 })]);
    const first = applyPackScan(shorted, makePackState(), gtinScan(mugGtin));
    const second = applyPackScan(shorted, first.state, gtinScan(mugGtin));
    expect([first.outcome.kind, second.outcome.kind]).toEqual(['packed', 'over-scan']);
  });

  describe('a product that needs lot, expiry and serial', () => {
    const traced = makePackContext([makePackLine({ lineId: 'L9', sku: 'VACCINE-X', expected: 2 })]);
    const gs1 = (serial: string): ScanResult => ({
      kind: 'gs1',
      symbology: 'gs1-datamatrix',
      elements: [],
      gtin: vaccineGtin,
      lot: 'LOT42',
      expiry: '2027-03-31',
      serial,
    });

    it('refuses the plain GTIN and says what is missing', () => {
      const step = applyPackScan(traced, makePackState(), gtinScan(vaccineGtin));
      expect(step.outcome).toEqual({
        kind: 'needs-trace',
        sku: 'VACCINE-X',
        missing: ['lot', 'expiry', 'serial'],
      });
    });

    it('captures lot, expiry and serial from the GS1 code and refuses the same serial twice', () => {
      const first = applyPackScan(traced, makePackState(), gs1('SN1'));
      const again = applyPackScan(traced, first.state, gs1('SN1'));
      const second = applyPackScan(traced, first.state, gs1('SN2'));
      expect(again.outcome).toEqual({ kind: 'duplicate-serial', serial: 'SN1' });
      expect(second.state.shipment.cartons[0]?.items).toEqual([
        {
          lineId: 'L9',
          sku: 'VACCINE-X',
          quantity: 1,
          lot: 'LOT42',
          serial: 'SN1',
          expiry: '2027-03-31',
        },
        {
          lineId: 'L9',
          sku: 'VACCINE-X',
          quantity: 1,
          lot: 'LOT42',
          serial: 'SN2',
          expiry: '2027-03-31',
        },
      ]);
      expect(packedQuantity(second.state.shipment, 'L9')).toBe(2);
    });
  });
});
