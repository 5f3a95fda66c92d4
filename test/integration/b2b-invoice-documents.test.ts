// A company's shipment is invoiced when a station's confirmation is accepted, exactly once however
// often or concurrently it is confirmed, and the invoice is served as a PDF and as a Peppol BIS
// Billing 3.0 UBL document whose totals are the invoice's to the cent, with its VAT per rate and
// the reverse charge as category AE with its exemption reason.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfillmentDoc } from '../../shared/sync/documents';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import { bearer, seedCatalog, seedChannels } from '../support/oms-fixtures';
import { pdfTexts } from '../support/pdf-text';
import { enrolTestStation, makeShipment, syncClient } from '../support/sync-fixtures';
import type { EnrolledTestStation } from '../support/sync-fixtures';

const admin = bearer(ADMIN_TOKEN);
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const address = (country: 'NL' | 'BE') =>
  country === 'NL'
    ? { name: 'Receiving', line1: 'Weg 1', postalCode: '5041 AB', city: 'Tilburg', country }
    : { name: 'Réception', line1: 'Rue 1', postalCode: '1000', city: 'Brussel', country };
const cents = (text: unknown) => Math.round(Number(text) * 100);
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

describe.each(BACKENDS)('B2B invoices at shipment, as PDF and UBL, on %s', (backend) => {
  let server: TestServer;
  let tilburg1: EnrolledTestStation;
  let tilburg2: EnrolledTestStation;
  const post = (url: string, payload: object = {}) =>
    server.app.inject({ method: 'POST', url, headers: admin, payload });
  const get = (url: string) => server.app.inject({ method: 'GET', url, headers: admin });

  beforeAll(async () => {
    server = await startTestServer(backend, 'b2b-invoice-docs', { poolSize: 12 });
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 10_000 },
      'SKU-2': { 'NL-TIL': 10_000 },
    });
    // Books-like goods: the Dutch reduced rate.
    await server.db
      .updateTable('products')
      .set({ tax_class: 'reduced' })
      .where('sku', '=', 'SKU-2')
      .execute();
    tilburg1 = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 1');
    tilburg2 = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 2');
  });
  afterAll(() => server.close());

  let n = 0;
  async function companyShipment(country: 'NL' | 'BE', vatNumber?: string) {
    n += 1;
    const company = await post('/v1/b2b/companies', {
      legalName: `Docs Co ${n} ${backend}`,
      ...(vatNumber ? { vatNumber } : {}),
      currency: 'EUR',
      locale: country === 'NL' ? 'nl' : 'en',
      billingAddress: address(country),
      shippingAddress: address(country),
      paymentTerms: { kind: 'net', days: 30 },
    });
    expect(company.statusCode, company.body).toBe(201);
    const companyId = company.json().id as string;
    await post(`/v1/b2b/companies/${companyId}/buyers`, {
      name: 'B',
      email: `docs${n}@co.example`,
      role: 'buyer',
    });
    const quote = await post('/v1/b2b/quotes', {
      companyId,
      lines: [
        { sku: 'SKU-1', quantity: 3 },
        { sku: 'SKU-2', quantity: 7 },
      ],
      validUntil: inDays(5),
      shippingMinor: 995,
    });
    expect(quote.statusCode, quote.body).toBe(201);
    await post(`/v1/b2b/quotes/${quote.json().id}/send`);
    const accepted = await post(`/v1/b2b/quotes/${quote.json().id}/accept`, {
      poNumber: `PO-${n}`,
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const orderId = accepted.json().orderId as string;
    const docs = (await syncClient(server.app, tilburg1).pullAll(
      'fulfillments',
    )) as unknown as FulfillmentDoc[];
    const fulfillment = docs.find((d) => d.orderId === orderId);
    if (!fulfillment) throw new Error(`order ${orderId} did not reach Tilburg`);
    return { companyId, orderId, fulfillment };
  }

  const invoicesOf = (orderId: string) =>
    server.db.selectFrom('b2b_invoices').selectAll().where('order_id', '=', orderId).execute();

  it('invoices a shipment once when two stations confirm it at the same moment and one retries', async () => {
    const { orderId, fulfillment } = await companyShipment('NL');
    const first = makeShipment(tilburg1, fulfillment);
    const second = makeShipment(tilburg2, fulfillment);
    const push = (station: EnrolledTestStation, doc: typeof first) =>
      syncClient(server.app, station).push('shipments', [
        { newDocumentState: { ...doc, _deleted: false } },
      ]);
    const answers = await Promise.all([push(tilburg1, first), push(tilburg2, second)]);
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const verdicts = answers.map((a) => a.json()[0]?.status);
    expect(verdicts.sort()).toEqual(['accepted', 'refused']);
    // The winner's retry (a lost answer) is the same shipment again.
    const winner = verdicts.indexOf('accepted') === 0 ? [tilburg1, first] : [tilburg2, second];
    await push(winner[0] as EnrolledTestStation, winner[1] as typeof first);

    const invoices = await invoicesOf(orderId);
    expect(invoices).toHaveLength(1);
    const invoice = invoices[0]!;
    // 3 × 10.00 at 21 %, 7 × 10.00 at 9 %, shipping 9.95 with the larger share (70.00 at 9 %).
    expect(invoice.vat).toEqual([
      { category: 'S', ratePercent: 9, netMinor: 7995, taxMinor: 720, reverseCharge: false },
      { category: 'S', ratePercent: 21, netMinor: 3000, taxMinor: 630, reverseCharge: false },
    ]);
    expect(invoice).toMatchObject({
      net_minor: 10_995,
      tax_minor: 1350,
      total_minor: 12_345,
      po_number: `PO-${n}`,
    });
    // Issued by hand afterwards: refused, the number is not taken twice.
    const again = await post(`/v1/b2b/fulfillments/${fulfillment.id}/invoice`);
    expect(again.statusCode).toBe(409);
    expect(await invoicesOf(orderId)).toHaveLength(1);

    const pdf = await get(`/v1/b2b/invoices/${invoice.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfTexts(new Uint8Array(pdf.rawPayload))).join('\n');
    expect(text).toContain('Factuur');
    expect(text).toContain(invoice.number);
    expect(text).toContain('123,45');
    expect(text).toContain('Btw S 9 % over 79,95');
  });

  function parseUbl(xml: string) {
    expect(XMLValidator.validate(xml)).toBe(true);
    return new XMLParser({
      ignoreAttributes: false,
      removeNSPrefix: true,
      parseTagValue: false,
    }).parse(xml).Invoice;
  }

  it('serves a UBL invoice whose totals, VAT breakdown and lines add up to the cent', async () => {
    const { orderId, fulfillment } = await companyShipment('NL', 'NL004495445B01');
    const shipped = await syncClient(server.app, tilburg1).push('shipments', [
      { newDocumentState: { ...makeShipment(tilburg1, fulfillment), _deleted: false } },
    ]);
    expect(shipped.json()[0].status).toBe('accepted');
    const [invoice] = await invoicesOf(orderId);
    const res = await get(`/v1/b2b/invoices/${invoice!.id}/ubl`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    const ubl = parseUbl(res.body);
    expect(ubl.CustomizationID).toBe(
      'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0',
    );
    expect(ubl.ProfileID).toBe('urn:fdc:peppol.eu:2017:poacc:billing:01:1.0');
    expect(ubl.ID).toBe(invoice!.number);
    expect(ubl.InvoiceTypeCode).toBe('380');
    expect(ubl.DocumentCurrencyCode).toBe('EUR');
    expect(ubl.OrderReference.ID).toBe(invoice!.po_number);
    expect(ubl.AccountingSupplierParty.Party.PartyTaxScheme.CompanyID).toBe(
      server.config.seller.vatNumber,
    );
    const lines = list(ubl.InvoiceLine);
    const subtotals = list(ubl.TaxTotal.TaxSubtotal);
    const totals = ubl.LegalMonetaryTotal;
    const sum = (xs: unknown[]) => xs.reduce<number>((s, x) => s + cents(x), 0);
    // BR-CO-10: Σ line net = LineExtensionAmount; BR-CO-13/15: exclusive + tax = inclusive.
    expect(sum(lines.map((l) => l.LineExtensionAmount['#text']))).toBe(
      cents(totals.LineExtensionAmount['#text']),
    );
    expect(cents(totals.TaxExclusiveAmount['#text'])).toBe(invoice!.net_minor);
    expect(sum(subtotals.map((s) => s.TaxAmount['#text']))).toBe(
      cents(ubl.TaxTotal.TaxAmount['#text']),
    );
    expect(cents(ubl.TaxTotal.TaxAmount['#text'])).toBe(invoice!.tax_minor);
    expect(cents(totals.TaxExclusiveAmount['#text']) + cents(ubl.TaxTotal.TaxAmount['#text'])).toBe(
      cents(totals.TaxInclusiveAmount['#text']),
    );
    expect(cents(totals.PayableAmount['#text'])).toBe(invoice!.total_minor);
    // One TaxSubtotal per rate, each over the lines of its rate (BR-S-08).
    expect(
      subtotals.map((s) => [
        s.TaxCategory.ID,
        s.TaxCategory.Percent,
        cents(s.TaxableAmount['#text']),
      ]),
    ).toEqual([
      ['S', '9', 7995],
      ['S', '21', 3000],
    ]);
    for (const s of subtotals) {
      const ofRate = lines.filter(
        (l) => l.Item.ClassifiedTaxCategory.Percent === s.TaxCategory.Percent,
      );
      expect(sum(ofRate.map((l) => l.LineExtensionAmount['#text']))).toBe(
        cents(s.TaxableAmount['#text']),
      );
    }
    // Each line: quantity × price = net (no discount here).
    for (const l of lines)
      expect(cents(l.Price.PriceAmount['#text']) * Number(l.InvoicedQuantity['#text'])).toBe(
        cents(l.LineExtensionAmount['#text']),
      );
  });

  it('writes an intra-Community (reverse-charged) invoice as category K at 0 % with its exemption reason and both VAT numbers', async () => {
    const { orderId, fulfillment } = await companyShipment('BE', 'BE0411905847');
    await syncClient(server.app, tilburg1).push('shipments', [
      { newDocumentState: { ...makeShipment(tilburg1, fulfillment), _deleted: false } },
    ]);
    const [invoice] = await invoicesOf(orderId);
    expect(invoice).toMatchObject({ net_minor: 10_995, tax_minor: 0, total_minor: 10_995 });
    const ubl = parseUbl((await get(`/v1/b2b/invoices/${invoice!.id}/ubl`)).body);
    const subtotals = list(ubl.TaxTotal.TaxSubtotal);
    expect(subtotals).toHaveLength(1);
    expect(subtotals[0].TaxCategory).toMatchObject({
      ID: 'K',
      Percent: '0',
      TaxExemptionReasonCode: 'vatex-eu-ic',
      TaxExemptionReason: 'Intra-Community supply',
    });
    expect(cents(subtotals[0].TaxableAmount['#text'])).toBe(10_995);
    expect(cents(ubl.TaxTotal.TaxAmount['#text'])).toBe(0);
    for (const l of list(ubl.InvoiceLine))
      expect(l.Item.ClassifiedTaxCategory).toMatchObject({ ID: 'K', Percent: '0' });
    // BR-IC-02: the seller's and the buyer's VAT numbers; BR-IC-12-like: where it was delivered.
    expect(ubl.AccountingCustomerParty.Party.PartyTaxScheme.CompanyID).toBe('BE0411905847');
    expect(ubl.AccountingCustomerParty.Party.EndpointID).toEqual({
      '#text': 'BE0411905847',
      '@_schemeID': '9925',
    });
    expect(ubl.Delivery.DeliveryLocation.Address.Country.IdentificationCode).toBe('BE');
    expect(ubl.Note).toContain('reverse charged');
    const pdf = await get(`/v1/b2b/invoices/${invoice!.id}/pdf`);
    const text = (await pdfTexts(new Uint8Array(pdf.rawPayload))).join('\n');
    expect(text).toContain('Invoice');
    expect(text).toContain('VAT K 0 % on 109.95');
    expect(text).toContain('reverse charged');
  });

  it('answers 404 for an unknown invoice', async () => {
    const res = await get('/v1/b2b/invoices/00000000-0000-4000-8000-000000000000/ubl');
    expect(res.statusCode).toBe(404);
  });
});
