// The periodic alert check: low stock per warehouse × SKU (once while open, again after it
// cleared), products not selling, late shipments, the weekly return-rate digest, and the team email.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAlerts } from '../../src-server/notifications/alerts/alert-checker';
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
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  appendEvents,
  startSmtpSink,
  testNotificationConfig,
  waitUntil,
} from './notifications-support';

const DAY = 86_400_000;

describe.each(BACKENDS)('alerts on %s', (backend) => {
  let server: TestServer;
  const config = testNotificationConfig({
    REORDER_POINT_DEFAULT: '5',
    REORDER_QUANTITY_DEFAULT: '20',
    NOT_SELLING_DAYS: '30',
  });
  const events = async (type: string) =>
    server.db
      .selectFrom('outbox_events')
      .select(['id', 'aggregate_id', 'payload'])
      .where('type', '=', type)
      .orderBy('created_at')
      .execute();

  beforeAll(async () => {
    server = await startTestServer(backend, 'alerts');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-LOW': { 'NL-TIL': 3, 'BE-GNT': 40 },
      'SKU-OK': { 'NL-TIL': 100 },
    });
  });
  afterAll(() => server.close());

  it('raises low stock once per warehouse × SKU with a suggested quantity, and again only after it cleared', async () => {
    const put = await server.app.inject({
      method: 'PUT',
      url: '/v1/replenishment/SKU-LOW',
      headers: bearer(ADMIN_TOKEN),
      payload: {
        reorderPoint: 4,
        reorderQuantity: 30,
        supplierName: 'Zadels BV',
        supplierEmail: 'orders@zadels.example',
      },
    });
    expect(put.statusCode).toBe(200);
    const first = await checkAlerts(server.db, config.alerts);
    expect(first.raised['stock.low']).toBe(1);
    const [low] = await events('stock.low');
    expect(low!.aggregate_id).toBe('NL-TIL/SKU-LOW');
    expect(low!.payload).toMatchObject({
      available: 3,
      reorderPoint: 4,
      suggestedReorderQuantity: 31,
      supplierEmail: 'orders@zadels.example',
    });

    expect((await checkAlerts(server.db, config.alerts)).raised['stock.low']).toBe(0);
    await server.db
      .updateTable('stock')
      .set({ on_hand: 50 })
      .where('sku', '=', 'SKU-LOW')
      .where('warehouse_code', '=', 'NL-TIL')
      .execute();
    expect((await checkAlerts(server.db, config.alerts)).cleared).toBeGreaterThanOrEqual(1);
    await server.db
      .updateTable('stock')
      .set({ on_hand: 2 })
      .where('sku', '=', 'SKU-LOW')
      .where('warehouse_code', '=', 'NL-TIL')
      .execute();
    expect((await checkAlerts(server.db, config.alerts)).raised['stock.low']).toBe(1);
    expect(await events('stock.low')).toHaveLength(2);
  });

  it('flags products with stock and no sale in N days, and late unshipped fulfillments, once each', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.market), 'idempotency-key': 'late-1' },
      payload: makeOrder({
        skus: { 'SKU-OK': 1 },
        promisedDeliveryDate: new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10),
      }),
    });
    expect(res.statusCode).toBe(201);
    const today = await checkAlerts(server.db, config.alerts);
    expect(today.raised['product.not_selling']).toBe(0);
    expect(today.raised['shipment.late']).toBe(0);

    const later = new Date(Date.now() + 40 * DAY);
    const check = await checkAlerts(server.db, config.alerts, later);
    expect(check.raised['product.not_selling']).toBe(2);
    expect(check.raised['shipment.late']).toBe(1);
    const [late] = await events('shipment.late');
    expect(late!.payload).toMatchObject({
      orderId: res.json().orderId,
      warehouseCode: 'NL-TIL',
      lines: [{ sku: 'SKU-OK', quantity: 1 }],
    });
    const again = await checkAlerts(server.db, config.alerts, later);
    expect(again.raised).toMatchObject({ 'product.not_selling': 0, 'shipment.late': 0 });
  });

  it('sends the return-rate digest once a week, with no returns as an empty list and with returns ranked', async () => {
    const now = new Date(Date.now() + 14 * DAY);
    const empty = await checkAlerts(server.db, config.alerts, now);
    expect(empty.digest).toBe(true);
    expect((await checkAlerts(server.db, config.alerts, now)).digest).toBe(false);
    const [quiet] = (await events('report.return_rate_digest')).slice(-1);
    expect(quiet!.payload).toMatchObject({ unitsReturned: 0, products: [] });

    await appendEvents(server.db, [
      {
        type: 'return.received',
        aggregateType: 'order',
        aggregateId: 'o',
        payload: { orderId: 'o', rmaId: 'r', items: [{ sku: 'SKU-OK', quantity: 1 }] },
      },
    ]);
    expect(
      (await checkAlerts(server.db, config.alerts, new Date(now.getTime() + 7 * DAY))).digest,
    ).toBe(true);
    const [ranked] = (await events('report.return_rate_digest')).slice(-1);
    expect(ranked!.payload).toMatchObject({
      unitsReturned: 1,
      products: [{ sku: 'SKU-OK', unitsSold: 1, unitsReturned: 1, returnRate: 1 }],
    });
  });

  it('emails alerts to the team, low stock also to purchasing and the supplier', async () => {
    const smtp = await startSmtpSink();
    const mailer = createMailer({
      smtpUrl: smtp.url,
      from: config.mailFrom,
      mailDir: '/nonexistent',
    });
    const dispatcher = new OutboxDispatcher({
      db: server.db,
      consumers: notificationConsumers(server.db, mailer, config),
      settings: config.dispatcher,
    });
    await dispatcher.start();
    try {
      await waitUntil(
        () => smtp.to('orders@zadels.example').length >= 2,
        10_000,
        'low stock emails',
      );
      const low = smtp.to('orders@zadels.example')[0]!;
      expect(low.subject).toBe('Low stock: SKU-LOW in NL-TIL');
      expect(JSON.stringify(low.to)).toContain('team@shop.example');
      expect(JSON.stringify(low.to)).toContain('buyer@shop.example');
      // Raised twice (3 then 2 available against point 4 + quantity 30); arrival order is not fixed.
      expect(
        smtp
          .to('orders@zadels.example')
          .map((m) => /Suggested reorder quantity: (\d+)/.exec(m.text ?? '')?.[1])
          .sort(),
      ).toEqual(['31', '32']);
      await waitUntil(
        () => smtp.to('team@shop.example').some((m) => m.subject?.startsWith('Late: order')),
        10_000,
        'late email',
      );
    } finally {
      await dispatcher.stop();
      mailer.close();
      await smtp.close();
    }
  });
});
