import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyScan } from '../../shared/barcodes';
import { gs1CheckDigit } from '../../shared/gs1/check-digit';
import type { QueuedReceivingScan, ReceivingOrder } from '../../shared/station-api';
import {
  isComplete,
  overBy,
  poNumberFrom,
  readReceivingScan,
  receivingLines,
} from './receiving-rules';

function makePo(lines: [string, number, number][]): ReceivingOrder {
  return {
    number: 'PO-000007',
    supplierCode: 'ACME',
    warehouseCode: 'NL-TIL',
    status: 'sent',
    expectedDate: null,
    lines: lines.map(([sku, quantity, receivedQuantity]) => ({ sku, quantity, receivedQuantity })),
  };
}

function makeQueued(sku: string, quantity: number, poNumber = 'PO-000007'): QueuedReceivingScan {
  return {
    scanId: crypto.randomUUID(),
    poNumber,
    sku,
    quantity,
    binCode: 'A-01',
    queuedAt: '2026-12-06T10:00:00Z',
  };
}

const withCheckDigit = (body: string) => `${body}${gs1CheckDigit(body)}`;
const TEA_EAN = withCheckDigit('871234500001');
const SSCC = withCheckDigit('37612345000000001');
const catalogue = {
  skuByGtin: new Map([[`0${TEA_EAN}`, 'TEA']]),
  bins: new Map([['A-01', 'A-01']]),
};
const read = (raw: string) => readReceivingScan(classifyScan(raw), raw, catalogue);

describe('receiving lines', () => {
  it('counts the scans still waiting to be sent, and lists a SKU not on the PO as unexpected', () => {
    const lines = receivingLines(
      makePo([
        ['TEA', 10, 4],
        ['MUG', 2, 0],
      ]),
      [makeQueued('TEA', 3), makeQueued('SPOON', 1), makeQueued('TEA', 5, 'PO-000008')],
    );
    expect(lines).toEqual([
      { sku: 'TEA', ordered: 10, received: 7, remaining: 3, unexpected: false },
      { sku: 'MUG', ordered: 2, received: 0, remaining: 2, unexpected: false },
      { sku: 'SPOON', ordered: 0, received: 1, remaining: 0, unexpected: true },
    ]);
    expect(overBy(lines, 'TEA', 5)).toBe(2);
    expect(overBy(lines, 'MUG', 2)).toBe(0);
    expect(overBy(lines, 'SPOON', 1)).toBe(1);
    expect(isComplete(lines)).toBe(false);
  });

  it('never shows a negative remainder, and a PO is complete exactly when nothing remains', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50)), { minLength: 1, maxLength: 6 }),
        (specs) => {
          const po = makePo(specs.map(([q, r], i) => [`SKU-${i}`, q, r]));
          const queued = specs.flatMap(([, , w], i) => (w > 0 ? [makeQueued(`SKU-${i}`, w)] : []));
          const lines = receivingLines(po, queued);
          for (const [i, [q, r, w]] of specs.entries()) {
            expect(lines[i]!.remaining).toBe(Math.max(0, q - r - w));
            expect(overBy(lines, `SKU-${i}`, 1)).toBe(lines[i]!.remaining >= 1 ? 0 : 1);
          }
          expect(isComplete(lines)).toBe(specs.every(([q, r, w]) => r + w >= q));
        },
      ),
    );
  });
});

describe('reading a scan at the receiving screen', () => {
  it('reads an EAN-13 as its SKU and a GS1 code with its lot and expiry', () => {
    expect(read(TEA_EAN)).toEqual({ kind: 'item', item: { sku: 'TEA' } });
    expect(read(`(01)0${TEA_EAN}(17)271231(10)L42`)).toEqual({
      kind: 'item',
      item: { sku: 'TEA', lot: 'L42', expiry: '2027-12-31' },
    });
  });

  it('refuses an unknown item and an unknown bin, and takes a known bin in any case', () => {
    expect(read('4006381333931')).toMatchObject({
      kind: 'refused',
      message: { tone: 'error', key: 'receiving.unknownItem' },
    });
    expect(read('B:a-01')).toEqual({ kind: 'bin', code: 'A-01' });
    expect(read('B:Z-99')).toMatchObject({
      kind: 'refused',
      message: { key: 'receiving.unknownBin' },
    });
  });

  it('reads other text as a PO number, and says an SSCC is a pallet, not a PO', () => {
    expect(read('po-000007')).toEqual({ kind: 'po', poNumber: 'PO-000007' });
    expect(read(SSCC)).toMatchObject({
      kind: 'refused',
      message: { key: 'receiving.palletNotPo' },
    });
    expect(poNumberFrom('  ')).toBeNull();
    expect(poNumberFrom('PO 1')).toBeNull();
  });
});
