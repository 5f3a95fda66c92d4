// An order's VAT breakdown and legal mention through the whole path on PGlite: intake (the
// engine taxes it), the order confirmation e-mail (real SMTP sink), the station's fulfillment
// document pulled over sync, and the packing slip the station prints from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPackingSlipPdf } from '../../shared/labels/packing-slip-pdf';
import { renderPackingSlipZpl } from '../../shared/labels/packing-slip-zpl';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import type { FulfillmentDoc } from '../../shared/sync/documents';
import { createMailer } from '../../src-server/notifications/email/mailer';
import { notificationConsumers } from '../../src-server/notifications/notifications-runtime';
import { OutboxDispatcher } from '../../src-server/outbox/dispatcher';
import { packingSlipFor } from '../../src-renderer/printing/label-printing';
import { pdfTexts } from '../support/pdf-text';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { startTestServer, type TestServer } from '../support/server-harness';
import { enrolTestStation, makeShipment, syncClient } from '../support/sync-fixtures';
import { startSmtpSink, testNotificationConfig, waitUntil } from './notifications-support';

describe('VAT on the documents of an order, on PGlite', () => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: ReturnType<typeof createMailer>;
  let dispatcher: OutboxDispatcher;

  const post = async (order: CanonicalOrder) => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.market), 'idempotency-key': order.channelOrderRef },
      payload: order,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { orderId: string };
  };
  const mailTo = async (address: string) => {
    await waitUntil(() => smtp.to(address).length > 0, 10_000, `mail to ${address}`);
    return smtp.to(address)[0]!;
  };
  const slipOf = async (orderId: string) => {
    const station = await enrolTestStation(server.app, 'NL-TIL', `VAT ${orderId.slice(0, 8)}`);
    const docs = (await syncClient(server.app, station).pullAll(
      'fulfillments',
    )) as unknown as FulfillmentDoc[];
    const published = docs.find((d) => d.orderId === orderId)!;
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
    return { published, slip: packingSlipFor(makeShipment(station, fulfillment), fulfillment)! };
  };

  beforeAll(async () => {
    server = await startTestServer('pglite', 'vat_documents');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-STD': { 'NL-TIL': 100 }, 'SKU-FOOD': { 'NL-TIL': 100 } });
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

  it('e-mails, publishes and prints the Dutch breakdown per rate of a domestic order', async () => {
    const email = 'emma-vat@example.com';
    const { orderId } = await post(
      makeOrder({
        skus: { 'SKU-STD': 2, 'SKU-FOOD': 1 },
        shippingChargedMinor: 495,
        customer: { type: 'person', name: 'Emma de Vries', email, locale: 'en' },
      }),
    );
    // 24.95 at 21 % (with the shipping) → 5.24; 10.00 at 9 % → 0.90.
    const mail = await mailTo(email);
    expect(mail.text).toMatch(
      /Net \+ VAT 9\s?% = gross: €\s?10\.00 \+ €\s?0\.90 = €\s?10\.90\nNet \+ VAT 21\s?% = gross: €\s?24\.95 \+ €\s?5\.24 = €\s?30\.19/,
    );
    expect(mail.text).not.toContain('Directive');

    const { published, slip } = await slipOf(orderId);
    expect(published.orderMoney).toMatchObject({
      taxes: [
        { ratePercent: 9, netCents: 1000, taxCents: 90 },
        { ratePercent: 21, netCents: 2495, taxCents: 524 },
      ],
      vatMention: null,
    });
    const zpl = renderPackingSlipZpl(slip, 203);
    for (const cell of ['VAT rate', 'Gross', '24.95 EUR', '5.24 EUR', '30.19 EUR', '10.90 EUR'])
      expect(zpl).toContain(`^FD${cell}^FS`);
  });

  it('says why a German business pays no VAT: e-mail, station document and slip carry the reverse-charge mention', async () => {
    const email = 'einkauf-vat@example.de';
    const { orderId } = await post(
      makeOrder({
        skus: { 'SKU-STD': 2, 'SKU-FOOD': 1 },
        shippingChargedMinor: 495,
        shipTo: {
          name: 'Einkauf',
          line1: 'Unter den Linden 1',
          postalCode: '10117',
          city: 'Berlin',
          country: 'DE',
        },
        customer: {
          type: 'company',
          companyName: 'Beispiel GmbH',
          vatNumber: 'DE143454214',
          buyer: { name: 'Einkauf', email },
          locale: 'en',
        },
      }),
    );
    const mail = await mailTo(email);
    expect(mail.text).toContain(
      'Intra-Community supply of goods, exempt under Article 138 of Directive 2006/112/EC',
    );
    expect(mail.text).toMatch(/Net \+ VAT 0\s?% = gross: €\s?34\.95 \+ €\s?0\.00 = €\s?34\.95/);

    const { published, slip } = await slipOf(orderId);
    expect(published.orderMoney).toMatchObject({
      taxCents: 0,
      taxes: [{ ratePercent: 0, netCents: 3495, taxCents: 0 }],
      vatMention: 'reverse_charge',
    });
    const [text] = await pdfTexts(await renderPackingSlipPdf(slip));
    for (const fact of ['VAT rate', '0%', '34.95 EUR', 'Article 138', 'reverse charged'])
      expect(text).toContain(fact);
  });
});
