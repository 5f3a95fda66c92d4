import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { pdfTexts as pdfPageTexts } from '../../test/support/pdf-text';
import { renderAndDecode } from '../../test/support/zpl-decode';
import { makeAddress, makeMoneyPackingSlip, makePackingSlip } from './label-fixtures';
import { renderPackingSlipPdf, toFontCharacters } from './packing-slip-pdf';
import { renderPackingSlipZpl } from './packing-slip-zpl';

describe('packing slip as 4×6 ZPL', () => {
  it('puts nine lines on each label and the scannable order number on every page', async () => {
    const slip = makePackingSlip({ lines: 11 });
    const pages = await renderAndDecode(renderPackingSlipZpl(slip, 203));
    expect(pages).toHaveLength(2);
    for (const barcodes of pages) expect(barcodes.map((b) => b.text)).toEqual([slip.orderNumber]);
  });

  it('lists SKU, name and quantity of each line and the unit total', () => {
    const zpl = renderPackingSlipZpl(makePackingSlip({ lines: 2, note: 'Gift wrap' }), 203);
    for (const fact of [
      'SKU-1000',
      'Linen shirt, size 2',
      '^FD2^FS',
      '2 lines, 3 units',
      'Gift wrap',
      'Page 1/1',
    ])
      expect(zpl).toContain(fact);
  });

  it('shows each line amount and rate, and the totals with the VAT per rate on the last label', () => {
    const zpl = renderPackingSlipZpl(makeMoneyPackingSlip(), 203);
    for (const fact of [
      'AMOUNT EUR',
      '^FD45.00^FS',
      '^FD21%^FS',
      '^FD9%^FS',
      '^FDSubtotal^FS',
      '^FD60.00 EUR^FS',
      '^FDDiscount^FS',
      '^FD-5.00 EUR^FS',
      '^FDShipping^FS',
      '^FDVAT 9%^FS',
      '^FD0.90 EUR^FS',
      '^FDVAT 21%^FS',
      '^FD10.41 EUR^FS',
      '^FDTotal^FS',
      '^FD71.26 EUR^FS',
    ])
      expect(zpl).toContain(fact);
  });

  it('says the money in Dutch on a Dutch slip: words and decimal comma, no English left', () => {
    const zpl = renderPackingSlipZpl(makeMoneyPackingSlip(), 203, 'nl');
    for (const fact of [
      'BEDRAG EUR',
      '^FD45,00^FS',
      '^FDSubtotaal^FS',
      '^FD60,00 EUR^FS',
      '^FDKorting^FS',
      '^FDVerzending^FS',
      '^FDBtw 21%^FS',
      '^FD10,41 EUR^FS',
      '^FDTotaal^FS',
      '^FD71,26 EUR^FS',
    ])
      expect(zpl).toContain(fact);
    for (const english of ['AMOUNT', 'Subtotal', 'Discount', 'Shipping', 'VAT', 'Total^'])
      expect(zpl).not.toContain(english);
  });

  it('names included VAT after the total, and gives the totals a label of their own when the lines fill the last', async () => {
    const lines = Array.from({ length: 9 }, (_, i) => ({
      sku: `SKU-${i}`,
      name: `Item ${i}`,
      quantity: 1,
      amountMinor: 1210,
      taxRatePercent: 21,
    }));
    const slip = makeMoneyPackingSlip({ lines });
    slip.money = { ...slip.money!, pricesIncludeTax: true };
    const zpl = renderPackingSlipZpl(slip, 203);
    const labels = zpl.split('^XZ').filter((l) => l.includes('^XA'));
    expect(labels).toHaveLength(2);
    expect(labels[0]).not.toContain('^FDTotal^FS');
    expect(labels[1]).toContain('^FDincl. VAT 21%^FS');
    expect(labels[1]!.indexOf('^FDTotal^FS')).toBeLessThan(labels[1]!.indexOf('incl. VAT 21%'));
    expect((await renderAndDecode(zpl, 203)).map((b) => b.map((c) => c.text))).toEqual([
      [slip.orderNumber],
      [slip.orderNumber],
    ]);
  });

  it('decodes at 300 dpi too', async () => {
    const slip = makePackingSlip({ lines: 1 });
    const [barcodes] = await renderAndDecode(renderPackingSlipZpl(slip, 300), 300);
    expect(barcodes?.map((b) => b.text)).toEqual([slip.orderNumber]);
  });
});

describe('packing slip as A4 PDF', () => {
  it('parses back with the order number, the lines and one page per 30 lines', async () => {
    const slip = makePackingSlip({ lines: 31 });
    const bytes = await renderPackingSlipPdf(slip);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getTitle()).toBe(`Packing slip ${slip.orderNumber}`);
    const [first, second] = await pdfPageTexts(bytes);
    expect(first).toContain(`Order ${slip.orderNumber}`);
    expect(first).toContain('SKU-1000');
    expect(first).toContain('Page 1 of 2');
    expect(second).toContain('SKU-1030');
    expect(second).toContain('31 lines, 496 units');
  });

  it('lists line amounts and rates, and the totals with the VAT per rate', async () => {
    const [text] = await pdfPageTexts(await renderPackingSlipPdf(makeMoneyPackingSlip()));
    for (const fact of [
      'Amount EUR',
      '45.00',
      '21%',
      'Subtotal',
      '60.00 EUR',
      'Discount',
      '-5.00 EUR',
      'VAT 9%',
      '0.90 EUR',
      'VAT 21%',
      '10.41 EUR',
      'Total',
      '71.26 EUR',
    ])
      expect(text).toContain(fact);
  });

  it('says the money in Dutch on a Dutch A4 slip', async () => {
    const [text] = await pdfPageTexts(await renderPackingSlipPdf(makeMoneyPackingSlip(), 'nl'));
    for (const fact of ['Bedrag EUR', 'Btw', 'Subtotaal', '60,00 EUR', 'Btw 21%', 'Totaal'])
      expect(text).toContain(fact);
    for (const english of ['Amount', 'Subtotal', 'VAT', 'Shipping'])
      expect(text).not.toContain(english);
  });

  it('puts the totals on a page of their own when the last page has no room', async () => {
    const lines = Array.from({ length: 29 }, (_, i) => ({
      sku: `SKU-${i}`,
      name: `Item ${i}`,
      quantity: 1,
      amountMinor: 100,
      taxRatePercent: 21,
    }));
    const pages = await pdfPageTexts(await renderPackingSlipPdf(makeMoneyPackingSlip({ lines })));
    expect(pages).toHaveLength(2);
    expect(pages[0]).not.toContain('Subtotal');
    expect(pages[1]).toContain('71.26 EUR');
  });

  it('prints Latin accents, drops accents the font lacks and replaces other scripts instead of crashing', async () => {
    const slip = makePackingSlip({
      shipTo: makeAddress({ name: 'Zoë Łukasz Őri', city: 'Москва' }),
      lines: [{ sku: 'TEA-東京', name: 'Crème brûlée – Ω edition', quantity: 1 }],
    });
    const [text] = await pdfPageTexts(await renderPackingSlipPdf(slip));
    expect(text).toContain('Zo\u00eb ?ukasz Ori');
    expect(text).toContain('TEA-??');
    expect(text).toContain('Cr\u00e8me br\u00fbl\u00e9e \u0096 ? edition'); // en dash is byte 0x96 in WinAnsi
  });

  it('keeps what the font supports and replaces the rest', () => {
    const supported = new Set(Array.from('abcdeo? ', (c) => c.codePointAt(0) ?? 0));
    expect(toFontCharacters('ab ő Ж', supported)).toBe('ab o ?');
  });
});
