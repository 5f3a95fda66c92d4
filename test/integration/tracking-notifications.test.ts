// What carrier tracking tells people: the customer hears "out for delivery", "delivered" and
// "delivery failed" once per shipment, in the order's language, through the outbox and a real SMTP
// server; a shipped parcel not delivered by its promised date + the grace days raises one alert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShipmentDoc } from '../../shared/sync/documents';
import { checkAlerts } from '../../src-server/notifications/alerts/alert-checker';
import { createMailer } from '../../src-server/notifications/email/mailer';
import { notificationConsumers } from '../../src-server/notifications/notifications-runtime';
import { signWebhookBody } from '../../src-server/notifications/webhooks/webhook-signature';
import { OutboxDispatcher } from '../../src-server/outbox/dispatcher';
import { seedCatalog, seedChannels } from '../support/oms-fixtures';
import { BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  enrolTestStation,
  makeShipment,
  releasedFulfillment,
  syncClient,
} from '../support/sync-fixtures';
import type { EnrolledTestStation } from '../support/sync-fixtures';
import { startSmtpSink, testNotificationConfig, waitUntil } from './notifications-support';

const SECRET = 'tracking-webhook-secret';
const DAY = 86_400_000;
let serial = 500_000;

describe.each(BACKENDS)('tracking e-mails and the late-delivery alert on %s', (backend) => {
  let server: TestServer;
  let station: EnrolledTestStation;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let dispatcher: OutboxDispatcher;
  let mailer: ReturnType<typeof createMailer>;
  const config = testNotificationConfig({ DELIVERY_GRACE_DAYS: '2' });

  beforeAll(async () => {
    server = await startTestServer(backend, 'tracking_mail', {
      env: { TRACKING_WEBHOOK_SECRET: SECRET },
    });
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 100 } });
    station = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg mail');
    smtp = await startSmtpSink();
    mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'shop@shop.example',
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

  async function shipped(email: string, locale: 'de' | 'fr' | 'nl' | 'en', promised?: string) {
    const fulfillment = await releasedFulfillment(
      server.app,
      station,
      { 'SKU-1': 1 },
      {
        customer: { type: 'person', name: 'Lena Vogel', email, locale },
        ...(promised ? { promisedDeliveryDate: promised } : {}),
      },
    );
    const base = makeShipment(station, fulfillment);
    serial += 1;
    const trackingNumber = `JVGL${serial}`;
    const shipment: ShipmentDoc = {
      ...base,
      carrier: 'dhl-parcel',
      cartons: base.cartons.map((c) => ({ ...c, trackingNumber })),
    };
    const pushed = await syncClient(server.app, station).push('shipments', [
      { newDocumentState: { ...shipment, _deleted: false } },
    ]);
    expect(pushed.json()[0]?.status, pushed.body).toBe('accepted');
    return { orderId: fulfillment.orderId, shipmentId: shipment.id, trackingNumber };
  }

  const push = async (
    trackingNumber: string,
    events: { id: string; state: string | null; at: string }[],
  ) => {
    const body = JSON.stringify({
      carrier: 'dhl-parcel',
      events: events.map((e) => ({
        trackingNumber,
        eventId: e.id,
        status: `DHL ${e.state}`,
        state: e.state,
        occurredAt: e.at,
      })),
    });
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/tracking/events',
      headers: {
        'content-type': 'application/json',
        'x-oms-signature': signWebhookBody(SECRET, Math.floor(Date.now() / 1000), body),
      },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('tells a German customer "in Zustellung" and "zugestellt" once each, with the tracking link', async () => {
    const s = await shipped('lena@example.de', 'de');
    await push(s.trackingNumber, [
      { id: 'a1', state: 'in_transit', at: '2026-03-02T06:00:00Z' },
      { id: 'a2', state: 'out_for_delivery', at: '2026-03-02T07:00:00Z' },
    ]);
    // A second "out for delivery" scan (another depot) is a new event but not a new e-mail.
    await push(s.trackingNumber, [
      { id: 'a3', state: 'out_for_delivery', at: '2026-03-02T08:00:00Z' },
    ]);
    await push(s.trackingNumber, [{ id: 'a4', state: 'delivered', at: '2026-03-02T11:00:00Z' }]);
    await push(s.trackingNumber, [{ id: 'a4', state: 'delivered', at: '2026-03-02T11:00:00Z' }]);
    await waitUntil(() => smtp.to('lena@example.de').length >= 2, 10_000, 'two tracking mails');
    await new Promise((r) => setTimeout(r, 300));
    const subjects = smtp
      .to('lena@example.de')
      .map((m) => m.subject ?? '')
      .filter((subject) => /zugestellt/.test(subject));
    expect(subjects.sort()).toEqual([
      expect.stringMatching(/wird heute zugestellt$/),
      expect.stringMatching(/wurde zugestellt$/),
    ]);
    const delivered = smtp
      .to('lena@example.de')
      .find((m) => /wurde zugestellt/.test(m.subject ?? ''))!;
    expect(delivered.html).toContain(s.trackingNumber);
    expect(delivered.html).toContain('dhl.com');
    const notices = await server.db
      .selectFrom('tracking_notices')
      .select('state')
      .where('shipment_id', '=', s.shipmentId)
      .orderBy('state')
      .execute();
    expect(notices.map((n) => n.state)).toEqual(['delivered', 'out_for_delivery']);
  });

  it('tells a French customer a failed delivery once', async () => {
    const s = await shipped('marie@example.fr', 'fr');
    await push(s.trackingNumber, [
      { id: 'b1', state: 'delivery_failed', at: '2026-03-02T15:00:00Z' },
      { id: 'b2', state: 'delivery_failed', at: '2026-03-03T15:00:00Z' },
    ]);
    await waitUntil(
      () => smtp.to('marie@example.fr').some((m) => /pas pu être livrée/.test(m.subject ?? '')),
      10_000,
      'the failed-delivery mail',
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(
      smtp.to('marie@example.fr').filter((m) => /pas pu être livrée/.test(m.subject ?? '')),
    ).toHaveLength(1);
  });

  it('raises one alert for a parcel not delivered by its promised date + grace, none once delivered', async () => {
    const promised = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
    const late = await shipped('late@example.nl', 'nl', promised);
    const onTime = await shipped('ontime@example.nl', 'nl', promised);
    await push(onTime.trackingNumber, [
      { id: 'c1', state: 'delivered', at: new Date().toISOString() },
    ]);
    await push(late.trackingNumber, [
      { id: 'c2', state: 'in_transit', at: new Date().toISOString() },
    ]);
    const overdue = async () =>
      server.db
        .selectFrom('outbox_events')
        .select(['aggregate_id', 'payload'])
        .where('type', '=', 'shipment.delivery_overdue')
        .execute();

    // Within the grace days: nothing.
    await checkAlerts(server.db, config.alerts, new Date(Date.now() + 5 * DAY));
    expect((await overdue()).map((e) => e.aggregate_id)).not.toContain(late.shipmentId);

    const check = await checkAlerts(server.db, config.alerts, new Date(Date.now() + 6 * DAY));
    expect(check.raised['shipment.delivery_overdue']).toBeGreaterThanOrEqual(1);
    const raised = (await overdue()).filter((e) => e.aggregate_id === late.shipmentId);
    expect(raised).toHaveLength(1);
    expect(raised[0]!.payload).toMatchObject({
      carrier: 'dhl-parcel',
      trackingState: 'in_transit',
      trackingNumbers: [late.trackingNumber],
      graceDays: 2,
    });
    expect((await overdue()).map((e) => e.aggregate_id)).not.toContain(onTime.shipmentId);
    const again = await checkAlerts(server.db, config.alerts, new Date(Date.now() + 7 * DAY));
    expect((await overdue()).filter((e) => e.aggregate_id === late.shipmentId)).toHaveLength(1);
    expect(again.raised['shipment.delivery_overdue']).toBe(0);
    await waitUntil(
      () => smtp.to('team@shop.example').some((m) => (m.subject ?? '').includes('DHL Parcel')),
      10_000,
      'the team alert',
    );
  });
});
