// Small factories for the packing tests.
import type { ScanResult } from '../../shared/barcodes';
import { newShipment, openCarton } from './carton-rules';
import type { PackContext, PackLine, PackState } from './pack-rules';

export function makePackLine(overrides: Partial<PackLine> = {}): PackLine {
  return {
    lineId: 'L1',
    sku: 'MUG-RED',
    name: 'Red mug',
    expected: 2,
    unitWeightGrams: 350,
    ...overrides,
  };
}

export const mugGtin = '08712345678906';
export const teaGtin = '08712345678913';
export const spoonGtin = '08712345678920';
export const vaccineGtin = '08712345678937';

export function makePackContext(
  lines: PackLine[] = [
    makePackLine(),
    makePackLine({ lineId: 'L2', sku: 'TEA-GREEN', expected: 1, unitWeightGrams: 120 }),
  ],
): PackContext {
  return {
    lines,
    skuByGtin: new Map([
      [mugGtin, 'MUG-RED'],
      [teaGtin, 'TEA-GREEN'],
      [spoonGtin, 'SPOON-STEEL'],
      [vaccineGtin, 'VACCINE-X'],
    ]),
    products: new Map([
      ['VACCINE-X', { requiresLot: true, requiresExpiry: true, requiresSerial: true }],
    ]),
  };
}

export function makePackState(cartons = 1): PackState {
  let state: PackState = {
    shipment: newShipment({
      id: 'SH-1',
      fulfillmentId: 'FO-1',
      stationId: 'ST-1',
      operatorId: 'op-7',
      carrier: 'own',
      service: 'standard',
    }),
    activeCartonId: null,
  };
  for (let n = 1; n <= cartons; n++)
    state = openCarton(state, { id: `C${n}`, sscc: `00871234500000000${n}`, boxType: 'M' });
  return state;
}

export const gtinScan = (gtin14: string): ScanResult => ({
  kind: 'gtin',
  gtin14,
  symbology: 'ean-13',
});
