// Credit notes add up to their invoice to the cent: any sequence of partial credit notes followed
// by one for the rest credits each line's net and each rate's VAT exactly, and no step ever
// credits more than was invoiced, of a line or of a rate's VAT.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentToPpm } from '../../../shared/orders/order-money-schema';
import { taxAtRate } from '../../../shared/tax/tax-amount';
import type { CreditNoteLine, InvoiceLine, VatLine } from '../b2b-schema';
import { creditNoteAmounts, OverCreditError } from './credit-note-amounts';

const RATES: [VatLine['category'], number][] = [
  ['S', 21],
  ['S', 9],
  ['Z', 0],
  ['K', 0],
];

/** An invoice taxed as the engine taxes (per line, half up), grouped per category and rate. */
function makeInvoice(lines: { quantity: number; unit: number; discount: number; rate: number }[]) {
  const invoiceLines: InvoiceLine[] = lines.map((l, i) => {
    const [category, ratePercent] = RATES[l.rate]!;
    const gross = l.quantity * l.unit;
    return {
      sku: `SKU-${i}`,
      name: `Product ${i}`,
      quantity: l.quantity,
      unitPriceMinor: l.unit,
      netMinor: gross - Math.min(gross, l.discount),
      vatCategory: category,
      vatRatePercent: ratePercent,
    };
  });
  const vat = new Map<string, VatLine>();
  for (const l of invoiceLines) {
    const key = `${l.vatCategory}:${l.vatRatePercent}`;
    const row = vat.get(key) ?? {
      category: l.vatCategory,
      ratePercent: l.vatRatePercent!,
      netMinor: 0,
      taxMinor: 0,
      reverseCharge: l.vatCategory === 'K',
    };
    row.netMinor += l.netMinor;
    row.taxMinor += taxAtRate(l.netMinor, percentToPpm(l.vatRatePercent!), false);
    vat.set(key, row);
  }
  return { lines: invoiceLines, vat: [...vat.values()] };
}

const invoiceArb = fc
  .array(
    fc.record({
      quantity: fc.integer({ min: 1, max: 50 }),
      unit: fc.integer({ min: 0, max: 100_000 }),
      discount: fc.integer({ min: 0, max: 5_000 }),
      rate: fc.integer({ min: 0, max: RATES.length - 1 }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map(makeInvoice);

const key = (v: VatLine) => `${v.category}:${v.ratePercent}`;

describe('credit note amounts', () => {
  it('add up to the invoice to the cent over any partial credits, never exceeding it', () => {
    fc.assert(
      fc.property(
        invoiceArb,
        fc.array(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 20 })), { maxLength: 5 }), {
          maxLength: 6,
        }),
        (invoice, steps) => {
          const issued: CreditNoteLine[] = [];
          const vatCredited = new Map<string, number>();
          const credit = (request: { sku: string; quantity: number }[] | null) => {
            const note = creditNoteAmounts(invoice, issued, request);
            expect(note.netMinor).toBe(note.lines.reduce((s, l) => s + l.netMinor, 0));
            expect(note.taxMinor).toBe(note.vat.reduce((s, v) => s + v.taxMinor, 0));
            expect(note.totalMinor).toBe(note.netMinor + note.taxMinor);
            issued.push(...note.lines);
            for (const v of note.vat) {
              expect(v.taxMinor).toBeGreaterThanOrEqual(0);
              vatCredited.set(key(v), (vatCredited.get(key(v)) ?? 0) + v.taxMinor);
            }
          };
          for (const step of steps) {
            const request = step.map(([line, quantity]) => ({
              sku: invoice.lines[line % invoice.lines.length]!.sku,
              quantity,
            }));
            try {
              credit(request);
            } catch (error) {
              if (!(error instanceof OverCreditError)) throw error;
            }
            // After every step: no line and no rate's VAT credited beyond the invoice.
            for (const line of invoice.lines) {
              const mine = issued.filter((l) => l.sku === line.sku);
              expect(mine.reduce((s, l) => s + l.quantity, 0)).toBeLessThanOrEqual(line.quantity);
              expect(mine.reduce((s, l) => s + l.netMinor, 0)).toBeLessThanOrEqual(line.netMinor);
            }
            for (const v of invoice.vat)
              expect(vatCredited.get(key(v)) ?? 0).toBeLessThanOrEqual(v.taxMinor);
          }
          const left = invoice.lines.some(
            (line) =>
              issued.filter((l) => l.sku === line.sku).reduce((s, l) => s + l.quantity, 0) <
              line.quantity,
          );
          if (left) {
            try {
              credit(null);
            } catch (error) {
              // Only a rest worth nothing (free lines) is refused.
              expect((error as OverCreditError).reason).toBe('nothing');
            }
          }
          for (const line of invoice.lines) {
            const mine = issued.filter((l) => l.sku === line.sku);
            if (mine.length === 0) continue;
            expect(mine.reduce((s, l) => s + l.quantity, 0)).toBe(line.quantity);
            expect(mine.reduce((s, l) => s + l.netMinor, 0)).toBe(line.netMinor);
          }
          for (const v of invoice.vat)
            if (vatCredited.has(key(v)) && v.netMinor > 0)
              expect(vatCredited.get(key(v))).toBe(v.taxMinor);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a line asked for beyond what is left of it, naming the line', () => {
    const invoice = makeInvoice([{ quantity: 3, unit: 1000, discount: 0, rate: 0 }]);
    const first = creditNoteAmounts(invoice, [], [{ sku: 'SKU-0', quantity: 2 }]);
    expect(first.totalMinor).toBe(2000 + 420);
    expect(() => creditNoteAmounts(invoice, first.lines, [{ sku: 'SKU-0', quantity: 2 }])).toThrow(
      /Line SKU-0: 2 to credit but only 1 of 3/,
    );
    const rest = creditNoteAmounts(invoice, first.lines, null);
    expect(rest.totalMinor).toBe(1000 + 210);
    expect(() => creditNoteAmounts(invoice, [...first.lines, ...rest.lines], null)).toThrow(
      /credited in full/,
    );
  });
});
