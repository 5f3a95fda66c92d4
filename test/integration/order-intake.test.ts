// Order intake end to end through app.inject, on PGlite and on PostgreSQL 15.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  countRows,
  makeOrder,
  reservedUnits,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';

describe.each(BACKENDS)('order intake on %s', (backend) => {
  let server: TestServer;
  const post = (body: unknown, key: string, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': key, ...headers },
      payload: body as object,
    });

  beforeAll(async () => {
    server = await startTestServer(backend, 'intake');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 50, 'BE-GNT': 50 },
      'SKU-2': { 'BE-GNT': 3 },
      'SKU-3': { 'DE-KSL': 10 },
      'SKU-NONE': {},
    });
  });
  afterAll(() => server.close());

  it('sources an Amsterdam order from Tilburg, reserves it and returns warehouse and shipping cost', async () => {
    const res = await post(makeOrder({ skus: { 'SKU-1': 2 } }), 'k-nearest');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.status).toBe('released');
    expect(body.fulfillments).toHaveLength(1);
    expect(body.fulfillments[0]).toMatchObject({
      warehouseCode: 'NL-TIL',
      carrier: expect.any(String),
      status: 'released',
    });
    expect(body.shippingCostMinor).toBeGreaterThan(0);
    expect(body.totalMinor).toBe(2000);
    const order = await server.app.inject({
      method: 'GET',
      url: `/v1/orders/${body.orderId}`,
      headers: bearer(CHANNEL_KEYS.web),
    });
    expect(order.json().events.map((e: { type: string }) => e.type)).toEqual([
      'placed',
      'allocated',
      'released',
    ]);
  });

  it('replays the original response for the same Idempotency-Key and writes nothing new', async () => {
    const order = makeOrder({ skus: { 'SKU-1': 1 } });
    const first = await post(order, 'k-replay');
    const ordersBefore = await countRows(server.db, 'orders');
    const again = await post(order, 'k-replay');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await countRows(server.db, 'orders')).toBe(ordersBefore);
  });

  it('refuses the same Idempotency-Key with a different body with 409', async () => {
    await post(makeOrder({ skus: { 'SKU-1': 1 } }), 'k-conflict');
    const res = await post(makeOrder({ skus: { 'SKU-1': 3 } }), 'k-conflict');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key' });
  });

  it('refuses a second order with the same channel order reference', async () => {
    const order = makeOrder();
    expect((await post(order, 'k-dup-1')).statusCode).toBe(201);
    const res = await post(order, 'k-dup-2');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('duplicate_channel_order');
  });

  it('rejects an unknown SKU naming the line and writes nothing', async () => {
    const before = await Promise.all([
      countRows(server.db, 'orders'),
      countRows(server.db, 'customers'),
      countRows(server.db, 'outbox_events'),
    ]);
    const res = await post(makeOrder({ skus: { 'SKU-1': 1, 'NOPE-9': 1 } }), 'k-unknown');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      code: 'unknown_sku',
      message: expect.stringContaining('NOPE-9'),
      field: 'lines[1].sku',
    });
    const after = await Promise.all([
      countRows(server.db, 'orders'),
      countRows(server.db, 'customers'),
      countRows(server.db, 'outbox_events'),
    ]);
    expect(after).toEqual(before);
  });

  it('splits an order over two warehouses and backorders what nobody has', async () => {
    const res = await post(
      makeOrder({ skus: { 'SKU-1': 1, 'SKU-3': 1, 'SKU-NONE': 2 } }),
      'k-split',
    );
    const body = res.json();
    expect(body.fulfillments.map((f: { warehouseCode: string }) => f.warehouseCode).sort()).toEqual(
      ['DE-KSL', 'NL-TIL'],
    );
    expect(body.backordered).toEqual([expect.objectContaining({ sku: 'SKU-NONE', quantity: 2 })]);
    const outbox = await server.db
      .selectFrom('outbox_events')
      .select('type')
      .where('aggregate_id', '=', body.orderId)
      .execute();
    expect(outbox.map((e) => e.type).sort()).toEqual([
      'order.allocated',
      'order.backordered',
      'order.placed',
    ]);
  });

  it('never reserves more than is available: the fourth unit of SKU-2 is backordered', async () => {
    const res = await post(makeOrder({ skus: { 'SKU-2': 4 } }), 'k-scarce');
    const body = res.json();
    expect(body.fulfillments[0].lines[0].quantity).toBe(3);
    expect(body.backordered[0].quantity).toBe(1);
    expect(await reservedUnits(server.db, 'SKU-2')).toBe(3);
    const none = await post(makeOrder({ skus: { 'SKU-2': 1 } }), 'k-scarce-2');
    expect(none.json().status).toBe('backordered');
  });

  it('lists released fulfillments of a warehouse with pick lines, bin and walk sequence', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/v1/warehouses/DE-KSL/fulfillments',
      headers: bearer(ADMIN_TOKEN),
    });
    expect(res.statusCode).toBe(200);
    const queue = res.json();
    expect(queue.fulfillments.length).toBeGreaterThan(0);
    expect(queue.fulfillments[0]).toMatchObject({
      status: 'released',
      service: expect.any(String),
      shipTo: expect.objectContaining({ city: 'Amsterdam' }),
    });
    expect(queue.fulfillments[0].pickLines[0]).toMatchObject({
      sku: 'SKU-3',
      bin: 'A-02',
      walkSequence: 20,
    });
  });

  it('cancels an order: reservations released, fulfillments flagged; a second cancel is 409 and changes nothing', async () => {
    const placed = (await post(makeOrder({ skus: { 'SKU-3': 2 } }), 'k-cancel')).json();
    const reservedBefore = await reservedUnits(server.db, 'SKU-3');
    const cancel = await server.app.inject({
      method: 'POST',
      url: `/v1/orders/${placed.orderId}/cancel`,
      headers: bearer(ADMIN_TOKEN),
      payload: { reason: 'customer asked' },
    });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json()).toMatchObject({
      status: 'cancelled',
      releasedUnits: 2,
      flaggedFulfillments: [placed.fulfillments[0].id],
    });
    expect(await reservedUnits(server.db, 'SKU-3')).toBe(reservedBefore - 2);
    const again = await server.app.inject({
      method: 'POST',
      url: `/v1/orders/${placed.orderId}/cancel`,
      headers: bearer(ADMIN_TOKEN),
    });
    expect(again.statusCode).toBe(409);
    const view = (
      await server.app.inject({
        method: 'GET',
        url: `/v1/orders/${placed.orderId}`,
        headers: bearer(ADMIN_TOKEN),
      })
    ).json();
    expect(view.status).toBe('cancelled');
    expect(view.fulfillments[0]).toMatchObject({ status: 'cancelled', cancelRequested: true });
    expect(view.events.filter((e: { type: string }) => e.type === 'cancelled')).toHaveLength(1);
  });

  it('holds an order and releases it: fulfillments follow, stations see the flag, stock stays reserved', async () => {
    const placed = (await post(makeOrder({ skus: { 'SKU-3': 1 } }), 'k-hold')).json();
    const fulfillmentId = placed.fulfillments[0].id;
    const reserved = await reservedUnits(server.db, 'SKU-3');
    const act = (action: 'hold' | 'release-hold') =>
      server.app.inject({
        method: 'POST',
        url: `/v1/orders/${placed.orderId}/${action}`,
        headers: bearer(ADMIN_TOKEN),
        payload: { reason: 'payment check' },
      });
    const stationDoc = async () =>
      (
        await server.db
          .selectFrom('sync_documents')
          .select('doc')
          .where('collection', '=', 'fulfillments')
          .where('id', '=', fulfillmentId)
          .executeTakeFirstOrThrow()
      ).doc as { status: string; onHold: boolean };

    const held = await act('hold');
    expect(held.statusCode).toBe(200);
    expect(held.json()).toEqual({
      orderId: placed.orderId,
      status: 'on_hold',
      fulfillments: [fulfillmentId],
    });
    expect(await stationDoc()).toMatchObject({ status: 'on_hold', onHold: true });
    expect(await reservedUnits(server.db, 'SKU-3')).toBe(reserved);
    const twice = await act('hold');
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'illegal_transition', field: 'status' });

    const released = await act('release-hold');
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ status: 'released', fulfillments: [fulfillmentId] });
    expect(await stationDoc()).toMatchObject({ status: 'released', onHold: false });
    expect((await act('release-hold')).statusCode).toBe(409);

    const view = (
      await server.app.inject({
        method: 'GET',
        url: `/v1/orders/${placed.orderId}`,
        headers: bearer(ADMIN_TOKEN),
      })
    ).json();
    expect(view.status).toBe('released');
    expect(view.fulfillments[0]).toMatchObject({ status: 'released' });
    expect(view.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['on_hold', 'hold_released']),
    );
  });

  it('pages through orders newest first without repeats', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const url: string = `/v1/orders?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (
        await server.app.inject({ method: 'GET', url, headers: bearer(ADMIN_TOKEN) })
      ).json();
      for (const o of page.orders) {
        expect(seen.has(o.orderId)).toBe(false);
        seen.add(o.orderId);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(await countRows(server.db, 'orders'));
  });

  it('stores non-Latin names and SQL-looking text exactly as sent', async () => {
    const name = "李伟 Ελένη O'Brien'); DROP TABLE orders;--";
    const order = makeOrder({ customer: { type: 'person', name, email: 'li@example.com' } });
    order.shipTo.name = name;
    const placed = (await post(order, 'k-unicode')).json();
    const view = (
      await server.app.inject({
        method: 'GET',
        url: `/v1/orders/${placed.orderId}`,
        headers: bearer(ADMIN_TOKEN),
      })
    ).json();
    expect(view.shipTo.name).toBe(name);
  });

  it('keeps the order event trail append-only', async () => {
    await expect(
      server.db.updateTable('order_events').set({ actor: 'forged' }).execute(),
    ).rejects.toThrow(/append-only/);
  });
});
