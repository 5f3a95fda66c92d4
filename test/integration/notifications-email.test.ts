// Customer emails end to end: orders placed, shipped by a station, backordered, returned and
// refunded reach a real SMTP server with the right recipient, language, tracking link and label.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfillmentDoc } from '../../shared/sync/documents';
import { createMailer } from '../../src-server/notifications/email/mailer';
import { notificationConsumers } from '../../src-server/notifications/notifications-runtime';
import { OutboxDispatcher } from '../../src-server/outbox/dispatcher';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import { enrolTestStation, makeShipment, syncClient } from '../support/sync-fixtures';
import {
  appendEvents,
  startSmtpSink,
  testNotificationConfig,
  waitUntil,
} from './notifications-support';

const PDF = Buffer.from('%PDF-1.4\n% return label\n%%EOF\n');

describe.each(BACKENDS)('customer email on %s', (backend) => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let dispatcher: OutboxDispatcher;
  let mailer: ReturnType<typeof createMailer>;
  const config = testNotificationConfig();
  let n = 0;
  const placeOrder = async (
    email: string,
    locale: 'nl' | 'en',
    skus: Record<string, number> = { 'SKU-1': 2 },
  ) => {
    n += 1;
    const order = makeOrder({
      skus,
      customer: { type: 'person', name: 'Anna Jansen', email, locale },
    });
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.market), 'idempotency-key': `mail-${n}` },
      payload: order,
    });
    expect(res.statusCode).toBe(201);
    return { orderId: res.json().orderId as string, reference: order.channelOrderRef };
  };
  const mailTo = async (address: string, count = 1) => {
    await waitUntil(() => smtp.to(address).length >= count, 10_000, `mail to ${address}`);
    return smtp.to(address);
  };

  beforeAll(async () => {
    server = await startTestServer(backend, 'email');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 50 }, 'SKU-NONE': {} });
    smtp = await startSmtpSink();
    mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'Fietsen & Co <shop@shop.example>',
      mailDir: '/nonexistent',
    });
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

  it('confirms an order in Dutch to a Dutch customer and in English to an English one, with name and logo', async () => {
    const dutch = await placeOrder(`anna-${backend}@example.nl`, 'nl');
    const english = await placeOrder(`ann-${backend}@example.com`, 'en');
    const [nl] = await mailTo(`anna-${backend}@example.nl`);
    const [en] = await mailTo(`ann-${backend}@example.com`);
    expect(nl!.subject).toBe(`Bevestiging van je bestelling ${dutch.reference}`);
    expect(nl!.text).toContain('Totaal');
    expect(nl!.text).toContain('€\u00a020,00');
    expect(nl!.html).toContain('https://cdn.shop.example/logo.png');
    expect(nl!.html).toContain('Fietsen &amp; Co');
    expect(en!.subject).toBe(`Your order ${english.reference} is confirmed`);
    expect(en!.text).toContain('Total: €20.00');
    expect(en!.headers.get('x-oms-event-type')).toBe('order.placed');
  });

  it('tells the customer the order shipped, with the carrier and a tracking link holding the tracking number', async () => {
    const address = `ship-${backend}@example.com`;
    const { orderId, reference } = await placeOrder(address, 'en');
    await mailTo(address);
    const station = await enrolTestStation(server.app, 'NL-TIL', `Mail ${backend}`);
    const client = syncClient(server.app, station);
    const fulfillments = (await client.pullAll('fulfillments')) as unknown as FulfillmentDoc[];
    const mine = fulfillments.find((f) => f.orderId === orderId);
    expect(mine).toBeDefined();
    const shipment = makeShipment(station, mine!);
    shipment.cartons[0]!.trackingNumber = '3SABCD1234567';
    const pushed = await client.push('shipments', [
      { newDocumentState: { ...shipment, _deleted: false } },
    ]);
    expect(pushed.json()[0].status).toBe('accepted');
    const mails = await mailTo(address, 2);
    const shipped = mails.find((m) => m.headers.get('x-oms-event-type') === 'order.shipped')!;
    expect(shipped.subject).toBe(`Your order ${reference} has shipped`);
    expect(shipped.html).toMatch(/href="[^"]*3SABCD1234567/);
    expect(shipped.text).toContain('3SABCD1234567');
  });

  it('tells a Dutch customer a backordered order is delayed, naming the product', async () => {
    const address = `wait-${backend}@example.nl`;
    await placeOrder(address, 'nl', { 'SKU-NONE': 1 });
    const mails = await mailTo(address, 2);
    const delayed = mails.find((m) => m.headers.get('x-oms-event-type') === 'order.backordered')!;
    expect(delayed.subject).toMatch(/^Vertraging in je bestelling/);
    expect(delayed.text).toContain('Product SKU-NONE');
  });

  it('sends the return authorisation with the label attached, then return received and refund in the customer language', async () => {
    const address = `return-${backend}@example.nl`;
    const { orderId } = await placeOrder(address, 'nl');
    await mailTo(address);
    await appendEvents(server.db, [
      {
        type: 'return.authorized',
        aggregateType: 'order',
        aggregateId: orderId,
        payload: {
          orderId,
          rmaId: 'a1',
          rmaCode: 'RMA-7',
          lines: [{ sku: 'SKU-1', quantity: 1 }],
          returnLabelPdfBase64: PDF.toString('base64'),
        },
      },
      {
        type: 'return.received',
        aggregateType: 'order',
        aggregateId: orderId,
        payload: { orderId, rmaId: 'a1', rmaCode: 'RMA-7', items: [{ sku: 'SKU-1', quantity: 1 }] },
      },
      {
        type: 'refund.issued',
        aggregateType: 'order',
        aggregateId: orderId,
        payload: { orderId, rmaId: 'a1', rmaCode: 'RMA-7', amountMinor: 1250, currency: 'EUR' },
      },
    ]);
    const mails = await mailTo(address, 4);
    const byType = (type: string) => mails.find((m) => m.headers.get('x-oms-event-type') === type)!;
    const authorised = byType('return.authorized');
    expect(authorised.subject).toBe('Je retour RMA-7 is goedgekeurd');
    expect(authorised.attachments).toHaveLength(1);
    expect(authorised.attachments[0]).toMatchObject({
      filename: 'return-label-RMA-7.pdf',
      contentType: 'application/pdf',
    });
    expect(Buffer.from(authorised.attachments[0]!.content).equals(PDF)).toBe(true);
    expect(byType('return.received').subject).toBe('We hebben je retour RMA-7 ontvangen');
    expect(byType('refund.issued').text).toContain('€\u00a012,50');
  });

  it('without an SMTP server writes each email as an .eml file in the data directory', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'oms-mail-'));
    const fileMailer = createMailer({
      smtpUrl: undefined,
      from: config.mailFrom,
      mailDir: join(dataDir, 'outbox-mail'),
    });
    await dispatcher.stop();
    const offline = new OutboxDispatcher({
      db: server.db,
      consumers: notificationConsumers(server.db, fileMailer, config),
      settings: config.dispatcher,
    });
    try {
      await placeOrder('eml@example.com', 'en');
      await offline.runOnce();
      const files = await readdir(join(dataDir, 'outbox-mail'));
      expect(files.filter((f) => f.endsWith('.eml'))).toHaveLength(1);
      const eml = await readFile(join(dataDir, 'outbox-mail', files[0]!), 'utf8');
      expect(eml).toContain('To: eml@example.com');
      expect(eml).toMatch(/Subject: Your order .* is confirmed/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      await dispatcher.start();
    }
  });
});
