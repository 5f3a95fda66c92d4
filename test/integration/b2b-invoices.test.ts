// B2B invoices: one per shipment at the order's prices with its VAT breakdown (reverse charge for
// an intra-EU business buyer), due by the payment terms, on the ledger the credit check reads,
// and numbered without gaps when issued concurrently — a refused issue takes no number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import { bearer, seedCatalog, seedChannels } from '../support/oms-fixtures';

const admin = bearer(ADMIN_TOKEN);
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each(BACKENDS)('B2B invoices on %s', (backend) => {
  let server: TestServer;
  const post = (url: string, payload: object = {}) =>
    server.app.inject({ method: 'POST', url, headers: admin, payload });

  beforeAll(async () => {
    server = await startTestServer(backend, 'b2b-invoices', { poolSize: 12 });
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 10_000 } });
  });
  afterAll(() => server.close());

  let n = 0;
  async function acceptedOrder(country: 'NL' | 'BE', vatNumber?: string) {
    n += 1;
    const address =
      country === 'NL'
        ? { name: 'R', line1: 'Weg 1', postalCode: '5041 AB', city: 'Tilburg', country }
        : { name: 'R', line1: 'Rue 1', postalCode: '1000', city: 'Brussel', country };
    const company = await post('/v1/b2b/companies', {
      legalName: `Invoice Co ${n} ${backend}`,
      ...(vatNumber ? { vatNumber } : {}),
      currency: 'EUR',
      locale: 'en',
      billingAddress: address,
      shippingAddress: address,
      paymentTerms: { kind: 'end_of_month', days: 30 },
    });
    expect(company.statusCode, company.body).toBe(201);
    const companyId = company.json().id;
    await post(`/v1/b2b/companies/${companyId}/buyers`, {
      name: 'B',
      email: `b${n}@co.example`,
      role: 'buyer',
    });
    const quote = await post('/v1/b2b/quotes', {
      companyId,
      lines: [{ sku: 'SKU-1', quantity: 3 }],
      validUntil: inDays(5),
      shippingMinor: 500,
    });
    const sent = await post(`/v1/b2b/quotes/${quote.json().id}/send`);
    const accepted = await post(`/v1/b2b/quotes/${quote.json().id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(sent.statusCode).toBe(200);
    const f = await server.db
      .selectFrom('fulfillment_orders')
      .select('id')
      .where('order_id', '=', accepted.json().orderId)
      .executeTakeFirstOrThrow();
    return { companyId, fulfillmentId: f.id };
  }

  it('invoices a shipment with its lines, shipping, VAT at home and a due date by the terms', async () => {
    const { companyId, fulfillmentId } = await acceptedOrder('NL');
    const res = await post(`/v1/b2b/fulfillments/${fulfillmentId}/invoice`);
    expect(res.statusCode, res.body).toBe(201);
    const invoice = res.json();
    expect(invoice.lines).toEqual([
      {
        sku: 'SKU-1',
        name: 'Product SKU-1',
        quantity: 3,
        unitPriceMinor: 1000,
        netMinor: 3000,
        vatCategory: 'S',
        vatRatePercent: 21,
      },
      {
        sku: 'SHIPPING',
        name: 'Shipping',
        quantity: 1,
        unitPriceMinor: 500,
        netMinor: 500,
        vatCategory: 'S',
        vatRatePercent: 21,
      },
    ]);
    expect(invoice).toMatchObject({ netMinor: 3500, taxMinor: 735, totalMinor: 4235 });
    expect(invoice.vat).toEqual([
      { category: 'S', ratePercent: 21, netMinor: 3500, taxMinor: 735, reverseCharge: false },
    ]);
    const issued = new Date(`${invoice.issuedOn}T00:00:00Z`);
    const eom = new Date(Date.UTC(issued.getUTCFullYear(), issued.getUTCMonth() + 1, 30));
    expect(invoice.dueOn).toBe(eom.toISOString().slice(0, 10));
    const company = await server.app.inject({
      method: 'GET',
      url: `/v1/b2b/companies/${companyId}`,
      headers: admin,
    });
    expect(company.json().openBalanceMinor).toBe(4235);
    const twice = await post(`/v1/b2b/fulfillments/${fulfillmentId}/invoice`);
    expect(twice.statusCode).toBe(409);
  });

  it('reverse-charges an intra-EU business buyer: no VAT, marked as reverse charge', async () => {
    const { fulfillmentId } = await acceptedOrder('BE', 'BE0123456749');
    const invoice = (await post(`/v1/b2b/fulfillments/${fulfillmentId}/invoice`)).json();
    expect(invoice.vat).toEqual([
      { category: 'K', ratePercent: 0, netMinor: 3500, taxMinor: 0, reverseCharge: true },
    ]);
    expect(invoice.totalMinor).toBe(3500);
  });

  it('numbers invoices issued at once without gaps or repeats, and a refused issue takes no number', async () => {
    const shipments = [];
    for (let i = 0; i < 6; i++) shipments.push((await acceptedOrder('NL')).fulfillmentId);
    const answers = await Promise.all([
      ...shipments.map((id) => post(`/v1/b2b/fulfillments/${id}/invoice`)),
      post(`/v1/b2b/fulfillments/${shipments[0]}/invoice`),
    ]);
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(6);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(1);
    const rows = await server.db
      .selectFrom('b2b_invoices')
      .select(['seq', 'number'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
  });
});
