// Contract pricing to the cent, for any price list: the chosen break is the largest minimum the
// quantity reaches, nothing outside the validity, and line amounts are exact integers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractPrice, lineAmountMinor } from './price-breaks';
import type { PriceBreak, PriceListTerms } from './price-breaks';

const day = fc
  .integer({ min: 0, max: 3650 })
  .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const breaks = fc.uniqueArray(
  fc.record({
    sku: fc.constantFrom('A', 'B'),
    minQuantity: fc.integer({ min: 1, max: 1000 }),
    unitPriceMinor: fc.integer({ min: 0, max: 10_000_000 }),
  }),
  { selector: (b) => `${b.sku}/${b.minQuantity}`, maxLength: 12 },
);
const list = (validFrom: string | null, validTo: string | null): PriceListTerms => ({
  id: 'l',
  name: 'L',
  currency: 'EUR',
  validFrom,
  validTo,
});

describe('contract prices', () => {
  it('takes the break with the largest minimum quantity the line reaches', () => {
    fc.assert(
      fc.property(breaks, fc.integer({ min: 1, max: 2000 }), day, (bs: PriceBreak[], qty, d) => {
        const price = contractPrice(list(null, null), bs, 'A', qty, d);
        const reached = bs.filter((b) => b.sku === 'A' && b.minQuantity <= qty);
        if (reached.length === 0) {
          expect(price).toBeNull();
          return;
        }
        const best = reached.reduce((a, b) => (b.minQuantity > a.minQuantity ? b : a));
        expect(price).toEqual({
          unitPriceMinor: best.unitPriceMinor,
          source: `price_list:L:from ${best.minQuantity}`,
        });
      }),
    );
  });

  it('gives no price outside the validity dates (inclusive at both ends)', () => {
    fc.assert(
      fc.property(breaks, day, day, day, (bs, a, b, d) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const price = contractPrice(list(from, to), bs, 'A', 1000, d);
        if (d < from || d > to) expect(price).toBeNull();
        else expect(price).toEqual(contractPrice(list(null, null), bs, 'A', 1000, d));
      }),
    );
  });

  it('adds line amounts exactly: the sum of lines equals the sum of unit × quantity − discount', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            unit: fc.integer({ min: 0, max: 1_000_000 }),
            qty: fc.integer({ min: 1, max: 1000 }),
            discountPart: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { maxLength: 50 },
        ),
        (lines) => {
          let total = 0;
          let expected = 0n;
          for (const l of lines) {
            const discount = Math.floor(l.unit * l.qty * l.discountPart);
            total += lineAmountMinor(l.unit, l.qty, discount);
            expected += BigInt(l.unit) * BigInt(l.qty) - BigInt(discount);
          }
          expect(Number.isSafeInteger(total)).toBe(true);
          expect(BigInt(total)).toBe(expected);
        },
      ),
    );
  });
});
