// Station sync against the real central OMS on PGlite and PostgreSQL: enrolment, pulls scoped to
// a warehouse, idempotent pushes, shipment confirmation and its refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfillmentDoc } from '../../shared/sync/documents';
import { ADMIN_TOKEN, BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  reservedUnits,
  seedCatalog,
  seedChannels,
  testProduct,
} from '../support/oms-fixtures';
import {
  enrolTestStation,
  makeShipment,
  makeWork,
  syncClient,
  type EnrolledTestStation,
} from '../support/sync-fixtures';

describe.each(BACKENDS)('station sync on %s', (backend) => {
  let server: TestServer;
  let tilburg: EnrolledTestStation;
  let tilburg2: EnrolledTestStation;
  let ghent: EnrolledTestStation;

  async function placeOrder(skus: Record<string, number>) {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': `sync-${Math.random()}` },
      payload: makeOrder({ skus }),
    });
    expect(res.statusCode).toBe(201);
    return res.json() as {
      orderId: string;
      fulfillments: { fulfillmentId?: string; id?: string }[];
    };
  }

  async function fulfillmentDoc(
    station: EnrolledTestStation,
    orderId: string,
  ): Promise<FulfillmentDoc> {
    const docs = (await syncClient(server.app, station).pullAll(
      'fulfillments',
    )) as unknown as FulfillmentDoc[];
    const doc = docs.find((d) => d.orderId === orderId);
    if (!doc) throw new Error(`fulfillment of ${orderId} not pulled`);
    return doc;
  }

  async function onHand(sku: string) {
    const row = await server.db
      .selectFrom('stock')
      .select('on_hand')
      .where('sku', '=', sku)
      .where('warehouse_code', '=', 'NL-TIL')
      .executeTakeFirstOrThrow();
    return row.on_hand;
  }

  beforeAll(async () => {
    server = await startTestServer(backend, 'sync');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 20, 'BE-GNT': 20 },
      'SKU-2': { 'NL-TIL': 20 },
    });
    tilburg = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 1');
    tilburg2 = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg 2');
    ghent = await enrolTestStation(server.app, 'BE-GNT', 'Ghent 1');
  });
  afterAll(() => server.close());

  it('enrols a station once: the code cannot be used again, and a revoked token is refused', async () => {
    const created = await server.app.inject({
      method: 'POST',
      url: '/v1/stations',
      headers: bearer(ADMIN_TOKEN),
      payload: { warehouseCode: 'NL-TIL', name: 'Spare' },
    });
    const code = created.json().enrolmentCode as string;
    const first = await server.app.inject({
      method: 'POST',
      url: '/v1/stations/enrol',
      payload: { code: code.toLowerCase() },
    });
    expect(first.statusCode).toBe(200);
    const again = await server.app.inject({
      method: 'POST',
      url: '/v1/stations/enrol',
      payload: { code },
    });
    expect(again.statusCode).toBe(401);

    const token = first.json().token as string;
    expect(
      (
        await server.app.inject({
          method: 'GET',
          url: '/v1/sync/products/pull',
          headers: bearer(token),
        })
      ).statusCode,
    ).toBe(200);
    await server.app.inject({
      method: 'POST',
      url: `/v1/stations/${first.json().stationId}/revoke`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(
      (
        await server.app.inject({
          method: 'GET',
          url: '/v1/sync/products/pull',
          headers: bearer(token),
        })
      ).statusCode,
    ).toBe(401);
  });

  it('refuses sync without a station token, and station creation without the admin token', async () => {
    expect(
      (await server.app.inject({ method: 'GET', url: '/v1/sync/fulfillments/pull' })).statusCode,
    ).toBe(401);
    expect(
      (
        await server.app.inject({
          method: 'GET',
          url: '/v1/sync/fulfillments/pull',
          headers: bearer(CHANNEL_KEYS.web),
        })
      ).statusCode,
    ).toBe(403); // a valid channel key, but sync is for station tokens only
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/stations',
      headers: bearer(CHANNEL_KEYS.web),
      payload: { warehouseCode: 'NL-TIL', name: 'x' },
    });
    expect(res.statusCode).toBe(403);
  });

  it("gives each station only its own warehouse's documents, paged by checkpoint", async () => {
    const order = await placeOrder({ 'SKU-2': 1 });
    const doc = await fulfillmentDoc(tilburg, order.orderId);
    expect(doc).toMatchObject({
      warehouseCode: 'NL-TIL',
      status: 'released',
      cancelRequested: false,
    });
    expect(doc.lines[0]).toMatchObject({ sku: 'SKU-2', quantity: 1, bin: 'A-02' });
    const ghentDocs = await syncClient(server.app, ghent).pullAll('fulfillments');
    expect(ghentDocs.find((d) => d.orderId === order.orderId)).toBeUndefined();
    const products = await syncClient(server.app, tilburg).pullAll('products');
    expect(products.map((p) => p.id).sort()).toEqual(['SKU-1', 'SKU-2']);
    expect((products[0] as { gtins: string[] }).gtins[0]).toMatch(/^\d{14}$/);
  });

  it('confirms a shipment exactly once: stock, reservation, order state and event; a replay changes nothing', async () => {
    const order = await placeOrder({ 'SKU-2': 2 });
    const doc = await fulfillmentDoc(tilburg, order.orderId);
    const before = await onHand('SKU-2');
    const reservedBefore = await reservedUnits(server.db, 'SKU-2');
    const shipment = makeShipment(tilburg, doc);
    const client = syncClient(server.app, tilburg);

    const first = await client.push('shipments', [
      { newDocumentState: { ...shipment, _deleted: false } },
    ]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual([
      expect.objectContaining({ id: shipment.id, status: 'accepted', refusalReason: null }),
    ]);
    const replay = await client.push('shipments', [
      { newDocumentState: { ...shipment, _deleted: false } },
    ]);
    expect(replay.statusCode).toBe(200);

    expect(await onHand('SKU-2')).toBe(before - 2);
    expect(await reservedUnits(server.db, 'SKU-2')).toBe(reservedBefore - 2);
    const stored = await server.db
      .selectFrom('shipments')
      .selectAll()
      .where('fulfillment_id', '=', doc.id)
      .execute();
    expect(stored).toHaveLength(1);
    const cartons = await server.db
      .selectFrom('cartons')
      .select('sscc')
      .where('shipment_id', '=', shipment.id)
      .execute();
    expect(cartons.map((c) => c.sscc)).toEqual([shipment.cartons[0]!.sscc]);
    const view = await server.app.inject({
      method: 'GET',
      url: `/v1/orders/${order.orderId}`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(view.json().status).toBe('shipped');
    const events = await server.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'order.shipped')
      .where('aggregate_id', '=', order.orderId)
      .execute();
    expect(events).toHaveLength(1);
    expect((await fulfillmentDoc(tilburg, order.orderId)).status).toBe('shipped');
  });

  it('takes shipped stock from the next bin when orders were sent to one bin for more than it holds', async () => {
    // SKU-3: one in bin A-01 (walked first), five in A-03. Both orders are sent to A-01.
    await server.db.insertInto('products').values(testProduct('SKU-3')).execute();
    await server.db
      .insertInto('product_prices')
      .values({ sku: 'SKU-3', currency: 'EUR', unit_price_minor: 1000 })
      .execute();
    await server.db
      .insertInto('stock')
      .values([
        { warehouse_code: 'NL-TIL', sku: 'SKU-3', bin_code: 'A-01', on_hand: 1 },
        { warehouse_code: 'NL-TIL', sku: 'SKU-3', bin_code: 'A-03', on_hand: 5 },
      ])
      .execute();
    const client = syncClient(server.app, tilburg);
    for (const order of [await placeOrder({ 'SKU-3': 1 }), await placeOrder({ 'SKU-3': 1 })]) {
      const doc = await fulfillmentDoc(tilburg, order.orderId);
      expect(doc.lines.map((l) => l.bin)).toEqual(['A-01']);
      const pushed = await client.push('shipments', [
        { newDocumentState: { ...makeShipment(tilburg, doc), _deleted: false } },
      ]);
      expect(pushed.json()).toEqual([expect.objectContaining({ status: 'accepted' })]);
    }
    const bins = await server.db
      .selectFrom('stock')
      .select(['bin_code', 'on_hand'])
      .where('sku', '=', 'SKU-3')
      .orderBy('bin_code')
      .execute();
    expect(bins).toEqual([
      { bin_code: 'A-01', on_hand: 0 },
      { bin_code: 'A-03', on_hand: 4 },
    ]);
  });

  it('records a tracking number a carton got after its shipment was accepted, never overwriting one', async () => {
    const order = await placeOrder({ 'SKU-2': 1 });
    const doc = await fulfillmentDoc(tilburg, order.orderId);
    const shipment = makeShipment(tilburg, doc);
    shipment.cartons[0]!.trackingNumber = null;
    const client = syncClient(server.app, tilburg);
    const [accepted] = (
      await client.push('shipments', [{ newDocumentState: { ...shipment, _deleted: false } }])
    ).json();
    const labelled = {
      ...accepted,
      cartons: [{ ...accepted.cartons[0], trackingNumber: 'CP000000015NL', labelState: 'printed' }],
      updatedAt: 0,
    };
    expect(
      (
        await client.push('shipments', [
          { assumedMasterState: accepted, newDocumentState: labelled },
        ])
      ).json(),
    ).toEqual([]);
    const relabelled = {
      ...labelled,
      cartons: [{ ...labelled.cartons[0], trackingNumber: 'CP000000029NL' }],
    };
    await client.push('shipments', [
      { assumedMasterState: { ...labelled }, newDocumentState: relabelled },
    ]);
    const carton = await server.db
      .selectFrom('cartons')
      .select('tracking_number')
      .where('shipment_id', '=', shipment.id)
      .executeTakeFirstOrThrow();
    expect(carton.tracking_number).toBe('CP000000015NL');
  });

  it('refuses a shipment for a fulfillment cancelled centrally, moves no stock, and tells the station why', async () => {
    const order = await placeOrder({ 'SKU-2': 1 });
    const doc = await fulfillmentDoc(tilburg, order.orderId);
    const cancel = await server.app.inject({
      method: 'POST',
      url: `/v1/orders/${order.orderId}/cancel`,
      headers: bearer(ADMIN_TOKEN),
      payload: { reason: 'customer called' },
    });
    expect(cancel.statusCode).toBe(200);
    expect(await fulfillmentDoc(tilburg, order.orderId)).toMatchObject({
      cancelRequested: true,
      status: 'cancelled',
    });

    const before = await onHand('SKU-2');
    const res = await syncClient(server.app, tilburg).push('shipments', [
      { newDocumentState: { ...makeShipment(tilburg, doc), _deleted: false } },
    ]);
    expect(res.json()).toEqual([
      expect.objectContaining({
        status: 'refused',
        refusalReason: expect.stringContaining('cancelled'),
        refusal: { code: 'fulfillment_cancelled', params: {} },
      }),
    ]);
    expect(await onHand('SKU-2')).toBe(before);
  });

  it('accepts the first of two stations packing the same fulfillment and tells the second why not', async () => {
    const order = await placeOrder({ 'SKU-1': 1 });
    const doc = await fulfillmentDoc(tilburg, order.orderId);
    const [a, b] = await Promise.all([
      syncClient(server.app, tilburg).push('shipments', [
        { newDocumentState: { ...makeShipment(tilburg, doc), _deleted: false } },
      ]),
      syncClient(server.app, tilburg2).push('shipments', [
        { newDocumentState: { ...makeShipment(tilburg2, doc), _deleted: false } },
      ]),
    ]);
    const verdicts = [a.json()[0], b.json()[0]].map((s: { status: string }) => s.status).sort();
    expect(verdicts).toEqual(['accepted', 'refused']);
    const refused = [a.json()[0], b.json()[0]].find(
      (s: { status: string }) => s.status === 'refused',
    );
    expect(refused.refusalReason).toMatch(/Already shipped by station Tilburg/);
    expect(refused.refusal).toEqual({
      code: 'already_shipped',
      params: { station: expect.stringMatching(/^Tilburg [12]$/), shipmentId: expect.any(String) },
    });
  });

  it('answers a conflict when the station assumed an outdated master, and writes nothing', async () => {
    const order = await placeOrder({ 'SKU-1': 1 });
    const doc = await fulfillmentDoc(tilburg, order.orderId);
    const client = syncClient(server.app, tilburg);
    const work = makeWork(tilburg, doc, { picked: { [doc.lines[0]!.lineId]: 1 } });
    expect(
      (await client.push('work', [{ newDocumentState: { ...work, _deleted: false } }])).json(),
    ).toEqual([]);
    const stale = await client.push('work', [
      {
        assumedMasterState: { ...work, picked: {}, _deleted: false },
        newDocumentState: { ...work, stage: 'packing', _deleted: false },
      },
    ]);
    expect(stale.json()).toEqual([expect.objectContaining({ id: work.id, stage: 'picking' })]);
    expect((await fulfillmentDoc(tilburg, order.orderId)).status).toBe('picking');
    // Another station of the warehouse never receives this station's progress.
    const others = await syncClient(server.app, tilburg2).pullAll('work');
    expect(others.find((d) => d.id === work.id)).toBeUndefined();
    expect((await client.pullAll('work')).find((d) => d.id === work.id)).toBeDefined();
  });

  it('backorders a short pick and releases its reservation', async () => {
    const order = await placeOrder({ 'SKU-1': 3 });
    const doc = await fulfillmentDoc(tilburg, order.orderId);
    const reserved = await reservedUnits(server.db, 'SKU-1');
    const short = {
      lineId: doc.lines[0]!.lineId,
      sku: 'SKU-1',
      quantity: 1,
      reason: 'not_found' as const,
      note: null,
      operatorId: 'op-1',
      at: new Date().toISOString(),
    };
    const work = makeWork(tilburg, doc, { shorts: [short] });
    const client = syncClient(server.app, tilburg);
    await client.push('work', [{ newDocumentState: { ...work, _deleted: false } }]);
    await client.push('work', [{ newDocumentState: { ...work, _deleted: false } }]);
    expect(await reservedUnits(server.db, 'SKU-1')).toBe(reserved - 1);
    const lines = await server.db
      .selectFrom('order_lines')
      .select('backordered_quantity')
      .where('order_id', '=', order.orderId)
      .execute();
    expect(lines[0]!.backordered_quantity).toBe(1);
  });

  it('refuses documents a station may not write', async () => {
    const res = await syncClient(server.app, tilburg).push('fulfillments', [
      { newDocumentState: { id: 'x', _deleted: false } },
    ]);
    expect(res.statusCode).toBe(403);
    const foreign = makeWork(ghent, { id: 'nope', lines: [] } as unknown as FulfillmentDoc);
    const bad = await syncClient(server.app, tilburg).push('work', [
      { newDocumentState: { ...foreign, _deleted: false } },
    ]);
    expect(bad.statusCode).toBe(403);
  });

  it('leases number ranges that never overlap', async () => {
    const lease = (token: string) =>
      server.app.inject({
        method: 'POST',
        url: '/v1/stations/leases',
        headers: bearer(token),
        payload: { kind: 'sscc' },
      });
    const [a, b] = await Promise.all([lease(tilburg.token), lease(ghent.token)]);
    const [x, y] = [a.json(), b.json()].sort((p, q) => p.next - q.next);
    expect(x.end).toBeLessThan(y.next);
    expect(x).toMatchObject({ kind: 'sscc', companyPrefix: expect.stringMatching(/^\d{7,10}$/) });
  });
});
