import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  purchaseOrderEmailBody,
  purchaseOrderPdf,
  type PurchaseOrderSent,
} from './purchase-order-email';

const po: PurchaseOrderSent = {
  purchaseOrderId: 'b9f0c7a2-0000-4000-8000-000000000001',
  number: 'PO-000007',
  supplierName: 'Acme BV',
  supplierEmail: 'orders@acme.example',
  supplierLocale: 'nl',
  warehouseCode: 'NL-TIL',
  expectedDate: '2026-12-13',
  currency: 'EUR',
  lines: [
    { sku: 'SKU-1', quantity: 24, unitCostMinor: 450 },
    { sku: 'SKU-2', quantity: 6, unitCostMinor: 1000 },
  ],
};

describe('purchase order e-mail', () => {
  it("is written in the supplier's language with the lines and total", () => {
    const nl = purchaseOrderEmailBody(po, 'nl');
    expect(nl.subject).toBe('Inkooporder PO-000007');
    expect(nl.paragraphs[0]).toBe(
      'Graag leveren aan magazijn NL-TIL uiterlijk 2026-12-13. Vermeld PO-000007 op de pakbon.',
    );
    expect(nl.facts).toHaveLength(1);
    expect(nl.facts![0]!.label).toBe('Totaal');
    expect(nl.facts![0]!.value).toMatch(/^€\s168,00$/);
    expect(nl.lines![0]!.amount).toMatch(/^€\s4,50$/);
    expect(purchaseOrderEmailBody(po, 'en').subject).toBe('Purchase order PO-000007');
  });

  it('speaks German and French to suppliers who read them', () => {
    const de = purchaseOrderEmailBody(po, 'de');
    expect(de.subject).toBe('Bestellung PO-000007');
    expect(de.paragraphs[0]).toBe(
      'Bitte liefern Sie an das Lager NL-TIL bis spätestens 2026-12-13. Bitte geben Sie PO-000007 auf dem Lieferschein an.',
    );
    expect(de.facts![0]!.value).toMatch(/^168,00\s€$/);
    const fr = purchaseOrderEmailBody({ ...po, expectedDate: null }, 'fr');
    expect(fr.subject).toBe('Bon de commande PO-000007');
    expect(fr.paragraphs[0]).toBe(
      'Merci de livrer à l’entrepôt NL-TIL. Veuillez indiquer PO-000007 sur le bon de livraison.',
    );
    expect(fr.closing).toBe('Le bon de commande est joint en PDF.');
  });

  it.each(['en', 'nl', 'de', 'fr'] as const)('renders the PDF in %s', async (locale) => {
    const pdf = await purchaseOrderPdf({ ...po, currency: 'KWD' }, locale);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
  });

  it("writes amounts with the currency's own minor unit", () => {
    const yen = {
      ...po,
      currency: 'JPY',
      lines: [{ sku: 'SKU-1', quantity: 2, unitCostMinor: 1234 }],
    };
    expect(purchaseOrderEmailBody(yen, 'en').facts![0]!.value).toBe('JP¥2,468');
    const dinar = {
      ...po,
      currency: 'KWD',
      lines: [{ sku: 'SKU-1', quantity: 1, unitCostMinor: 1234 }],
    };
    expect(purchaseOrderEmailBody(dinar, 'en').lines![0]!.amount).toMatch(/^KWD\s1\.234$/);
  });

  it('attaches a one-page PDF of the order', async () => {
    const pdf = await purchaseOrderPdf(po, 'en');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
  });
});
