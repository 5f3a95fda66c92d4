import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLineMoney } from './line-cancel-money';
import type { LineMoney } from './line-cancel-money';

const FIELDS = [
  'quantity',
  'lineTotalMinor',
  'discountMinor',
  'taxMinor',
  'netMinor',
  'grossMinor',
] as const;

/** A line as pricePart stores it: every part non-negative, its identities holding. */
const pricedLine = fc
  .record({
    quantity: fc.integer({ min: 1, max: 500 }),
    netMinor: fc.integer({ min: 0, max: 50_000_000 }),
    taxMinor: fc.integer({ min: 0, max: 10_000_000 }),
    discountMinor: fc.integer({ min: 0, max: 5_000_000 }),
    pricesIncludeTax: fc.boolean(),
  })
  .map(({ pricesIncludeTax, ...p }) => ({
    pricesIncludeTax,
    line: {
      quantity: p.quantity,
      lineTotalMinor: p.netMinor + p.discountMinor + (pricesIncludeTax ? p.taxMinor : 0),
      discountMinor: p.discountMinor,
      taxMinor: p.taxMinor,
      netMinor: p.netMinor,
      grossMinor: p.netMinor + p.taxMinor,
    } satisfies LineMoney,
  }));

function expectPriced(part: LineMoney, pricesIncludeTax: boolean) {
  for (const field of FIELDS) {
    expect(Number.isSafeInteger(part[field])).toBe(true);
    expect(part[field]).toBeGreaterThanOrEqual(0);
  }
  expect(part.grossMinor).toBe(part.netMinor + part.taxMinor);
  expect(part.lineTotalMinor).toBe(
    part.netMinor + part.discountMinor + (pricesIncludeTax ? part.taxMinor : 0),
  );
}

describe('cancelling units of an order line', () => {
  it('splits every amount to the cent, in proportion to the units, never below zero', () => {
    fc.assert(
      fc.property(
        pricedLine.chain((priced) =>
          fc.tuple(fc.constant(priced), fc.integer({ min: 1, max: priced.line.quantity })),
        ),
        ([{ line, pricesIncludeTax }, cancel]) => {
          const { kept, cancelled } = splitLineMoney(line, cancel, pricesIncludeTax);
          for (const field of FIELDS) expect(kept[field] + cancelled[field]).toBe(line[field]);
          expect(cancelled.quantity).toBe(cancel);
          expectPriced(kept, pricesIncludeTax);
          expectPriced(cancelled, pricesIncludeTax);
          // Each of the parts split is within a cent (per part rebuilt) of its exact share.
          const share = cancel / line.quantity;
          for (const field of ['discountMinor', 'netMinor', 'taxMinor'] as const)
            expect(Math.abs(cancelled[field] - line[field] * share)).toBeLessThan(1);
          if (cancel === line.quantity) expect(kept).toEqual({ ...kept, ...zero() });
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('after any run of cancellations the cancelled parts and what is left add up to the line', () => {
    fc.assert(
      fc.property(
        pricedLine,
        fc.array(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 12 }),
        ({ line, pricesIncludeTax }, requests) => {
          let open = line;
          const total = zero();
          for (const request of requests) {
            if (open.quantity === 0) break;
            const quantity = Math.min(request, open.quantity);
            const { kept, cancelled } = splitLineMoney(open, quantity, pricesIncludeTax);
            for (const field of FIELDS) total[field] += cancelled[field];
            open = kept;
            expectPriced(open, pricesIncludeTax);
          }
          for (const field of FIELDS) expect(open[field] + total[field]).toBe(line[field]);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('refuses to cancel no units, a fraction, or more units than are open', () => {
    const line: LineMoney = {
      quantity: 2,
      lineTotalMinor: 1000,
      discountMinor: 0,
      taxMinor: 210,
      netMinor: 1000,
      grossMinor: 1210,
    };
    for (const quantity of [0, -1, 1.5, 3])
      expect(() => splitLineMoney(line, quantity, false)).toThrow(RangeError);
  });
});

function zero(): LineMoney {
  return {
    quantity: 0,
    lineTotalMinor: 0,
    discountMinor: 0,
    taxMinor: 0,
    netMinor: 0,
    grossMinor: 0,
  };
}
