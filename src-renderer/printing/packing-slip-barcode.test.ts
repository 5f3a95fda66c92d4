import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderNumberPattern, packingSlipBarcode } from './packing-slip-barcode';

const matches = (scanned: string, orderNumber: string) =>
  new RegExp(orderNumberPattern(scanned), 'i').test(orderNumber);

describe('the packing slip barcode and its order number', () => {
  it.each([
    ['WEB-100234', 'WEB-100234'],
    ['#1001', '-1001'],
    ['000000123', '000000123'],
    ['Bestelling 12/7', 'Bestelling-12/7'],
  ])('prints %j as %j and finds it again', (orderNumber, barcode) => {
    expect(packingSlipBarcode(orderNumber)).toBe(barcode);
    expect(matches(barcode, orderNumber)).toBe(true);
    expect(matches(barcode.toLowerCase(), orderNumber)).toBe(true);
  });

  it('finds any order number back from its slip barcode, and no other number of that shape', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), (orderNumber) => {
        const barcode = packingSlipBarcode(orderNumber);
        expect(matches(barcode, orderNumber)).toBe(true);
        // A longer number is another order, unless the barcode was cut to its full length.
        if (orderNumber.length < 30) expect(matches(barcode, `${orderNumber}A`)).toBe(false);
        else expect(matches(barcode, `${orderNumber}A`)).toBe(true);
      }),
    );
  });
});
