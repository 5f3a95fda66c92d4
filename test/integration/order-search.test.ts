// The order search (GET /v1/orders) as customer service and ERPs use it: every filter finds
// exactly its orders, filters combine, any sort walks every page once with keyset cursors, bad
// input is a 400 naming the field; and an order's shipments with cartons and tracking links.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSscc } from '../../shared/gs1/sscc';
import { BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { makePerson, sessionFor } from '../support/people-fixtures';
import type { TestSession } from '../support/people-fixtures';
import { enrolTestStation } from '../support/sync-fixtures';

interface Listed {
  orderId: string;
  channel: string;
  channelOrderRef: string;
  totalMinor: number;
  placedAt: string;
  warehouses: string[];
  customerName: string | null;
  email: string | null;
}

describe.each(BACKENDS)('order search on %s', (backend) => {
  let server: TestServer;
  let service: TestSession;
  const orders: Record<string, string> = {};
  let sscc: string;

  async function place(key: string, channelKey: string, order: ReturnType<typeof makeOrder>) {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(channelKey), 'idempotency-key': randomUUID() },
      payload: order,
    });
    expect(res.statusCode, res.body).toBe(201);
    orders[key] = res.json().orderId as string;
  }

  async function search(
    query: Record<string, string | number>,
    headers: Record<string, string> = service.headers,
  ) {
    const qs = new URLSearchParams(
      Object.entries(query).map(([k, v]) => [k, String(v)]),
    ).toString();
    return server.app.inject({ method: 'GET', url: `/v1/orders?${qs}`, headers });
  }
  async function found(query: Record<string, string | number>): Promise<string[]> {
    const res = await search({ limit: 200, ...query });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().orders as Listed[]).map((o) => o.orderId).sort();
  }
  const ids = (...keys: string[]) => keys.map((k) => orders[k]!).sort();

  beforeAll(async () => {
    server = await startTestServer(backend, 'order-search');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 100 },
      'SKU-2': { 'NL-TIL': 100 },
      'SKU-B': { 'BE-GNT': 100 },
    });
    service = await sessionFor(
      server.db,
      (await makePerson(server.db, { roles: ['customer_service'] })).id,
    );
    const gent = {
      name: 'Jan Peeters',
      line1: 'Korenmarkt 1',
      postalCode: '9000',
      city: 'Gent',
      country: 'BE',
    };
    await place(
      'emma',
      CHANNEL_KEYS.web,
      makeOrder({
        channelOrderRef: 'WEB-1001',
        placedAt: '2026-03-01T10:00:00Z',
        skus: { 'SKU-1': 2 },
      }),
    );
    await place(
      'anna',
      CHANNEL_KEYS.web,
      makeOrder({
        channelOrderRef: 'WEB-1002',
        placedAt: '2026-03-02T10:00:00Z',
        customer: { type: 'person', name: 'Anna Bakker', email: 'Anna.Bakker@Example.com' },
        shipTo: { ...makeOrder().shipTo, name: 'Anna Bakker' },
        skus: { 'SKU-2': 1 },
      }),
    );
    await place(
      'jan',
      CHANNEL_KEYS.market,
      makeOrder({
        channelOrderRef: 'MKT-77',
        placedAt: '2026-03-03T23:30:00Z',
        poNumber: 'PO-4711',
        customer: { type: 'person', name: 'Jan Peeters', email: 'jan@peeters.example' },
        shipTo: gent,
        skus: { 'SKU-B': 3, 'SKU-1': 1 },
      }),
    );
    // A shipped carton for Jan's Gent fulfillment: found by its tracking number and SSCC.
    const station = await enrolTestStation(server.app, 'BE-GNT');
    const fulfillment = await server.db
      .selectFrom('fulfillment_orders')
      .select('id')
      .where('order_id', '=', orders.jan!)
      .where('warehouse_code', '=', 'BE-GNT')
      .executeTakeFirstOrThrow();
    const shipmentId = randomUUID();
    sscc = buildSscc({ companyPrefix: '8712345', extensionDigit: 0 }, 424242);
    await server.db
      .insertInto('shipments')
      .values({
        id: shipmentId,
        fulfillment_id: fulfillment.id,
        station_id: station.stationId,
        operator_id: 'op-1',
        carrier: 'bpost',
        service: 'standard',
        status: 'accepted',
        confirmed_at: new Date(),
      })
      .execute();
    await server.db
      .insertInto('cartons')
      .values({
        sscc,
        shipment_id: shipmentId,
        box_type: 'M',
        weight_grams: 900,
        tracking_number: 'CD123456789BE',
        items: JSON.stringify([]),
      })
      .execute();
    // More orders for paging, several with the same placed_at and the same total (ties).
    for (let i = 0; i < 9; i += 1) {
      await place(
        `bulk${i}`,
        CHANNEL_KEYS.web,
        makeOrder({
          channelOrderRef: `BULK-${i % 3}-${i}`,
          placedAt: `2026-02-${String(10 + (i % 3)).padStart(2, '0')}T08:00:00Z`,
          skus: { 'SKU-2': 1 + (i % 2) },
        }),
      );
    }
  }, 120_000);
  afterAll(() => server.close());

  it('finds orders by each filter, exactly', async () => {
    expect(await found({ orderId: orders.anna! })).toEqual(ids('anna'));
    expect(await found({ channelOrderRef: 'MKT-77' })).toEqual(ids('jan'));
    expect(await found({ customer: 'anna.bakker@example.COM' })).toEqual(ids('anna'));
    expect(await found({ customer: 'peet' })).toEqual(ids('jan'));
    expect(await found({ customer: 'bakker anna' })).toEqual(ids('anna'));
    expect(await found({ customer: 'Emma de' })).toEqual(
      ids('emma', ...Array.from({ length: 9 }, (_, i) => `bulk${i}`)),
    );
    expect(await found({ sku: 'SKU-B' })).toEqual(ids('jan'));
    expect(await found({ sku: 'SKU-1' })).toEqual(ids('emma', 'jan'));
    expect(await found({ poNumber: 'PO-4711' })).toEqual(ids('jan'));
    expect(await found({ tracking: 'CD123456789BE' })).toEqual(ids('jan'));
    expect(await found({ sscc })).toEqual(ids('jan'));
    expect(await found({ tracking: 'XX000000000NL' })).toEqual([]);
    expect(await found({ channel: 'market' })).toEqual(ids('jan'));
    expect(await found({ warehouse: 'BE-GNT' })).toEqual(ids('jan'));
    expect(await found({ placedFrom: '2026-03-02', placedTo: '2026-03-03' })).toEqual(
      ids('anna', 'jan'),
    );
    expect(
      await found({
        placedFrom: '2026-03-01T11:01:00+01:00',
        placedTo: '2026-03-04T00:30:00+01:00',
      }),
    ).toEqual(ids('anna'));
    expect(await found({ status: 'cancelled' })).toEqual([]);
  });

  it('combines filters (all must hold) and answers what the list shows', async () => {
    expect(await found({ sku: 'SKU-1', warehouse: 'NL-TIL', channel: 'web' })).toEqual(ids('emma'));
    expect(await found({ sku: 'SKU-1', customer: 'anna' })).toEqual([]);
    const res = await search({ orderId: orders.jan! });
    expect(res.json().orders[0]).toMatchObject({
      channel: 'market',
      channelOrderRef: 'MKT-77',
      poNumber: 'PO-4711',
      email: 'jan@peeters.example',
      customerName: 'Jan Peeters',
      warehouses: ['BE-GNT', 'NL-TIL'],
    });
  });

  it('walks every page of any sort exactly once, in order (property)', async () => {
    const all = (await found({})).length;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('placedAt', 'totalMinor', 'channelOrderRef'),
        fc.constantFrom('asc', 'desc'),
        fc.integer({ min: 1, max: 5 }),
        async (sort, dir, limit) => {
          const seen: Listed[] = [];
          let cursor: string | null = null;
          for (let page = 0; page < 20; page += 1) {
            const res = await search({ sort, dir, limit, ...(cursor ? { cursor } : {}) });
            expect(res.statusCode, res.body).toBe(200);
            seen.push(...(res.json().orders as Listed[]));
            cursor = res.json().nextCursor;
            if (!cursor) break;
          }
          expect(cursor).toBeNull();
          expect(new Set(seen.map((o) => o.orderId)).size).toBe(all);
          expect(seen).toHaveLength(all);
          const key = (o: Listed) =>
            sort === 'placedAt'
              ? Date.parse(o.placedAt)
              : sort === 'totalMinor'
                ? o.totalMinor
                : o.channelOrderRef;
          for (let i = 1; i < seen.length; i += 1) {
            const [a, b] = [key(seen[i - 1]!), key(seen[i]!)];
            if (a !== b) expect(dir === 'asc' ? a < b : a > b, `${sort} ${dir} at ${i}`).toBe(true);
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('refuses bad input with a 400 that names the field', async () => {
    const firstPage = await search({ sort: 'totalMinor', limit: 2 });
    const totalCursor = firstPage.json().nextCursor as string;
    const cases: [Record<string, string>, string][] = [
      [{ sscc: '12345' }, 'sscc'],
      [{ orderId: 'WEB-1001' }, 'orderId'],
      [{ placedFrom: 'yesterday' }, 'placedFrom'],
      [{ placedTo: '2026-02-30' }, 'placedTo'],
      [{ placedFrom: '1999-12-31' }, 'placedFrom'],
      [{ sort: 'email' }, 'sort'],
      [{ dir: 'up' }, 'dir'],
      [{ status: 'lost' }, 'status'],
      [{ customer: '!!! ???' }, 'customer'],
      [{ cursor: 'not-a-cursor' }, 'cursor'],
      [{ cursor: totalCursor, sort: 'placedAt' }, 'cursor'],
      [{ limit: '0' }, 'limit'],
    ];
    for (const [query, field] of cases) {
      const res = await search(query);
      expect({ query, status: res.statusCode }).toEqual({ query, status: 400 });
      expect(JSON.stringify(res.json()), JSON.stringify(query)).toContain(field);
    }
  });

  it('keeps a channel key to its own channel', async () => {
    const res = await search({ customer: 'jan@peeters.example' }, bearer(CHANNEL_KEYS.web));
    expect(res.statusCode).toBe(200);
    expect(res.json().orders).toEqual([]);
    expect((await search({ channel: 'market' }, bearer(CHANNEL_KEYS.web))).statusCode).toBe(403);
  });

  it("answers an order's shipments with cartons and tracking links", async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: `/v1/orders/${orders.jan}/shipments`,
      headers: service.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().shipments).toEqual([
      expect.objectContaining({
        warehouseCode: 'BE-GNT',
        carrier: 'bpost',
        status: 'accepted',
        cartons: [
          {
            sscc,
            boxType: 'M',
            weightGrams: 900,
            trackingNumber: 'CD123456789BE',
            trackingUrl: expect.stringContaining('itemCode=CD123456789BE&postalCode=9000'),
          },
        ],
      }),
    ]);
    const none = await server.app.inject({
      method: 'GET',
      url: `/v1/orders/${orders.emma}/shipments`,
      headers: service.headers,
    });
    expect(none.json()).toEqual({ shipments: [] });
    const unknown = await server.app.inject({
      method: 'GET',
      url: `/v1/orders/${randomUUID()}/shipments`,
      headers: service.headers,
    });
    expect(unknown.statusCode).toBe(404);
    const otherChannel = await server.app.inject({
      method: 'GET',
      url: `/v1/orders/${orders.jan}/shipments`,
      headers: bearer(CHANNEL_KEYS.web),
    });
    expect(otherChannel.statusCode).toBe(403);
  });
});
