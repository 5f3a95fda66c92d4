// Quote totals to the cent: net = lines − discounts + shipping; total = net + VAT; VAT rounds
// half up per line and on shipping (as the intake does); reverse charge and exports carry none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteTotals } from './quote-money';

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

const oss = {
  thresholdEurMinor: 1_000_000,
  previousYearEurMinor: 0,
  currentYearEurMinor: 0,
  optedIn: false,
};

describe('quote totals', () => {
  it('adds up exactly for any lines, shipping and buyer', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom('NL', 'BE', 'DE', 'US'),
        fc.option(fc.constantFrom('BE0123456749', 'DE136695976'), { nil: null }),
        (lines, shipping, country, vatNumber) => {
          const basis = {
            originCountry: 'NL',
            shipToCountry: country,
            billToCountry: country,
            vatNumber,
            supplyDate: '2026-03-01',
          };
          const t = quoteTotals(lines, shipping, { basis, oss, taxClasses: new Map() });
          const net =
            lines.reduce((s, l) => s + l.unitPriceMinor * l.quantity - l.discountMinor, 0) +
            shipping;
          expect(t.netMinor).toBe(net);
          expect(t.totalMinor).toBe(t.netMinor + t.taxMinor);
          expect(t.vat.reduce((s, v) => s + v.netMinor, 0)).toBe(net);
          expect(t.vat.reduce((s, v) => s + v.taxMinor, 0)).toBe(t.taxMinor);
          // Any valid EU number of a state other than the origin, for goods staying in the EU.
          const reverse = (country === 'BE' || country === 'DE') && vatNumber !== null;
          const parts = [
            ...lines.map((l) => l.unitPriceMinor * l.quantity - l.discountMinor),
            shipping,
          ];
          // Each part rounded half up on its own, as the order intake does: NL's 21 %, or
          // Germany's 19 % once this sale takes the year's distance sales past the OSS threshold.
          const destination = country === 'DE' && net > 1_000_000;
          const rate = country === 'US' || reverse ? 0 : destination ? 19 : 21;
          const tax = parts.reduce((s, p) => s + Math.floor((p * rate * 2 + 100) / 200), 0);
          expect(t.taxMinor).toBe(tax);
          if (reverse) expect(t.vat.map((v) => v.category)).toEqual(['K']);
          if (country === 'US') expect(t.vat.map((v) => v.category)).toEqual(['G']);
        },
      ),
    );
  });
});
