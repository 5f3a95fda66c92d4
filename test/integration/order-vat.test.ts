// The VAT engine at intake, through POST /v1/orders and GET /v1/orders/:id, on PGlite and PostgreSQL:
// a channel whose tax the OMS computes gets the engine's, a channel that sends its own keeps it
// and the order records whether it matches; the OSS threshold is counted per year.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import { BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  countRows,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';

const YEAR = new Date().getUTCFullYear();
const BRUSSELS = {
  name: 'Lotte Peeters',
  line1: 'Rue Neuve 1',
  postalCode: '1000',
  city: 'Brussel',
  country: 'BE',
};
const BERLIN = {
  name: 'Einkauf',
  line1: 'Unter den Linden 1',
  postalCode: '10117',
  city: 'Berlin',
  country: 'DE',
};

describe.each(BACKENDS)('VAT at intake on %s', (backend) => {
  let server: TestServer;
  const post = (key: string, order: CanonicalOrder) =>
    server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(key), 'idempotency-key': order.channelOrderRef },
      payload: order,
    });
  const view = async (orderId: string, key: string = CHANNEL_KEYS.market) =>
    (
      await server.app.inject({ method: 'GET', url: `/v1/orders/${orderId}`, headers: bearer(key) })
    ).json();
  const distanceSales = async () =>
    (await server.db.selectFrom('vat_distance_sales').selectAll().execute()).map((r) => [
      r.year,
      Number(r.eur_minor),
    ]);
  // Two standard-rate units of 10.00, one reduced-rate unit of 10.00, 4.95 shipping, excl. VAT.
  const basket = (overrides: Partial<CanonicalOrder> = {}) =>
    makeOrder({ skus: { 'SKU-STD': 2, 'SKU-FOOD': 1 }, shippingChargedMinor: 495, ...overrides });

  beforeAll(async () => {
    server = await startTestServer(backend, 'vat');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-STD': { 'NL-TIL': 100 },
      'SKU-FOOD': { 'NL-TIL': 100 },
    });
    await server.db
      .updateTable('products')
      .set({ tax_class: 'reduced' })
      .where('sku', '=', 'SKU-FOOD')
      .execute();
    await server.db
      .updateTable('channels')
      .set({ tax_mode: 'oms' })
      .where('code', '=', 'market')
      .execute();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    await server.db.deleteFrom('vat_distance_sales').execute();
  });

  it('computes Dutch VAT for a Dutch consumer of a channel whose tax the OMS computes', async () => {
    const res = await post(CHANNEL_KEYS.market, basket());
    expect(res.statusCode).toBe(201);
    // 20.00 × 21 % = 4.20, 10.00 × 9 % = 0.90, shipping 4.95 × 21 % = 1.04.
    expect(res.json()).toMatchObject({ taxMinor: 614, totalMinor: 4109 });
    const order = await view(res.json().orderId);
    expect(order.lines.map((l: { taxRatePercent: number }) => l.taxRatePercent)).toEqual([21, 9]);
    expect(order.vat).toMatchObject({
      scheme: 'domestic',
      taxSource: 'oms',
      matchesEngine: null,
      rateCountry: 'NL',
      legalMention: null,
      breakdown: [
        { category: 'S', ratePercent: 9, netMinor: 1000, taxMinor: 90 },
        { category: 'S', ratePercent: 21, netMinor: 2495, taxMinor: 524 },
      ],
    });
    expect(await distanceSales()).toEqual([]);
  });

  it('taxes a Belgian consumer at Dutch rates below the threshold, at Belgian rates past it, and counts the sales', async () => {
    const below = await post(CHANNEL_KEYS.market, basket({ shipTo: BRUSSELS }));
    expect(below.json().taxMinor).toBe(614);
    expect((await view(below.json().orderId)).vat).toMatchObject({
      scheme: 'distance_sale_origin',
      rateCountry: 'NL',
    });
    expect(await distanceSales()).toEqual([[YEAR, 3495]]);

    await server.db
      .updateTable('vat_distance_sales')
      .set({ eur_minor: 999_000 })
      .where('year', '=', YEAR)
      .execute();
    const past = await post(CHANNEL_KEYS.market, basket({ shipTo: BRUSSELS }));
    // Belgium: 21 % and 6 %: 4.20 + 0.60 + 1.04.
    expect(past.json()).toMatchObject({ taxMinor: 584, totalMinor: 4079 });
    expect((await view(past.json().orderId)).vat).toMatchObject({
      scheme: 'oss',
      rateCountry: 'BE',
    });
  });

  it('reverse-charges a German business with a valid VAT number: 0 % and the legal mention', async () => {
    const res = await post(
      CHANNEL_KEYS.market,
      basket({
        shipTo: BERLIN,
        customer: {
          type: 'company',
          companyName: 'Beispiel GmbH',
          vatNumber: 'DE143454214',
          buyer: { name: 'Einkauf', email: 'einkauf@example.de' },
        },
      }),
    );
    expect(res.json()).toMatchObject({ taxMinor: 0, totalMinor: 3495 });
    expect((await view(res.json().orderId)).vat).toMatchObject({
      scheme: 'reverse_charge',
      customerVatCountry: 'DE',
      legalMention: expect.stringMatching(/Article 138/),
      breakdown: [{ category: 'K', ratePercent: 0, netMinor: 3495, taxMinor: 0 }],
    });
  });

  it("keeps a channel's own tax and records that it matches the engine's", async () => {
    const res = await post(
      CHANNEL_KEYS.web,
      basket({
        lines: [
          { sku: 'SKU-STD', quantity: 2, taxMinor: 420, taxRatePercent: 21 },
          { sku: 'SKU-FOOD', quantity: 1, taxMinor: 90, taxRatePercent: 9 },
        ],
        shippingTaxMinor: 104,
        shippingTaxRatePercent: 21,
      }),
    );
    expect(res.statusCode).toBe(201);
    expect((await view(res.json().orderId, CHANNEL_KEYS.web)).vat).toMatchObject({
      taxSource: 'channel',
      matchesEngine: true,
      differences: [],
    });
  });

  it("keeps a channel's wrong rate but records the difference the engine found", async () => {
    const res = await post(
      CHANNEL_KEYS.web,
      basket({
        lines: [
          { sku: 'SKU-STD', quantity: 2, taxMinor: 420, taxRatePercent: 21 },
          { sku: 'SKU-FOOD', quantity: 1, taxMinor: 210, taxRatePercent: 21 },
        ],
        shippingTaxMinor: 104,
        shippingTaxRatePercent: 21,
      }),
    );
    expect(res.json().taxMinor).toBe(734);
    const order = await view(res.json().orderId, CHANNEL_KEYS.web);
    expect(order.vat.matchesEngine).toBe(false);
    expect(order.vat.differences).toEqual([
      {
        part: 'lines[1]',
        channelTaxMinor: 210,
        engineTaxMinor: 90,
        channelRatePercent: 21,
        engineRatePercent: 9,
      },
    ]);
    const row = await server.db
      .selectFrom('orders')
      .select(['tax_matches_engine', 'vat_scheme', 'tax_source'])
      .where('id', '=', res.json().orderId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      tax_matches_engine: false,
      vat_scheme: 'domestic',
      tax_source: 'channel',
    });
  });

  it('takes an order in yen to Tokyo: whole-yen amounts, sourced by the country, an export at 0 %', async () => {
    const res = await post(
      CHANNEL_KEYS.market,
      makeOrder({
        currency: 'JPY',
        shipTo: {
          name: 'Sato Yui',
          line1: '1-1 Chiyoda',
          postalCode: '100-0001',
          city: 'Tokyo',
          country: 'JP',
        },
        lines: [{ sku: 'SKU-STD', quantity: 3, unitPriceMinor: 1650 }],
        shippingChargedMinor: 2400,
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ currency: 'JPY', taxMinor: 0, totalMinor: 7350 });
    const order = await view(res.json().orderId);
    expect(order.vat).toMatchObject({
      scheme: 'export',
      legalMention: expect.stringMatching(/Article 146/),
      breakdown: [{ category: 'G', ratePercent: 0, netMinor: 7350, taxMinor: 0 }],
    });
  });

  it('refuses an order the OMS must tax on a date before its rate table, and stores nothing', async () => {
    const before = await countRows(server.db, 'orders');
    const res = await post(CHANNEL_KEYS.market, basket({ placedAt: '2010-05-01T10:00:00Z' }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'no_vat_rate', field: 'placedAt' });
    expect(await countRows(server.db, 'orders')).toBe(before);
  });
});
