// Channel money end to end, through the real connector routes: what the channel charged is what
// is stored, what GET /v1/orders/:id shows, what the confirmation e-mail says and what the
// packing slip prints; an order whose parts do not make the channel's grand total is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPackingSlipPdf } from '../../shared/labels/packing-slip-pdf';
import type { FulfillmentDoc } from '../../shared/sync/documents';
import {
  magentoBundleOrder,
  magentoConfigurableOrder,
  magentoNlVatOrder,
} from '../../src-server/connectors/magento/magento-order.fixture';
import { shopifyHmac } from '../../src-server/connectors/shopify/shopify-hmac';
import { shopifyTaxIncludedOrder } from '../../src-server/connectors/shopify/shopify-order.fixture';
import { createMailer } from '../../src-server/notifications/email/mailer';
import { notificationConsumers } from '../../src-server/notifications/notifications-runtime';
import { OutboxDispatcher } from '../../src-server/outbox/dispatcher';
import { packingSlipFor } from '../../src-renderer/printing/label-printing';
import { pdfTexts } from '../support/pdf-text';
import {
  bearer,
  CHANNEL_KEYS,
  countRows,
  makeOrder,
  seedCatalog,
  seedChannels,
  SHOPIFY_SECRET,
} from '../support/oms-fixtures';
import { BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import { enrolTestStation, makeShipment, syncClient } from '../support/sync-fixtures';
import { startSmtpSink, testNotificationConfig, waitUntil } from './notifications-support';

describe.each(BACKENDS)('channel money on %s', (backend) => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: ReturnType<typeof createMailer>;
  let dispatcher: OutboxDispatcher;

  const shopify = (body: unknown) => {
    const raw = JSON.stringify(body);
    return server.app.inject({
      method: 'POST',
      url: '/v1/connectors/shopify/web/orders-create',
      headers: {
        'content-type': 'application/json',
        'x-shopify-hmac-sha256': shopifyHmac(raw, SHOPIFY_SECRET),
        'x-shopify-topic': 'orders/create',
      },
      payload: raw,
    });
  };
  const magento = (body: unknown) =>
    server.app.inject({
      method: 'POST',
      url: '/v1/connectors/magento/orders',
      headers: bearer(CHANNEL_KEYS.magento),
      payload: body as object,
    });
  const view = async (orderId: string, key: string) =>
    (
      await server.app.inject({ method: 'GET', url: `/v1/orders/${orderId}`, headers: bearer(key) })
    ).json();
  const mailTo = async (address: string) => {
    await waitUntil(() => smtp.to(address).length > 0, 10_000, `mail to ${address}`);
    return smtp.to(address)[0]!;
  };

  beforeAll(async () => {
    server = await startTestServer(backend, 'connector_money');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 100, 'BE-GNT': 100 },
      'SKU-3': { 'NL-TIL': 100, 'BE-GNT': 100 },
    });
    smtp = await startSmtpSink();
    mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'shop@shop.example',
      mailDir: '/nonexistent',
    });
    const config = testNotificationConfig();
    dispatcher = new OutboxDispatcher({
      db: server.db,
      consumers: notificationConsumers(server.db, mailer, config),
      settings: config.dispatcher,
    });
    await dispatcher.start();
  });
  afterAll(async () => {
    await dispatcher.stop();
    mailer.close();
    await smtp.close();
    await server.close();
  });

  it('stores an Adobe Commerce order excluding 21 % VAT at 127.05 and shows its tax', async () => {
    const email = `sanne-${backend}@example.com`;
    const res = await magento(magentoNlVatOrder({ customer_email: email }));
    expect(res.statusCode).toBe(201);
    const placed = res.json();
    expect(placed).toMatchObject({
      pricesIncludeTax: false,
      subtotalMinor: 10_500,
      taxMinor: 2205,
      totalMinor: 12_705,
      taxBreakdown: [{ ratePercent: 21, netMinor: 10_500, taxMinor: 2205 }],
    });
    const stored = await server.db
      .selectFrom('orders')
      .select(['total_minor', 'tax_minor', 'net_minor', 'prices_include_tax'])
      .where('id', '=', placed.orderId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      total_minor: 12_705,
      tax_minor: 2205,
      net_minor: 10_500,
      prices_include_tax: false,
    });
    const lines = await server.db
      .selectFrom('order_lines')
      .select(['sku', 'line_total_minor', 'tax_minor', 'tax_rate_ppm', 'gross_minor'])
      .where('order_id', '=', placed.orderId)
      .orderBy('line_no')
      .execute();
    expect(lines).toEqual([
      {
        sku: 'SKU-1',
        line_total_minor: 5000,
        tax_minor: 1050,
        tax_rate_ppm: 210_000,
        gross_minor: 6050,
      },
      {
        sku: 'SKU-3',
        line_total_minor: 5500,
        tax_minor: 1155,
        tax_rate_ppm: 210_000,
        gross_minor: 6655,
      },
    ]);
    const shown = await view(placed.orderId, CHANNEL_KEYS.magento);
    expect(shown).toMatchObject({
      totalMinor: 12_705,
      taxMinor: 2205,
      taxBreakdown: placed.taxBreakdown,
    });
    expect(shown.lines[0]).toMatchObject({
      taxRatePercent: 21,
      taxMinor: 1050,
      netMinor: 5000,
      grossMinor: 6050,
    });

    const mail = await mailTo(email);
    expect(mail.text).toMatch(
      /Subtotal: €105\.00\nShipping: €0\.00\nVAT 21%: €22\.05\nTotal: €127\.05/,
    );
  });

  it('refuses an Adobe Commerce order whose grand_total the parts do not make, and writes nothing', async () => {
    const before = await countRows(server.db, 'orders');
    const res = await magento(
      magentoNlVatOrder({ entity_id: 61, increment_id: '000000061', grand_total: 127.1 }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      code: 'grand_total_mismatch',
      field: 'grand_total',
      message:
        "The Adobe Commerce order's grand_total: lines 105.00 + shipping 0.00 + tax 22.05 − discounts 0.00 = 127.05, but the channel's grand total is 127.10: off by 0.05.",
    });
    expect(await countRows(server.db, 'orders')).toBe(before);
  });

  it('ships the simple of a configurable and the children of dynamic and fixed bundles', async () => {
    const cases = [
      { body: magentoConfigurableOrder(), skus: [['SKU-1', 3]], total: 4525 },
      {
        body: magentoBundleOrder('dynamic'),
        skus: [
          ['SKU-1', 4],
          ['SKU-3', 2],
        ],
        total: 8470,
      },
      {
        body: magentoBundleOrder('fixed'),
        skus: [
          ['SKU-1', 2],
          ['SKU-3', 1],
        ],
        total: 5929,
      },
    ];
    for (const { body, skus, total } of cases) {
      const res = await magento(body);
      expect(res.statusCode, res.body).toBe(201);
      const shown = await view(res.json().orderId, CHANNEL_KEYS.magento);
      expect(shown.totalMinor).toBe(total);
      expect(
        shown.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity]),
      ).toEqual(skus);
      const sum = shown.lines.reduce((s: number, l: { grossMinor: number }) => s + l.grossMinor, 0);
      expect(sum + shown.shipping.grossMinor).toBe(total);
    }
  });

  it('stores a Shopify order with taxes included, e-mails and prints its VAT', async () => {
    const email = `emma-${backend}@example.com`;
    const res = await shopify(shopifyTaxIncludedOrder({ email }));
    expect(res.statusCode, res.body).toBe(201);
    const placed = res.json();
    expect(placed).toMatchObject({
      pricesIncludeTax: true,
      subtotalMinor: 3995,
      discountMinor: 250,
      shippingChargedMinor: 495,
      shipping: {
        chargedMinor: 495,
        taxMinor: 86,
        taxRatePercent: 21,
        grossMinor: 495,
        netMinor: 409,
      },
      taxMinor: 735,
      totalMinor: 4240,
    });
    const shown = await view(placed.orderId, CHANNEL_KEYS.web);
    expect(shown.shipTo).toMatchObject({ latitude: 52.3756, longitude: 4.8961 });
    expect(shown.lines[0]).toMatchObject({ discountMinor: 250, taxMinor: 390, grossMinor: 2250 });

    const mail = await mailTo(email);
    // customer_locale nl-NL: in Dutch, with Dutch number formats.
    expect(mail.text).toMatch(
      /Subtotaal: €\s39,95\nKorting: − €\s2,50\nVerzending: €\s4,95\nTotaal: €\s42,40\nInclusief btw 21%: €\s7,35/,
    );

    const station = await enrolTestStation(server.app, 'NL-TIL', `Money ${backend}`);
    const docs = (await syncClient(server.app, station).pullAll(
      'fulfillments',
    )) as unknown as FulfillmentDoc[];
    const published = docs.find((d) => d.orderId === placed.orderId)!;
    // The test warehouses have only a city; a slip needs a whole ship-from address.
    const fulfillment = {
      ...published,
      shipFrom: {
        ...published.shipFrom,
        line1: 'Kraaivenstraat 21',
        postalCode: '5048 AB',
        country: 'NL',
      },
    };
    expect(published.orderMoney).toMatchObject({
      currency: 'EUR',
      totalCents: 4240,
      taxCents: 735,
    });
    const slip = packingSlipFor(makeShipment(station, fulfillment), fulfillment)!;
    const [text] = await pdfTexts(await renderPackingSlipPdf(slip));
    for (const fact of ['22.50', '14.95', 'Total', '42.40 EUR', 'incl. VAT 21%', '7.35 EUR'])
      expect(text).toContain(fact);
  });

  it('refuses a Shopify delivery without X-Shopify-Topic as not a Shopify webhook', async () => {
    const raw = JSON.stringify(shopifyTaxIncludedOrder({ id: 99, name: '#1099' }));
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/connectors/shopify/web/orders-create',
      headers: {
        'content-type': 'application/json',
        'x-shopify-hmac-sha256': shopifyHmac(raw, SHOPIFY_SECRET),
      },
      payload: raw,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'not_a_shopify_webhook', field: 'x-shopify-topic' });
  });

  const postCanonical = (order: object, key: string) =>
    server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.market), 'idempotency-key': key },
      payload: order,
    });

  it('takes the money fields on POST /v1/orders, and checks them against grandTotalMinor', async () => {
    const order = makeOrder({
      lines: [
        { sku: 'SKU-1', quantity: 2, unitPriceMinor: 1210, discountMinor: 121, taxRatePercent: 21 },
      ],
      pricesIncludeTax: true,
      shippingChargedMinor: 605,
      shippingTaxMinor: 105,
      shippingTaxRatePercent: 21,
      grandTotalMinor: 2904,
      taxTotalMinor: 504,
    });
    const res = await postCanonical(order, `money-${backend}-1`);
    expect(res.statusCode, res.body).toBe(201);
    // Line: 24.20 − 1.21 = 22.99 incl. 3.99 VAT (from the rate, half up); shipping 6.05 incl. 1.05.
    expect(res.json()).toMatchObject({ taxMinor: 399 + 105, totalMinor: 2904, netMinor: 2400 });

    const off = await postCanonical(
      { ...order, channelOrderRef: `${order.channelOrderRef}-b`, grandTotalMinor: 2900 },
      `money-${backend}-2`,
    );
    expect(off.statusCode).toBe(422);
    expect(off.json()).toMatchObject({ code: 'grand_total_mismatch', field: 'grandTotalMinor' });
    expect(off.json().message).toContain('off by 0.04');
  });

  it('documents the money of the placed answer and the order view in OpenAPI', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const text = JSON.stringify(doc);
    for (const field of ['pricesIncludeTax', 'grandTotalMinor', 'taxBreakdown', 'taxRatePercent'])
      expect(text).toContain(`"${field}"`);
  });
});
