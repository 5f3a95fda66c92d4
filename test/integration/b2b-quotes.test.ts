// B2B from account to order: a company on a contract price list, a quote drafted from a CSV
// request, revised and sent (the sent version never changes), accepted exactly once through the
// order intake however often it is clicked, the PO rules, the expiry sweep, approvals over a
// buyer's limit and the credit hold released by a payment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDueQuotes } from '../../src-server/b2b/quotes/quote-expiry';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import { bearer, seedCatalog, seedChannels } from '../support/oms-fixtures';

const admin = bearer(ADMIN_TOKEN);
const address = (country: string, postalCode: string) => ({
  name: 'Receiving',
  line1: 'Industrieweg 1',
  postalCode,
  city: 'Tilburg',
  country,
});
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each(BACKENDS)('B2B quotes on %s', (backend) => {
  let server: TestServer;
  let priceListId: string;

  beforeAll(async () => {
    server = await startTestServer(backend, 'b2b-quotes');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 1000 },
      'SKU-2': { 'NL-TIL': 1000 },
      'SKU-3': { 'NL-TIL': 1000 },
    });
    const list = await post('/v1/b2b/price-lists', {
      name: 'Contract 2026',
      currency: 'EUR',
      prices: [
        { sku: 'SKU-1', minQuantity: 1, unitPriceMinor: 900 },
        { sku: 'SKU-1', minQuantity: 100, unitPriceMinor: 800 },
      ],
    });
    expect(list.statusCode).toBe(201);
    priceListId = list.json().id;
  });
  afterAll(() => server.close());

  function post(url: string, payload: object, method: 'POST' | 'PATCH' = 'POST') {
    return server.app.inject({ method, url, headers: admin, payload });
  }

  let companyNo = 0;
  async function makeCompany(over: Record<string, unknown> = {}, buyerLimit: number | null = null) {
    companyNo += 1;
    const res = await post('/v1/b2b/companies', {
      legalName: `Bouwmarkt ${companyNo} ${backend} B.V.`,
      currency: 'EUR',
      locale: 'nl',
      billingAddress: address('NL', '5041 AB'),
      shippingAddress: address('NL', '5041 AB'),
      priceListId,
      paymentTerms: { kind: 'net', days: 30 },
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    const companyId = res.json().id as string;
    const buyer = await post(`/v1/b2b/companies/${companyId}/buyers`, {
      name: 'Jan Inkoop',
      email: `jan${companyNo}@bouwmarkt.example`,
      role: 'buyer',
      orderLimitMinor: buyerLimit,
    });
    expect(buyer.statusCode, buyer.body).toBe(201);
    return companyId;
  }

  async function sentQuote(companyId: string, csv = 'SKU,quantity\nSKU-1,120\nSKU-2,3\n') {
    const draft = await post('/v1/b2b/quotes', {
      companyId,
      csv,
      validUntil: inDays(14),
      shippingMinor: 1500,
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const quoteId = draft.json().id as string;
    const sent = await post(`/v1/b2b/quotes/${quoteId}/send`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    return { quoteId, acceptPath: sent.json().acceptPath as string, draft: draft.json() };
  }

  it('prices a CSV request from the contract list by quantity break, the catalogue otherwise, and says where each price came from', async () => {
    const companyId = await makeCompany();
    const { draft } = await sentQuote(companyId);
    const [line1, line2] = draft.versions[0].lines;
    expect(line1).toMatchObject({
      sku: 'SKU-1',
      quantity: 120,
      unitPriceMinor: 800,
      priceSource: 'price_list:Contract 2026:from 100',
    });
    expect(line2).toMatchObject({
      sku: 'SKU-2',
      quantity: 3,
      unitPriceMinor: 1000,
      priceSource: 'catalogue',
    });
    // 120 × 8.00 + 3 × 10.00 + 15.00 shipping = 1005.00 net, 21 % VAT at home.
    expect(draft.versions[0]).toMatchObject({
      netMinor: 100_500,
      taxMinor: 21_105,
      totalMinor: 121_605,
    });
  });

  it('names the CSV row that is wrong and drafts nothing', async () => {
    const companyId = await makeCompany();
    const before = await server.db
      .selectFrom('b2b_quotes')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await post('/v1/b2b/quotes', {
      companyId,
      csv: 'SKU-1,5\nSKU-2,lots\n',
      validUntil: inDays(3),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'bad_csv', field: 'csv' });
    expect(res.json().message).toContain('row 2');
    const after = await server.db
      .selectFrom('b2b_quotes')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('keeps a sent version unchanged: revising it writes the next version as a draft', async () => {
    const companyId = await makeCompany();
    const { quoteId, acceptPath } = await sentQuote(companyId);
    const revised = await post(
      `/v1/b2b/quotes/${quoteId}`,
      { lines: [{ sku: 'SKU-1', quantity: 10, unitPriceMinor: 750 }] },
      'PATCH',
    );
    expect(revised.statusCode, revised.body).toBe(200);
    const view = revised.json();
    expect(view).toMatchObject({ status: 'draft', currentVersion: 2 });
    expect(view.versions[0].lines).toHaveLength(2);
    expect(view.versions[0].sentAt).not.toBeNull();
    expect(view.versions[1].lines).toEqual([
      {
        sku: 'SKU-1',
        name: 'Product SKU-1',
        quantity: 10,
        unitPriceMinor: 750,
        discountMinor: 0,
        priceSource: 'sales_rep',
      },
    ]);
    // The old link went with the old version.
    const old = await server.app.inject({ method: 'POST', url: acceptPath, payload: {} });
    expect(old.statusCode).toBe(404);
  });

  it('turns a quote into one order at the quoted prices with the PO, however often and concurrently it is accepted', async () => {
    const companyId = await makeCompany({ poRequired: true, poUnique: true });
    const { quoteId, acceptPath } = await sentQuote(companyId);
    const noPo = await server.app.inject({ method: 'POST', url: acceptPath, payload: {} });
    expect(noPo.statusCode).toBe(422);
    expect(noPo.json()).toMatchObject({ code: 'po_required', field: 'poNumber' });

    const answers = await Promise.all([
      server.app.inject({ method: 'POST', url: acceptPath, payload: { poNumber: 'PO-777' } }),
      server.app.inject({ method: 'POST', url: acceptPath, payload: { poNumber: 'PO-777' } }),
      post(`/v1/b2b/quotes/${quoteId}/accept`, { poNumber: 'PO-777' }),
    ]);
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    const orderIds = new Set(answers.map((a) => a.json().orderId));
    expect(orderIds.size).toBe(1);
    const [orderId] = [...orderIds];
    const orders = await server.db
      .selectFrom('orders')
      .selectAll()
      .where('channel_code', '=', 'b2b')
      .where('po_number', '=', 'PO-777')
      .execute();
    expect(orders).toHaveLength(1);
    const lines = await server.db
      .selectFrom('order_lines')
      .select(['sku', 'quantity', 'unit_price_minor'])
      .where('order_id', '=', orderId!)
      .orderBy('line_no')
      .execute();
    expect(lines).toEqual([
      { sku: 'SKU-1', quantity: 120, unit_price_minor: 800 },
      { sku: 'SKU-2', quantity: 3, unit_price_minor: 1000 },
    ]);
    expect(orders[0]!.status).toBe('released');

    // The same PO on another quote of the company is refused.
    const second = await sentQuote(companyId, 'SKU-2,1');
    const reused = await server.app.inject({
      method: 'POST',
      url: second.acceptPath,
      payload: { poNumber: 'PO-777' },
    });
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ code: 'po_number_used', field: 'poNumber' });
  });

  it('expires a sent quote past its validity by the sweep, and then refuses to accept it', async () => {
    const companyId = await makeCompany();
    const { quoteId, acceptPath } = await sentQuote(companyId);
    expect(await expireDueQuotes(server.db, new Date(Date.now() + 13 * 86_400_000))).toBe(0);
    expect(
      await expireDueQuotes(server.db, new Date(Date.now() + 16 * 86_400_000)),
    ).toBeGreaterThanOrEqual(1);
    const view = await server.app.inject({
      method: 'GET',
      url: `/v1/b2b/quotes/${quoteId}`,
      headers: admin,
    });
    expect(view.json().status).toBe('expired');
    const late = await post(`/v1/b2b/quotes/${quoteId}/accept`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('quote_expired');
    expect(
      (await server.app.inject({ method: 'POST', url: acceptPath, payload: {} })).statusCode,
    ).toBe(404);
    const events = await server.db
      .selectFrom('outbox_events')
      .select('type')
      .where('aggregate_id', '=', quoteId)
      .execute();
    expect(events.map((e) => e.type).sort()).toEqual(['quote.expired', 'quote.sent']);
  });

  it("holds an order over the buyer's limit until an approver approves it", async () => {
    const companyId = await makeCompany({}, 50_000);
    const { acceptPath } = await sentQuote(companyId);
    const accepted = await server.app.inject({ method: 'POST', url: acceptPath, payload: {} });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ status: 'on_hold', holds: ['approval'] });
    const approval = await server.db
      .selectFrom('b2b_approvals')
      .select('id')
      .where('order_id', '=', accepted.json().orderId)
      .executeTakeFirstOrThrow();
    const decided = await post(`/v1/b2b/approvals/${approval.id}/decision`, { approve: true });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().status).toBe('released');
    const again = await post(`/v1/b2b/approvals/${approval.id}/decision`, { approve: false });
    expect(again.statusCode).toBe(409);
  });

  it('cancels an order whose approver rejects it, and releases its reservations', async () => {
    const companyId = await makeCompany({}, 1);
    const { acceptPath } = await sentQuote(companyId, 'SKU-2,4');
    const accepted = await server.app.inject({ method: 'POST', url: acceptPath, payload: {} });
    expect(accepted.json().holds).toEqual(['approval']);
    const waiting = await server.app.inject({
      method: 'GET',
      url: '/v1/b2b/approvals',
      headers: admin,
    });
    const approval = waiting
      .json()
      .approvals.find((a: { orderId: string }) => a.orderId === accepted.json().orderId);
    expect(approval).toBeDefined();
    const rejected = await post(`/v1/b2b/approvals/${approval.id}/decision`, { approve: false });
    expect(rejected.json()).toMatchObject({ status: 'cancelled' });
    const reserved = await server.db
      .selectFrom('reservations as r')
      .innerJoin('order_lines as l', 'l.id', 'r.order_line_id')
      .select('r.released_at')
      .where('l.order_id', '=', accepted.json().orderId)
      .execute();
    expect(reserved.length).toBeGreaterThan(0);
    expect(reserved.every((r) => r.released_at !== null)).toBe(true);
  });

  it('holds an order over the credit limit and releases it when a payment makes room', async () => {
    const companyId = await makeCompany({ creditLimitMinor: 100_000 });
    const { acceptPath } = await sentQuote(companyId);
    const accepted = await server.app.inject({ method: 'POST', url: acceptPath, payload: {} });
    expect(accepted.json()).toMatchObject({ status: 'on_hold', holds: ['credit'] });
    const small = await post(`/v1/b2b/companies/${companyId}/payments`, {
      amountMinor: 10_000,
      reference: 'BANK-1',
    });
    expect(small.json()).toMatchObject({ openBalanceMinor: -10_000, releasedOrders: [] });
    // A credit note counts as a payment does: invoices − payments − credit notes.
    const enough = await post(`/v1/b2b/companies/${companyId}/credit-notes`, {
      amountMinor: 20_000,
      reference: 'CN-1',
    });
    expect(enough.json()).toMatchObject({
      openBalanceMinor: -30_000,
      releasedOrders: [accepted.json().orderId],
    });
    const order = await server.db
      .selectFrom('orders')
      .select('status')
      .where('id', '=', accepted.json().orderId)
      .executeTakeFirstOrThrow();
    expect(order.status).toBe('released');
  });

  it('prices a company order sent to the intake without prices from its contract list', async () => {
    const companyId = await makeCompany();
    const company = await server.app.inject({
      method: 'GET',
      url: `/v1/b2b/companies/${companyId}`,
      headers: admin,
    });
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...admin, 'idempotency-key': `k-${companyId}`, 'x-channel-code': 'web' },
      payload: {
        channelOrderRef: `R-${companyId}`,
        currency: 'EUR',
        customer: {
          type: 'company',
          companyName: company.json().legalName,
          buyer: { name: 'Jan', email: 'jan@x.example' },
        },
        shipTo: address('NL', '5041 AB'),
        lines: [
          { sku: 'SKU-1', quantity: 150 },
          { sku: 'SKU-1', quantity: 2 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const lines = await server.db
      .selectFrom('order_lines')
      .select('unit_price_minor')
      .where('order_id', '=', res.json().orderId)
      .orderBy('line_no')
      .execute();
    expect(lines.map((l) => l.unit_price_minor)).toEqual([800, 900]);
  });

  it("re-orders a past order in one step at today's contract prices, naming what is no longer sold", async () => {
    const companyId = await makeCompany();
    const { acceptPath } = await sentQuote(companyId, 'SKU-1,120\nSKU-3,2');
    const first = await server.app.inject({ method: 'POST', url: acceptPath, payload: {} });
    expect(first.statusCode, first.body).toBe(201);
    await server.db.deleteFrom('product_prices').where('sku', '=', 'SKU-3').execute();
    const again = () =>
      server.app.inject({
        method: 'POST',
        url: `/v1/b2b/orders/${first.json().orderId}/reorder`,
        headers: { ...admin, 'idempotency-key': `re-${companyId}` },
        payload: {},
      });
    const res = await again();
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().notSold).toEqual([{ sku: 'SKU-3', quantity: 2, reason: 'no_price' }]);
    const lines = await server.db
      .selectFrom('order_lines')
      .select(['sku', 'quantity', 'unit_price_minor'])
      .where('order_id', '=', res.json().orderId)
      .execute();
    expect(lines).toEqual([{ sku: 'SKU-1', quantity: 120, unit_price_minor: 800 }]);
    // A retry with the same key is the same re-order.
    expect((await again()).json().orderId).toBe(res.json().orderId);
  });

  it('places the order at exactly the quoted total when VAT rounds on every line', async () => {
    const companyId = await makeCompany();
    const { quoteId } = await sentQuote(companyId);
    const revised = await post(
      `/v1/b2b/quotes/${quoteId}`,
      {
        lines: [
          { sku: 'SKU-1', quantity: 1, unitPriceMinor: 333 },
          { sku: 'SKU-2', quantity: 1, unitPriceMinor: 777 },
        ],
        shippingMinor: 5,
      },
      'PATCH',
    );
    // 69.93 → 70, 163.17 → 163, 1.05 → 1: 234 VAT on 1115 net.
    expect(revised.json().versions[1]).toMatchObject({
      netMinor: 1115,
      taxMinor: 234,
      totalMinor: 1349,
    });
    await post(`/v1/b2b/quotes/${quoteId}/send`, {});
    const accepted = await post(`/v1/b2b/quotes/${quoteId}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(201);
    const order = await server.db
      .selectFrom('orders')
      .select(['total_minor', 'tax_minor'])
      .where('id', '=', accepted.json().orderId)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({ total_minor: 1349, tax_minor: 234 });
  });

  it('reverse-charges a Belgian company with a valid VAT number and its order carries the same VAT', async () => {
    const companyId = await makeCompany({
      vatNumber: 'BE0411905847',
      billingAddress: address('BE', '1000'),
      shippingAddress: address('BE', '1000'),
    });
    const { quoteId, draft } = await sentQuote(companyId);
    expect(draft.versions[0].vat).toEqual([
      { category: 'K', ratePercent: 0, netMinor: 100_500, taxMinor: 0, reverseCharge: true },
    ]);
    const accepted = await post(`/v1/b2b/quotes/${quoteId}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(201);
    const order = await server.db
      .selectFrom('orders')
      .select(['total_minor', 'tax_minor', 'vat_scheme', 'tax_matches_engine'])
      .where('id', '=', accepted.json().orderId)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({
      total_minor: 100_500,
      tax_minor: 0,
      vat_scheme: 'reverse_charge',
      tax_matches_engine: true,
    });
  });

  it('refuses to accept a quote whose VAT changed since it was sent (409 naming the change) and places nothing', async () => {
    const companyId = await makeCompany({
      vatNumber: 'BE0411905847',
      billingAddress: address('BE', '1000'),
      shippingAddress: address('BE', '1000'),
    });
    const { quoteId, acceptPath } = await sentQuote(companyId);
    // The company lost its VAT number after the quote went out: Dutch VAT would now apply.
    await server.db
      .updateTable('b2b_companies')
      .set({ vat_number: null })
      .where('customer_id', '=', companyId)
      .execute();
    const refused = await server.app.inject({ method: 'POST', url: acceptPath, payload: {} });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'quote_vat_changed', field: 'vat' });
    expect(refused.json().message).toContain(
      "the buyer's VAT number changed from BE0411905847 to none: quoted 0 % reverse charge on 1005.00 = 0.00, now 21 % VAT on 1005.00 = 211.05",
    );
    const quote = (
      await server.app.inject({ method: 'GET', url: `/v1/b2b/quotes/${quoteId}`, headers: admin })
    ).json();
    expect(quote).toMatchObject({ status: 'sent', orderId: null });
    const orders = await server.db
      .selectFrom('orders')
      .select('id')
      .where('channel_order_ref', '=', quote.number)
      .execute();
    expect(orders).toEqual([]);

    // Revised and sent again, it is accepted at the VAT it now carries.
    await post(`/v1/b2b/quotes/${quoteId}`, { notes: 'Dutch VAT' }, 'PATCH');
    await post(`/v1/b2b/quotes/${quoteId}/send`, {});
    const accepted = await post(`/v1/b2b/quotes/${quoteId}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(201);
    const order = await server.db
      .selectFrom('orders')
      .select(['total_minor', 'tax_minor'])
      .where('id', '=', accepted.json().orderId)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({ total_minor: 121_605, tax_minor: 21_105 });
  });

  it('refuses bad company input with a 422 naming the field', async () => {
    const res = await post('/v1/b2b/companies', {
      legalName: 'Bad VAT B.V.',
      vatNumber: 'NL123',
      currency: 'EUR',
      locale: 'nl',
      billingAddress: address('NL', '5041 AB'),
      shippingAddress: address('NL', '5041 AB'),
      paymentTerms: { kind: 'net', days: 30 },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('vatNumber');
  });
});
