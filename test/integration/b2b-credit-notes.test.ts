// Credit notes and bank payments against B2B invoices: a credit note credits some lines (its own
// gapless series, VAT per rate), is made once however often its request is retried, never credits
// more than was invoiced (409 naming the line), lowers what is open and the company's balance, and
// is served as a PDF and a UBL CreditNote referring to the invoice. A bank CSV pays invoices named
// in its remittance text; the same file twice changes nothing; a bad row is a 422 naming it.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import { bearer, seedCatalog, seedChannels } from '../support/oms-fixtures';
import { pdfTexts } from '../support/pdf-text';

const admin = bearer(ADMIN_TOKEN);
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const cents = (text: unknown) => Math.round(Number(text) * 100);
const address = {
  name: 'R',
  line1: 'Weg 1',
  postalCode: '5041 AB',
  city: 'Tilburg',
  country: 'NL',
};

describe.each(BACKENDS)('B2B credit notes and bank payments on %s', (backend) => {
  let server: TestServer;
  const post = (url: string, payload: object = {}, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'POST', url, headers: { ...admin, ...headers }, payload });
  const get = (url: string) => server.app.inject({ method: 'GET', url, headers: admin });

  beforeAll(async () => {
    server = await startTestServer(backend, 'b2b-credit-notes', { poolSize: 12 });
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 10_000 }, 'SKU-2': { 'NL-TIL': 10_000 } });
    await server.db
      .updateTable('products')
      .set({ tax_class: 'reduced' })
      .where('sku', '=', 'SKU-2')
      .execute();
  });
  afterAll(() => server.close());

  let n = 0;
  async function issuedInvoice() {
    n += 1;
    const company = await post('/v1/b2b/companies', {
      legalName: `Credit Co ${n} ${backend}`,
      currency: 'EUR',
      locale: 'fr',
      billingAddress: address,
      shippingAddress: address,
      paymentTerms: { kind: 'net', days: 30 },
      billingEmail: `billing${n}@co.example`,
    });
    expect(company.statusCode, company.body).toBe(201);
    expect(company.json().billingEmail).toBe(`billing${n}@co.example`);
    const companyId = company.json().id as string;
    await post(`/v1/b2b/companies/${companyId}/buyers`, {
      name: 'B',
      email: `cn${n}@co.example`,
      role: 'buyer',
    });
    const quote = await post('/v1/b2b/quotes', {
      companyId,
      lines: [
        { sku: 'SKU-1', quantity: 3 },
        { sku: 'SKU-2', quantity: 7 },
      ],
      validUntil: inDays(5),
      shippingMinor: 500,
    });
    await post(`/v1/b2b/quotes/${quote.json().id}/send`);
    const accepted = await post(`/v1/b2b/quotes/${quote.json().id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(201);
    const f = await server.db
      .selectFrom('fulfillment_orders')
      .select('id')
      .where('order_id', '=', accepted.json().orderId)
      .executeTakeFirstOrThrow();
    const invoice = await post(`/v1/b2b/fulfillments/${f.id}/invoice`);
    expect(invoice.statusCode, invoice.body).toBe(201);
    return { companyId, invoice: invoice.json() };
  }
  const balance = async (companyId: string) =>
    (await get(`/v1/b2b/companies/${companyId}`)).json().openBalanceMinor as number;

  it('credits some lines once under retries, never beyond the invoice, and the rest to the cent', async () => {
    const { companyId, invoice } = await issuedInvoice();
    // 3 × 10.00 at 21 %, 7 × 10.00 at 9 %, shipping 5.00 (at 9 %, the larger share).
    expect(invoice.totalMinor).toBe(3000 + 7500 + 630 + 675);
    const url = `/v1/b2b/invoices/${invoice.id}/credit-notes`;
    const body = { reason: 'Retour RMA-1', lines: [{ sku: 'SKU-1', quantity: 2 }] };
    const answers = await Promise.all([
      post(url, body, { 'idempotency-key': `rma-1-${backend}` }),
      post(url, body, { 'idempotency-key': `rma-1-${backend}` }),
      post(url, body, { 'idempotency-key': `rma-1-${backend}` }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const notes = await server.db
      .selectFrom('b2b_credit_notes')
      .selectAll()
      .where('invoice_id', '=', invoice.id)
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.number).toMatch(/^NL01-CN-\d{4}-\d{6}$/);
    expect(notes[0]!.vat).toEqual([
      { category: 'S', ratePercent: 21, netMinor: 2000, taxMinor: 420, reverseCharge: false },
    ]);
    expect(notes[0]!.total_minor).toBe(2420);
    expect(await balance(companyId)).toBe(invoice.totalMinor - 2420);

    const over = await post(
      url,
      {
        reason: 'Again',
        lines: [
          { sku: 'SKU-2', quantity: 1 },
          { sku: 'SKU-1', quantity: 2 },
        ],
      },
      { 'idempotency-key': `over-${backend}` },
    );
    expect(over.statusCode, over.body).toBe(409);
    expect(over.json().field).toBe('lines[1].quantity');
    expect(over.json().message).toContain('SKU-1');

    const rest = await post(url, { reason: 'Annulé' }, { 'idempotency-key': `rest-${backend}` });
    expect(rest.statusCode, rest.body).toBe(201);
    const all = await server.db
      .selectFrom('b2b_credit_notes')
      .select(['seq', 'total_minor', 'net_minor', 'tax_minor'])
      .where('invoice_id', '=', invoice.id)
      .orderBy('seq')
      .execute();
    expect(all.reduce((s, r) => s + r.total_minor, 0)).toBe(invoice.totalMinor);
    expect(all.reduce((s, r) => s + r.tax_minor, 0)).toBe(invoice.taxMinor);
    expect(await balance(companyId)).toBe(0);
    const view = (await get(`/v1/b2b/invoices/${invoice.id}`)).json();
    expect(view).toMatchObject({ status: 'credited', openMinor: 0 });
    expect(view.creditNotes).toHaveLength(2);
    const nothing = await post(url, { reason: 'x' }, { 'idempotency-key': `none-${backend}` });
    expect(nothing.statusCode).toBe(409);

    // The series has no gaps: refused requests took no number.
    const seqs = (
      await server.db.selectFrom('b2b_credit_notes').select('seq').orderBy('seq').execute()
    ).map((r) => r.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));

    const events = await server.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'credit_note.issued')
      .where('aggregate_id', '=', answers[0]!.json().id)
      .execute();
    expect(events).toHaveLength(1);
  });

  it('serves the credit note as a French PDF and a UBL CreditNote referring to its invoice', async () => {
    const { invoice } = await issuedInvoice();
    const made = await post(
      `/v1/b2b/invoices/${invoice.id}/credit-notes`,
      { reason: 'Casse', lines: [{ sku: 'SKU-2', quantity: 3 }] },
      { 'idempotency-key': `docs-${backend}` },
    );
    expect(made.statusCode, made.body).toBe(201);
    const { id, number } = made.json();
    const pdf = await get(`/v1/b2b/credit-notes/${id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = (await pdfTexts(pdf.rawPayload)).join(' ');
    expect(text).toContain('Avoir');
    expect(text).toContain(invoice.number);
    const ubl = await get(`/v1/b2b/credit-notes/${id}/ubl`);
    expect(XMLValidator.validate(ubl.body)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      removeNSPrefix: true,
      parseTagValue: false,
    }).parse(ubl.body).CreditNote;
    expect(ubl.body).toContain('xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(doc.CustomizationID).toContain('urn:fdc:peppol.eu:2017:poacc:billing:3.0');
    expect(doc.ID).toBe(number);
    expect(doc.CreditNoteTypeCode).toBe('381');
    expect(doc.BillingReference.InvoiceDocumentReference.ID).toBe(invoice.number);
    expect(doc.BillingReference.InvoiceDocumentReference.IssueDate).toBe(invoice.issuedOn);
    expect(doc.CreditNoteLine.CreditedQuantity['#text']).toBe('3');
    // 3 × 10.00 at 9 % = 2.70: totals agree (BR-CO-10, BR-CO-15).
    expect(cents(doc.LegalMonetaryTotal.LineExtensionAmount['#text'])).toBe(3000);
    expect(cents(doc.TaxTotal.TaxAmount['#text'])).toBe(270);
    expect(cents(doc.LegalMonetaryTotal.PayableAmount['#text'])).toBe(3270);
    expect(doc.TaxTotal.TaxSubtotal.TaxCategory.Percent).toBe('9');
  });

  it('pays invoices from a bank CSV by the number in the text, once however often it is imported', async () => {
    const a = await issuedInvoice();
    const b = await issuedInvoice();
    const part = 5000;
    const csv = [
      'date;amount;currency;name;description;transaction_id',
      `2026-12-01;${(a.invoice.totalMinor / 100).toFixed(2).replace('.', ',')};EUR;Credit Co;Factuur ${a.invoice.number};TX-A-${backend}`,
      `2026-12-01;${part / 100};EUR;Credit Co;"betaling ${b.invoice.number.replaceAll('-', '')}; deel";`,
      `2026-12-02;12,34;EUR;Someone;no reference here;`,
      `2026-12-02;-50,00;EUR;Bank;fees;`,
    ].join('\n');
    const upload = () =>
      post('/v1/b2b/bank-statements', { fileName: 'dec.csv', format: 'csv', content: csv });
    const first = await upload();
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ imported: 3, duplicates: 0 });
    expect(
      first
        .json()
        .matched.map((m: { invoiceNumber: string }) => m.invoiceNumber)
        .sort(),
    ).toEqual([a.invoice.number, b.invoice.number].sort());
    expect(first.json().unmatched).toHaveLength(1);
    const again = await upload();
    expect(again.json()).toMatchObject({ imported: 0, duplicates: 3, matched: [], unmatched: [] });

    expect((await get(`/v1/b2b/invoices/${a.invoice.id}`)).json()).toMatchObject({
      status: 'paid',
      openMinor: 0,
    });
    const bView = (await get(`/v1/b2b/invoices/${b.invoice.id}`)).json();
    expect(bView).toMatchObject({ paidMinor: part, openMinor: b.invoice.totalMinor - part });
    expect(await balance(a.companyId)).toBe(0);
    expect(await balance(b.companyId)).toBe(b.invoice.totalMinor - part);

    const unmatched = (await get('/v1/b2b/bank-transactions/unmatched')).json().payments;
    const stray = unmatched.find((p: { amountMinor: number }) => p.amountMinor === 1234);
    expect(stray.note).toContain('no invoice number');
    const matched = await post(`/v1/b2b/bank-transactions/${stray.id}/match`, {
      invoiceId: b.invoice.id,
    });
    expect(matched.statusCode, matched.body).toBe(200);
    expect(matched.json().openMinor).toBe(b.invoice.totalMinor - part - 1234);
    const twice = await post(`/v1/b2b/bank-transactions/${stray.id}/match`, {
      invoiceId: b.invoice.id,
    });
    expect(twice.statusCode).toBe(409);
  });

  it('refuses a malformed statement row naming the row and column, importing nothing of it', async () => {
    const before = await server.db
      .selectFrom('b2b_bank_transactions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const bad = await post('/v1/b2b/bank-statements', {
      fileName: 'bad.csv',
      format: 'csv',
      content: 'date,amount,currency,description\n2026-12-01,10.00,EUR,ok\n2026-12-01,ten,EUR,bad',
    });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().message).toContain('Row 3, column amount');
    const after = await server.db
      .selectFrom('b2b_bank_transactions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('imports a CAMT.053 statement: credits booked, matched by the structured reference', async () => {
    const { invoice } = await issuedInvoice();
    const amount = (invoice.totalMinor / 100).toFixed(2);
    const xml = `<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>S1</Id>
<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-03</Dt></BookgDt>
<AcctSvcrRef>CAMT-${backend}-1</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Credit Co</Nm></Dbtr></RltdPties>
<RmtInf><Strd><CdtrRefInf><Ref>${invoice.number}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="EUR">3.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-03</Dt></BookgDt></Ntry>
</Stmt></BkToCstmrStmt></Document>`;
    const res = await post('/v1/b2b/bank-statements', {
      fileName: 'dec.xml',
      format: 'camt053',
      content: xml,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ imported: 1, duplicates: 0 });
    expect(res.json().matched[0].invoiceNumber).toBe(invoice.number);
    expect((await get(`/v1/b2b/invoices/${invoice.id}`)).json().status).toBe('paid');
  });
});
