import { describe, expect, it } from 'vitest';
import { classifyScan } from '../../shared/barcodes';
import {
  defaultDisposition,
  intakeStep,
  itemFrom,
  lineProgress,
  matchScannedSku,
  nextItemId,
  pendingFor,
  readIntakeScan,
  receiptState,
  reopenReceipt,
  submitReceipt,
  undoLastItem,
  withItem,
  type PendingItem,
} from './intake-rules';
import { binIndex } from './restock-bins';
import { makeItem, makeReceipt, makeRma, TEA_GTIN } from './returns-fixtures';

const ctx = {
  skuByGtin: new Map([[TEA_GTIN, 'TEA']]),
  binCodes: new Set(['A-01']),
  bins: binIndex([{ id: 'TEA', bins: ['A-01'] }]),
};
const start = {
  id: 'receipt-1',
  rmaId: 'rma-1',
  stationId: 'station-1',
  operatorId: 'op-1',
  receivedAt: '2025-03-05T09:00:00.000Z',
};
const graded = (over: Partial<PendingItem> = {}): PendingItem => ({
  sku: 'TEA',
  match: 'expected',
  grade: 'A',
  disposition: 'restock',
  note: '',
  replaces: null,
  binToConfirm: null,
  ...over,
});

describe('matching a scanned unit against the RMA', () => {
  it('counts units on the RMA as expected until the authorised quantity, then as extra', () => {
    const rma = makeRma();
    expect(matchScannedSku(rma, [], 'TEA')).toBe('expected');
    expect(matchScannedSku(rma, [makeItem({ id: 'I1' })], 'TEA')).toBe('expected');
    expect(matchScannedSku(rma, [makeItem({ id: 'I1' }), makeItem({ id: 'I2' })], 'TEA')).toBe(
      'extra',
    );
  });

  it('counts units the RMA received earlier against what it authorised', () => {
    const rma = makeRma({
      lines: [
        {
          rmaLineId: 'l',
          orderLineId: 'o',
          sku: 'TEA',
          name: 'Tea',
          quantity: 2,
          receivedQuantity: 2,
        },
      ],
    });
    expect(matchScannedSku(rma, [], 'TEA')).toBe('extra');
  });

  it('calls a product the RMA does not name a wrong item, and so every unit of a parcel without RMA', () => {
    expect(matchScannedSku(makeRma(), [], 'SPOON')).toBe('wrong_item');
    expect(matchScannedSku(null, [], 'TEA')).toBe('wrong_item');
  });
});

describe('the disposition a grade suggests', () => {
  it('restocks A and B, quarantines C and returns D to the vendor', () => {
    expect(['A', 'B', 'C', 'D'].map((g) => defaultDisposition(g as 'A', 'expected'))).toEqual([
      'restock',
      'restock',
      'quarantine',
      'return_to_vendor',
    ]);
  });

  it('holds wrong and extra items for customer service even when resellable', () => {
    expect(defaultDisposition('A', 'wrong_item')).toBe('quarantine');
    expect(defaultDisposition('A', 'extra')).toBe('quarantine');
  });
});

describe('reading scans while taking a parcel in', () => {
  it('turns a product barcode into one unit of its SKU when an item is expected', () => {
    expect(readIntakeScan('item', classifyScan(TEA_GTIN), ctx)).toEqual({
      kind: 'item',
      sku: 'TEA',
    });
  });

  it('says so clearly when a bin is scanned where an item was expected', () => {
    const read = readIntakeScan('item', classifyScan('B:A-01'), ctx);
    expect(read).toMatchObject({
      kind: 'refused',
      message: { tone: 'error', key: 'returns.binWhereItemExpected' },
    });
  });

  it('says so clearly when an item is scanned where the restock bin was expected', () => {
    const read = readIntakeScan('bin', classifyScan(TEA_GTIN), ctx);
    expect(read).toMatchObject({
      kind: 'refused',
      message: { tone: 'error', key: 'returns.itemWhereBinExpected' },
    });
  });

  it('takes only bins of this warehouse for a restock', () => {
    expect(readIntakeScan('bin', classifyScan('B:A-01'), ctx)).toEqual({
      kind: 'bin',
      code: 'A-01',
    });
    expect(readIntakeScan('bin', classifyScan('B:Z-99'), ctx)).toMatchObject({
      kind: 'refused',
      message: { key: 'returns.unknownBin', values: { bin: 'Z-99' } },
    });
  });

  it('refuses a product the catalogue does not know and a misread barcode', () => {
    expect(readIntakeScan('item', classifyScan('4006381333931'), ctx)).toMatchObject({
      kind: 'refused',
      message: { key: 'returns.unknownProduct' },
    });
    expect(readIntakeScan('item', classifyScan('4006381333932'), ctx)).toMatchObject({
      kind: 'refused',
      message: { key: 'scan.badCheckDigit' },
    });
  });

  it('asks for the grade before another item is counted', () => {
    expect(readIntakeScan('grade', classifyScan(TEA_GTIN), ctx)).toMatchObject({
      kind: 'refused',
      message: { key: 'returns.gradeFirst' },
    });
  });

  it('leaves commands and RMA codes to the screen', () => {
    expect(readIntakeScan('item', classifyScan('CMD:DONE'), ctx)).toEqual({ kind: 'pass' });
    expect(readIntakeScan('bin', classifyScan('RMA:R-1'), ctx)).toEqual({ kind: 'pass' });
  });
});

describe('grading an item', () => {
  it('walks from grade to disposition to bin', () => {
    const pending = pendingFor(makeRma(), [], 'TEA');
    expect(intakeStep(null)).toBe('item');
    expect(intakeStep(pending)).toBe('grade');
    expect(intakeStep({ ...pending, grade: 'A' })).toBe('disposition');
    expect(intakeStep({ ...pending, grade: 'A', disposition: 'restock' })).toBe('bin');
  });

  it('requires a bin for a restock and stores none for the other dispositions', () => {
    expect(() => itemFrom(graded(), 'I1', null)).toThrow(/no bin/);
    expect(itemFrom(graded(), 'I1', 'A-01')).toMatchObject({
      disposition: 'restock',
      binCode: 'A-01',
      quantity: 1,
    });
    expect(
      itemFrom(
        graded({ grade: 'C', disposition: 'quarantine', note: '  dented lid ' }),
        'I2',
        'A-01',
      ),
    ).toMatchObject({ binCode: null, note: 'dented lid' });
  });

  it('stores nothing for an item without a grade', () => {
    expect(() => itemFrom(graded({ grade: null }), 'I1', null)).toThrow(/not graded/);
  });

  it('numbers items I1, I2… past the highest so far', () => {
    expect(nextItemId([])).toBe('I1');
    expect(nextItemId([makeItem({ id: 'I1' }), makeItem({ id: 'I4' })])).toBe('I5');
  });
});

describe('the receipt', () => {
  it('starts open with the first graded item and unsent', () => {
    const receipt = withItem(null, start, makeItem(), null);
    expect(receipt).toMatchObject({
      status: 'open',
      updatedAt: 0,
      rmaId: 'rma-1',
      items: [{ id: 'I1' }],
    });
  });

  it('starts an unexpected return with no RMA', () => {
    expect(
      withItem(null, { ...start, rmaId: null }, makeItem({ match: 'wrong_item' }), null).rmaId,
    ).toBeNull();
  });

  it('replaces the item that was sent back for grading', () => {
    const receipt = withItem(
      makeReceipt(),
      start,
      makeItem({ id: 'I2', grade: 'C', disposition: 'quarantine', binCode: null }),
      'I1',
    );
    expect(receipt.items.map((i) => [i.id, i.grade])).toEqual([['I2', 'C']]);
  });

  it('undoes the last item, but sends the only item back to be graded again', () => {
    const two = makeReceipt({
      items: [makeItem({ id: 'I1' }), makeItem({ id: 'I2', sku: 'MUG' })],
    });
    expect(undoLastItem(two)).toEqual({
      receipt: { ...two, items: [two.items[0]] },
      pending: null,
    });
    const one = makeReceipt();
    expect(undoLastItem(one)).toMatchObject({
      receipt: one,
      pending: { sku: 'TEA', grade: null, replaces: 'I1' },
    });
  });

  it('is waiting to be sent once submitted, until the central OMS stamps it', () => {
    const submitted = submitReceipt(makeReceipt(), ' left at the door ');
    expect(submitted).toMatchObject({ status: 'submitted', note: 'left at the door' });
    expect(receiptState(submitted)).toBe('waiting');
    expect(receiptState({ ...submitted, updatedAt: 5 })).toBe('sent');
    expect(receiptState({ ...submitted, status: 'accepted', refundMinor: 995, updatedAt: 6 })).toBe(
      'accepted',
    );
  });

  it('reopens a refused receipt for correction, never an accepted one', () => {
    expect(reopenReceipt(makeReceipt({ status: 'refused', refusalReason: 'Bin X' }))).toMatchObject(
      { status: 'open', refusalReason: null },
    );
    expect(() => reopenReceipt(makeReceipt({ status: 'accepted' }))).toThrow(/only a refused/);
  });

  it('shows each RMA line with what arrived before plus this parcel, extras not counted', () => {
    const items = [
      makeItem({ id: 'I1' }),
      makeItem({ id: 'I2', sku: 'MUG', match: 'expected' }),
      makeItem({ id: 'I3', sku: 'MUG', match: 'extra' }),
    ];
    expect(lineProgress(makeRma(), items).map((l) => [l.sku, l.received, l.authorised])).toEqual([
      ['TEA', 1, 2],
      ['MUG', 1, 1],
    ]);
  });
});
