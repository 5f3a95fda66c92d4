// The VAT breakdown and the legal mention on the packing slip, ZPL and A4, in English and Dutch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfTexts } from '../../test/support/pdf-text';
import { makeMoneyPackingSlip } from './label-fixtures';
import type { PackingSlipData } from './label-data';
import { LABEL_WORDS } from './label-words';
import { packingSlipVatRows } from './packing-slip-money';
import type { PackingSlipMoney } from './packing-slip-money';
import { renderPackingSlipPdf } from './packing-slip-pdf';
import { renderPackingSlipZpl } from './packing-slip-zpl';

/** Two rates priced without VAT: 49.95 at 21 % (mugs and shipping) and 10.00 at 9 % (a book). */
function makeVatSlip(money: Partial<PackingSlipMoney> = {}): PackingSlipData {
  const slip = makeMoneyPackingSlip();
  slip.money = {
    currency: 'EUR',
    pricesIncludeTax: false,
    subtotalMinor: 5500,
    discountMinor: 0,
    shippingMinor: 495,
    taxMinor: 1139,
    totalMinor: 7134,
    taxes: [
      { ratePercent: 9, netMinor: 1000, taxMinor: 90 },
      { ratePercent: 21, netMinor: 4995, taxMinor: 1049 },
    ],
    vatMention: null,
    ...money,
  };
  return slip;
}

const zeroRated = (vatMention: 'reverse_charge' | 'export') =>
  makeVatSlip({
    taxMinor: 0,
    totalMinor: 5995,
    taxes: [{ ratePercent: 0, netMinor: 5995, taxMinor: 0 }],
    vatMention,
  });

/** The text fields of a ZPL label, in order. */
const zplTexts = (zpl: string) => [...zpl.matchAll(/\^FD(.*?)\^FS/g)].map((m) => m[1]!);

describe('the VAT breakdown on a packing slip', () => {
  it('lists rate, net, VAT and gross per rate on the last 4×6 label', () => {
    const texts = zplTexts(renderPackingSlipZpl(makeVatSlip(), 203));
    const at = texts.indexOf('VAT rate');
    expect(texts.slice(at, at + 12)).toEqual([
      ...['VAT rate', 'Net', 'VAT', 'Gross'],
      ...['9%', '10.00 EUR', '0.90 EUR', '10.90 EUR'],
      ...['21%', '49.95 EUR', '10.49 EUR', '60.44 EUR'],
    ]);
    expect(texts.some((t) => t.includes('Directive'))).toBe(false);
  });

  it('says it in Dutch with decimal commas on a Dutch label', () => {
    const texts = zplTexts(renderPackingSlipZpl(makeVatSlip(), 203, 'nl'));
    const at = texts.indexOf('Btw-tarief');
    expect(texts.slice(at, at + 8)).toEqual([
      ...['Btw-tarief', 'Netto', 'Btw', 'Bruto'],
      ...['9%', '10,00 EUR', '0,90 EUR', '10,90 EUR'],
    ]);
  });

  it.each([
    ['reverse_charge', 'en', LABEL_WORDS.en.vatMention.reverse_charge],
    ['export', 'en', LABEL_WORDS.en.vatMention.export],
    ['reverse_charge', 'nl', LABEL_WORDS.nl.vatMention.reverse_charge],
    ['export', 'nl', LABEL_WORDS.nl.vatMention.export],
  ] as const)(
    'prints the %s mention whole on the %s label, within its lines',
    (mention, locale, text) => {
      const zpl = renderPackingSlipZpl(zeroRated(mention), 203, locale);
      const texts = zplTexts(zpl);
      const first = texts.findIndex((t) => text.startsWith(t));
      const joined = texts.slice(first).join(' ');
      expect(joined.startsWith(text)).toBe(true);
      expect(texts.every((t) => !t.endsWith('...'))).toBe(true);
      // The mention ends above the footer (the totals line at y 1110 layout dots).
      const ys = [...zpl.matchAll(/\^FO\d+,(\d+)\^A0N,18,18/g)].map((m) => Number(m[1]));
      expect(Math.max(...ys) + 18).toBeLessThanOrEqual(1110);
    },
  );

  it('lists the breakdown and the export mention on the A4 slip', async () => {
    const [text] = await pdfTexts(await renderPackingSlipPdf(zeroRated('export')));
    for (const fact of ['VAT rate', 'Net', 'Gross', '0%', '59.95 EUR', 'Article 146'])
      expect(text).toContain(fact);
  });

  it('prints the Dutch reverse-charge mention on a Dutch A4 slip', async () => {
    const [text] = await pdfTexts(await renderPackingSlipPdf(zeroRated('reverse_charge'), 'nl'));
    for (const fact of ['Btw-tarief', 'Bruto', 'artikel 138', 'btw verlegd'])
      expect(text).toContain(fact);
  });

  it('moves the totals, breakdown and mention to a page of their own when the lines leave no room', async () => {
    const slip = zeroRated('reverse_charge');
    slip.lines = Array.from({ length: 20 }, (_, i) => ({
      sku: `SKU-${i}`,
      name: `Item ${i}`,
      quantity: 1,
      amountMinor: 100,
      taxRatePercent: 0,
    }));
    const pages = await pdfTexts(await renderPackingSlipPdf(slip));
    expect(pages).toHaveLength(2);
    expect(pages[0]).not.toContain('Gross');
    expect(pages[1]).toContain('Article 138');
  });

  it('makes every row add up: net + VAT = gross, to the cent', () => {
    const rate = fc.record({
      ratePercent: fc.constantFrom(0, 5.5, 9, 13.5, 21, 25.5),
      netMinor: fc.integer({ min: 0, max: 10_000_000 }),
      taxMinor: fc.integer({ min: 0, max: 2_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(rate, { minLength: 1, maxLength: 5 }), (taxes) => {
        const rows = packingSlipVatRows(makeVatSlip({ taxes }).money!);
        const cents = (s: string) => Math.round(Number(s.replace(' EUR', '')) * 100);
        expect(rows).toHaveLength(taxes.length);
        rows.forEach((row, i) => {
          expect(cents(row.net)).toBe(taxes[i]!.netMinor);
          expect(cents(row.gross)).toBe(cents(row.net) + cents(row.tax));
        });
      }),
    );
  });
});
