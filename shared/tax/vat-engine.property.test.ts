import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taxAtRate } from './tax-amount';
import { decideVat } from './vat-engine';
import type { VatOrderInput } from './vat-engine';
import { TAX_CLASSES } from './vat-rate-lookup';
import { OSS_THRESHOLD_EUR_MINOR } from './vat-scheme';

const COUNTRIES = ['NL', 'BE', 'DE', 'FR', 'DK', 'GB', 'US', 'NO', 'CH', 'JP'] as const;

const orders: fc.Arbitrary<VatOrderInput> = fc.record({
  originCountry: fc.constantFrom('NL', 'DE', 'BE'),
  destinationCountry: fc.constantFrom(...COUNTRIES),
  customer: fc.constant({ kind: 'person' as const, country: 'NL' }),
  oss: fc.record({
    thresholdEurMinor: fc.constant(OSS_THRESHOLD_EUR_MINOR),
    previousYearEurMinor: fc.integer({ min: 0, max: 2_000_000 }),
    currentYearEurMinor: fc.integer({ min: 0, max: 2_000_000 }),
    optedIn: fc.boolean(),
  }),
  saleEurMinor: fc.integer({ min: 0, max: 1_000_000 }),
  supplyDate: fc.constantFrom('2021-07-01', '2023-06-15', '2024-09-01', '2025-08-01', '2026-12-03'),
  pricesIncludeTax: fc.boolean(),
  rounding: fc.constantFrom('line' as const, 'total' as const),
  lines: fc.array(
    fc.record({
      amountMinor: fc.integer({ min: 0, max: 5_000_000 }),
      taxClass: fc.constantFrom(...TAX_CLASSES),
    }),
    { minLength: 1, maxLength: 30 },
  ),
  shippingMinor: fc.integer({ min: 0, max: 100_000 }),
});

describe('VAT engine money properties', () => {
  it('every part adds up (net + tax = gross), the breakdown sums to the totals, no cent lost', () => {
    fc.assert(
      fc.property(orders, (order) => {
        const vat = decideVat(order);
        const parts = [...vat.lines, vat.shipping];
        const amounts = [...order.lines.map((l) => l.amountMinor), order.shippingMinor];
        parts.forEach((p, i) => {
          expect(p.netMinor + p.taxMinor).toBe(p.grossMinor);
          expect(p.taxMinor).toBeGreaterThanOrEqual(0);
          expect(order.pricesIncludeTax ? p.grossMinor : p.netMinor).toBe(amounts[i]);
        });
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(sum(vat.breakdown.map((r) => r.taxMinor))).toBe(vat.taxMinor);
        expect(sum(vat.breakdown.map((r) => r.netMinor))).toBe(vat.netMinor);
        expect(vat.netMinor + vat.taxMinor).toBe(vat.grossMinor);
      }),
      { numRuns: 1_000 },
    );
  });

  it('per total, each rate holds exactly the tax of its summed amounts; per line, each line its own', () => {
    fc.assert(
      fc.property(orders, (order) => {
        const vat = decideVat(order);
        const parts = [...vat.lines, vat.shipping];
        const amounts = [...order.lines.map((l) => l.amountMinor), order.shippingMinor];
        if (order.rounding === 'line') {
          parts.forEach((p, i) =>
            expect(p.taxMinor).toBe(taxAtRate(amounts[i]!, p.ratePpm, order.pricesIncludeTax)),
          );
          return;
        }
        for (const row of vat.breakdown) {
          const summed = parts
            .map((p, i) => ({ p, amount: amounts[i]! }))
            .filter(({ p }) => p.ratePpm === row.ratePpm && p.category === row.category)
            .reduce((a, { amount }) => a + amount, 0);
          expect(row.taxMinor).toBe(taxAtRate(summed, row.ratePpm, order.pricesIncludeTax));
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
