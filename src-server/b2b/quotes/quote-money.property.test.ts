// Quote totals to the cent: net = lines − discounts + shipping; total = net + VAT; VAT rounds
// half up per line and on shipping (as the intake does); reverse charge and exports carry none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteTotals } from './quote-money';
import { vatOn, vatTreatment } from './quote-vat';

const line = fc
  .record({
    unitPriceMinor: fc.integer({ min: 0, max: 1_000_000 }),
    quantity: fc.integer({ min: 1, max: 1000 }),
  })
  .chain((l) =>
    fc.integer({ min: 0, max: l.unitPriceMinor * l.quantity }).map((discountMinor) => ({
      ...l,
      discountMinor,
      sku: 'S',
      name: 'S',
      priceSource: 'catalogue',
    })),
  );

describe('quote totals', () => {
  it('adds up exactly for any lines, shipping and buyer', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 30 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom('NL', 'BE', 'DE', 'US'),
        fc.option(fc.constant('X123'), { nil: null }),
        (lines, shipping, country, vat) => {
          const parties = { sellerCountry: 'NL', buyerCountry: country, buyerVatNumber: vat };
          const t = quoteTotals(lines, shipping, parties);
          const net =
            lines.reduce((s, l) => s + l.unitPriceMinor * l.quantity - l.discountMinor, 0) +
            shipping;
          expect(t.netMinor).toBe(net);
          expect(t.totalMinor).toBe(t.netMinor + t.taxMinor);
          const { ratePercent, reverseCharge } = vatTreatment(parties);
          const parts = [
            ...lines.map((l) => l.unitPriceMinor * l.quantity - l.discountMinor),
            shipping,
          ];
          // Each part rounded half up on its own, as the order intake does.
          const tax = parts.reduce((s, p) => s + Math.floor((p * ratePercent * 2 + 100) / 200), 0);
          expect(t.taxMinor).toBe(tax);
          if (reverseCharge || country === 'US') expect(t.taxMinor).toBe(0);
        },
      ),
    );
  });

  it('rounds VAT half up to the cent', () => {
    expect(vatOn(50, 21)).toBe(11); // 10.5 → 11
    expect(vatOn(2, 21)).toBe(0); // 0.42 → 0
    expect(vatOn(1000, 21)).toBe(210);
  });
});
