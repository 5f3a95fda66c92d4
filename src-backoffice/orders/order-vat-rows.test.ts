import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderVatRows } from './order-vat-rows';

describe('the VAT rows of an order in the back office', () => {
  it('gives each rate its gross and totals that add up to the cent', () => {
    const rate = fc.record({
      ratePercent: fc.option(fc.constantFrom(0, 6, 9, 13.5, 21), { nil: null }),
      netMinor: fc.integer({ min: 0, max: 50_000_000 }),
      taxMinor: fc.integer({ min: 0, max: 10_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(rate, { maxLength: 6 }), (breakdown) => {
        const { rows, total } = orderVatRows(breakdown);
        rows.forEach((row, i) => {
          expect(row.grossMinor).toBe(breakdown[i]!.netMinor + breakdown[i]!.taxMinor);
        });
        expect(total.grossMinor).toBe(total.netMinor + total.taxMinor);
        expect(total.taxMinor).toBe(breakdown.reduce((a, r) => a + r.taxMinor, 0));
      }),
    );
  });

  it('lists a Dutch order at 9 % and 21 %', () => {
    expect(
      orderVatRows([
        { ratePercent: 9, netMinor: 1000, taxMinor: 90 },
        { ratePercent: 21, netMinor: 4995, taxMinor: 1049 },
      ]),
    ).toEqual({
      rows: [
        { ratePercent: 9, netMinor: 1000, taxMinor: 90, grossMinor: 1090 },
        { ratePercent: 21, netMinor: 4995, taxMinor: 1049, grossMinor: 6044 },
      ],
      total: { netMinor: 5995, taxMinor: 1139, grossMinor: 7134 },
    });
  });
});
