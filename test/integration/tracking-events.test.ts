// Carrier tracking reaches the central OMS: Sendcloud's signed parcel status webhook, the generic
// signed endpoint, and PostNL's status API polled (a local HTTP server playing it). Events move the
// shipment, fulfillment and order on, appear in the order timeline with the tracking link, are
// recorded once, never move the state back, and announce each e-mail state once.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShipmentDoc } from '../../shared/sync/documents';
import { CarrierSecrets } from '../../src-server/carriers/carrier-secrets';
import { signWebhookBody } from '../../src-server/notifications/webhooks/webhook-signature';
import { sendcloudSignature } from '../../src-server/tracking/sendcloud-webhook';
import { pollTracking } from '../../src-server/tracking/tracking-poller';
import { bearer, seedCatalog, seedChannels } from '../support/oms-fixtures';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  enrolTestStation,
  makeShipment,
  releasedFulfillment,
  syncClient,
} from '../support/sync-fixtures';
import type { EnrolledTestStation } from '../support/sync-fixtures';

const SENDCLOUD_SECRET = 'sendcloud-secret-key-0001';
const TRACKING_SECRET = 'tracking-webhook-secret';
let serial = 100_000;

interface PostnlAnswer {
  status: number;
  body: unknown;
}

describe.each(BACKENDS)('carrier tracking on %s', (backend) => {
  let server: TestServer;
  let station: EnrolledTestStation;
  const postnl = {
    answers: new Map<string, PostnlAnswer>(),
    requests: [] as { url: string; apikey: string | undefined }[],
    server: createServer(),
    baseUrl: '',
  };

  beforeAll(async () => {
    postnl.server.on('request', (req, res) => {
      postnl.requests.push({ url: req.url ?? '', apikey: req.headers.apikey as string });
      const barcode = decodeURIComponent(
        /\/shipment\/v2\/status\/barcode\/([^?]+)/.exec(req.url ?? '')?.[1] ?? '',
      );
      const answer = postnl.answers.get(barcode) ?? {
        status: 404,
        body: { Errors: [{ Description: 'Barcode not found' }] },
      };
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => postnl.server.listen(0, '127.0.0.1', resolve));
    postnl.baseUrl = `http://127.0.0.1:${(postnl.server.address() as AddressInfo).port}`;

    server = await startTestServer(backend, 'tracking', {
      env: { TRACKING_WEBHOOK_SECRET: TRACKING_SECRET },
    });
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 100 } });
    station = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg tracking');
    for (const [carrier, credentials] of [
      [
        'sendcloud',
        {
          publicKey: 'sendcloud-public-0001',
          secretKey: SENDCLOUD_SECRET,
          shippingOptions: { parcel: 'postnl:standard' },
        },
      ],
      [
        'postnl',
        {
          baseUrl: postnl.baseUrl,
          apiKey: 'postnl-api-key-0001',
          customerCode: 'DEVC',
          customerNumber: '11223344',
          timeoutMs: 2000,
        },
      ],
    ] as const) {
      const put = await server.app.inject({
        method: 'PUT',
        url: `/v1/warehouses/NL-TIL/carriers/${carrier}`,
        headers: bearer(ADMIN_TOKEN),
        payload: { credentials },
      });
      expect(put.statusCode, put.body).toBe(204);
    }
  });
  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => postnl.server.close(resolve));
  });

  /** Ships a one-carton order with `carrier` and a tracking number; answers ids and the number. */
  async function shipped(carrier: string) {
    const fulfillment = await releasedFulfillment(server.app, station, { 'SKU-1': 1 });
    const base = makeShipment(station, fulfillment);
    serial += 1;
    const trackingNumber = carrier === 'postnl' ? `3SDEVC${serial}` : `SC${serial}NL`;
    const shipment: ShipmentDoc = {
      ...base,
      carrier,
      cartons: base.cartons.map((c) => ({ ...c, trackingNumber })),
    };
    const pushed = await syncClient(server.app, station).push('shipments', [
      { newDocumentState: { ...shipment, _deleted: false } },
    ]);
    expect(pushed.json()[0]?.status, pushed.body).toBe('accepted');
    return {
      orderId: fulfillment.orderId,
      fulfillmentId: fulfillment.id,
      shipmentId: shipment.id,
      trackingNumber,
    };
  }

  const sendcloudCall = (trackingNumber: string, statusId: number, message: string, at: number) =>
    JSON.stringify({
      action: 'parcel_status_changed',
      timestamp: at + 500,
      carrier_status_change_timestamp: at,
      parcel: {
        id: 4711,
        tracking_number: trackingNumber,
        status: { id: statusId, message },
        order_number: 'ORD-1',
      },
    });
  const postSendcloud = (body: string, signature = sendcloudSignature(body, SENDCLOUD_SECRET)) =>
    server.app.inject({
      method: 'POST',
      url: '/v1/tracking/sendcloud',
      headers: { 'content-type': 'application/json', 'sendcloud-signature': signature },
      payload: body,
    });
  const shipmentRow = (id: string) =>
    server.db
      .selectFrom('shipments')
      .select(['tracking_state', 'delivered_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const outboxOf = (orderId: string) =>
    server.db
      .selectFrom('outbox_events')
      .select(['type', 'payload'])
      .where('aggregate_id', '=', orderId)
      .where('type', 'like', 'shipment.%')
      .execute();
  const orderView = async (orderId: string) =>
    (
      await server.app.inject({
        method: 'GET',
        url: `/v1/orders/${orderId}`,
        headers: bearer(ADMIN_TOKEN),
      })
    ).json();

  it('takes a Sendcloud parcel to out for delivery and delivered, once each, and the order to delivered', async () => {
    const s = await shipped('sendcloud');
    const t0 = Date.parse('2026-03-02T07:00:00Z');

    const out = await postSendcloud(sendcloudCall(s.trackingNumber, 92, 'Driver en route', t0));
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json().results[0].outcome).toBe('recorded');
    expect((await shipmentRow(s.shipmentId)).tracking_state).toBe('out_for_delivery');

    // Sendcloud retries a call: the same event again changes nothing.
    const again = await postSendcloud(sendcloudCall(s.trackingNumber, 92, 'Driver en route', t0));
    expect(again.json().results[0].outcome).toBe('duplicate');

    const delivered = await postSendcloud(
      sendcloudCall(s.trackingNumber, 11, 'Delivered', t0 + 3 * 3_600_000),
    );
    expect(delivered.json().results[0].outcome).toBe('recorded');
    // An earlier sorting scan arriving late does not move it back.
    await postSendcloud(sendcloudCall(s.trackingNumber, 5, 'Sorted', t0 - 3_600_000));
    const row = await shipmentRow(s.shipmentId);
    expect(row.tracking_state).toBe('delivered');
    expect(new Date(row.delivered_at!).toISOString()).toBe(
      new Date(t0 + 3 * 3_600_000).toISOString(),
    );
    const fulfillment = await server.db
      .selectFrom('fulfillment_orders')
      .select('delivered_at')
      .where('id', '=', s.fulfillmentId)
      .executeTakeFirstOrThrow();
    expect(fulfillment.delivered_at).not.toBeNull();

    expect((await outboxOf(s.orderId)).map((e) => e.type).sort()).toEqual([
      'shipment.delivered',
      'shipment.out_for_delivery',
    ]);
    const order = await orderView(s.orderId);
    expect(order.status).toBe('delivered');
    const tracking = order.events.filter((e: { type: string }) =>
      ['tracking_out_for_delivery', 'tracking_delivered', 'delivered'].includes(e.type),
    );
    expect(tracking.map((e: { type: string }) => e.type)).toEqual([
      'tracking_out_for_delivery',
      'tracking_delivered',
      'delivered',
    ]);
    expect(tracking[0].detail).toMatchObject({
      trackingNumber: s.trackingNumber,
      carrierStatus: '92 Driver en route',
      trackingUrl: expect.stringContaining(s.trackingNumber),
    });
    const orderDelivered = await server.db
      .selectFrom('outbox_events')
      .select('id')
      .where('aggregate_id', '=', s.orderId)
      .where('type', '=', 'order.delivered')
      .execute();
    expect(orderDelivered).toHaveLength(1);
  });

  it('refuses a bad signature with 401 and a signed bad body with 400 naming the field, writing nothing', async () => {
    const s = await shipped('sendcloud');
    const body = sendcloudCall(s.trackingNumber, 92, 'Driver en route', Date.now());
    const forged = await postSendcloud(body, sendcloudSignature(body, 'another-secret'));
    expect(forged.statusCode).toBe(401);
    expect(forged.json().message).toMatch(/Sendcloud-Signature/);
    expect((await postSendcloud(body, 'not-hex')).statusCode).toBe(401);
    const noHeader = await server.app.inject({
      method: 'POST',
      url: '/v1/tracking/sendcloud',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(noHeader.statusCode).toBe(401);

    const bad = JSON.stringify({
      action: 'parcel_status_changed',
      timestamp: Date.now(),
      parcel: { id: 1, tracking_number: '', status: { id: 11, message: 'Delivered' } },
    });
    const refused = await postSendcloud(bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'parcel.tracking_number' });
    expect((await shipmentRow(s.shipmentId)).tracking_state).toBeNull();
    const events = await server.db
      .selectFrom('tracking_events')
      .select('id')
      .where('shipment_id', '=', s.shipmentId)
      .execute();
    expect(events).toEqual([]);
  });

  it('acknowledges other Sendcloud actions and unknown parcels without recording them', async () => {
    const other = JSON.stringify({ action: 'integration_connected', timestamp: Date.now() });
    const res = await postSendcloud(other);
    expect(res.statusCode).toBe(200);
    expect(res.json().results[0].outcome).toBe('ignored');
    const unknown = await postSendcloud(sendcloudCall('SC-NOT-OURS', 11, 'Delivered', Date.now()));
    expect(unknown.json().results[0].outcome).toBe('unknown_tracking_number');
  });

  it('takes signed events from the generic endpoint and tells a failed delivery once', async () => {
    const s = await shipped('dhl-parcel');
    const post = (payload: unknown, secret = TRACKING_SECRET) => {
      const body = JSON.stringify(payload);
      return server.app.inject({
        method: 'POST',
        url: '/v1/tracking/events',
        headers: {
          'content-type': 'application/json',
          'x-oms-signature': signWebhookBody(secret, Math.floor(Date.now() / 1000), body),
        },
        payload: body,
      });
    };
    const event = (eventId: string, state: string | null, occurredAt: string) => ({
      trackingNumber: s.trackingNumber,
      eventId,
      status: `DHL ${state ?? 'PRENOTIFICATION'}`,
      state,
      occurredAt,
    });
    const res = await post({
      carrier: 'dhl-parcel',
      events: [
        event('e1', 'in_transit', '2026-03-02T08:00:00Z'),
        event('e2', 'delivery_failed', '2026-03-02T15:00:00Z'),
        event('e2', 'delivery_failed', '2026-03-02T15:00:00Z'),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'recorded',
      'recorded',
      'duplicate',
    ]);
    expect((await shipmentRow(s.shipmentId)).tracking_state).toBe('delivery_failed');
    expect((await outboxOf(s.orderId)).map((e) => e.type)).toEqual(['shipment.delivery_failed']);

    expect((await post({ carrier: 'dhl-parcel', events: [] }, 'wrong')).statusCode).toBe(401);
    const badState = await post({
      carrier: 'dhl-parcel',
      events: [event('e3', 'teleported', '2026-03-03T08:00:00Z')],
    });
    expect(badState.statusCode).toBe(400);
    expect(badState.json().field).toBe('events[0].state');
  });

  it('polls PostNL for parcels not yet delivered and records what it answers', async () => {
    const s = await shipped('postnl');
    const deps = {
      db: server.db,
      secrets: CarrierSecrets.fromSetting(server.config.carrierSecretKey, server.config.adminToken),
      config: { ...server.config.tracking, pollMinAgeMs: 0 },
      trackingUrlTemplate: server.config.notifications.trackingUrlTemplate,
    };
    const status = (code: string, description: string, phase: string, stamp: string) => ({
      status: 200,
      body: {
        CurrentStatus: {
          Shipment: {
            Barcode: s.trackingNumber,
            Status: {
              TimeStamp: stamp,
              StatusCode: code,
              StatusDescription: description,
              PhaseCode: phase,
              PhaseDescription: 'x',
            },
          },
        },
      },
    });

    postnl.answers.set(s.trackingNumber, { status: 401, body: { message: 'Invalid apikey' } });
    const refused = await pollTracking(deps);
    expect(refused.failed).toEqual(
      expect.arrayContaining([
        { trackingNumber: s.trackingNumber, message: expect.stringMatching(/API key/) },
      ]),
    );
    expect((await shipmentRow(s.shipmentId)).tracking_state).toBeNull();

    postnl.answers.set(
      s.trackingNumber,
      status('7', 'Shipment in distribution', '3', '02-03-2026 09:15:00'),
    );
    await pollTracking(deps);
    expect((await shipmentRow(s.shipmentId)).tracking_state).toBe('out_for_delivery');
    const asked = postnl.requests.filter((r) => r.url.includes(s.trackingNumber));
    expect(asked.at(-1)).toMatchObject({ apikey: 'postnl-api-key-0001' });
    expect(asked.at(-1)!.url).toContain('/shipment/v2/status/barcode/');

    postnl.answers.set(
      s.trackingNumber,
      status('11', 'Shipment delivered', '4', '02-03-2026 13:40:00'),
    );
    await pollTracking(deps);
    const row = await shipmentRow(s.shipmentId);
    expect(row.tracking_state).toBe('delivered');
    // 13:40 in Amsterdam on 2 March (CET, UTC+1).
    expect(new Date(row.delivered_at!).toISOString()).toBe('2026-03-02T12:40:00.000Z');

    // Delivered parcels are not asked about again.
    const before = postnl.requests.length;
    await pollTracking(deps);
    expect(postnl.requests.filter((r) => r.url.includes(s.trackingNumber)).length).toBe(
      asked.length + 1,
    );
    expect(postnl.requests.length).toBeGreaterThanOrEqual(before);
  });
});
