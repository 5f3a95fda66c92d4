// A warehouse's stock as purchasing and leads read it: per SKU on hand (the sum of its bins),
// reserved (open reservations) and available, always agreeing with the rows they come from;
// paged by SKU; a SKU prefix is literal; a lead reads only their own warehouse.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

interface Level {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
  bins: { bin: string; onHand: number }[];
}

describe.each(BACKENDS)('stock levels on %s', (backend) => {
  let server: TestServer;
  let purchasing: TestSession;

  beforeAll(async () => {
    server = await startTestServer(backend, 'stock-levels');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 100, 'BE-GNT': 5 },
      'SKU-2': { 'NL-TIL': 7 },
      SKU_3: { 'NL-TIL': 3 },
      'SKU-10': { 'NL-TIL': 1 },
    });
    // A second bin for SKU-1, and orders that reserve some of it.
    await server.db
      .insertInto('stock')
      .values({ warehouse_code: 'NL-TIL', sku: 'SKU-1', bin_code: 'A-03', on_hand: 20 })
      .execute();
    for (const quantity of [2, 3]) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': randomUUID() },
        payload: makeOrder({ skus: { 'SKU-1': quantity, 'SKU-2': 1 } }),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    purchasing = await sessionFor(
      server.db,
      (await makePerson(server.db, { roles: ['purchasing'] })).id,
    );
  });
  afterAll(() => server.close());

  const read = (url: string, headers: Record<string, string> = purchasing.headers) =>
    server.app.inject({ method: 'GET', url, headers });

  it('answers on hand, reserved and available per SKU, with its bins', async () => {
    const res = await read('/v1/warehouses/NL-TIL/stock');
    expect(res.statusCode, res.body).toBe(200);
    const sku1 = (res.json().levels as Level[]).find((l) => l.sku === 'SKU-1');
    expect(sku1).toEqual({
      sku: 'SKU-1',
      name: 'Product SKU-1',
      onHand: 120,
      reserved: 5,
      available: 115,
      inbound: 0,
      bins: [
        { bin: 'A-02', onHand: 100 },
        { bin: 'A-03', onHand: 20 },
      ],
    });
  });

  it('agrees with the stock and reservation rows on every page (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), async (limit) => {
        const levels: Level[] = [];
        let cursor: string | null = null;
        for (let i = 0; i < 10; i += 1) {
          const res = await read(
            `/v1/warehouses/NL-TIL/stock?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
          );
          levels.push(...(res.json().levels as Level[]));
          cursor = res.json().nextCursor;
          if (!cursor) break;
        }
        expect(levels.map((l) => l.sku)).toEqual(['SKU-1', 'SKU-10', 'SKU-2', 'SKU_3'].sort());
        const reservations = await server.db
          .selectFrom('reservations')
          .select(['sku', 'quantity'])
          .where('warehouse_code', '=', 'NL-TIL')
          .where('released_at', 'is', null)
          .execute();
        for (const level of levels) {
          expect(level.onHand).toBe(level.bins.reduce((sum, b) => sum + b.onHand, 0));
          expect(level.reserved).toBe(
            reservations.filter((r) => r.sku === level.sku).reduce((s, r) => s + r.quantity, 0),
          );
          expect(level.available).toBe(level.onHand - level.reserved);
        }
      }),
      { numRuns: 5 },
    );
  });

  it('takes a SKU prefix literally', async () => {
    const skus = async (prefix: string) =>
      (
        (await read(`/v1/warehouses/NL-TIL/stock?sku=${encodeURIComponent(prefix)}`)).json()
          .levels as Level[]
      ).map((l) => l.sku);
    expect(await skus('SKU-1')).toEqual(['SKU-1', 'SKU-10']);
    expect(await skus('SKU_')).toEqual(['SKU_3']);
    expect(await skus('%')).toEqual([]);
  });

  it('lets a lead read their own warehouse only; an unknown warehouse is a 404', async () => {
    const lead = await sessionFor(
      server.db,
      (await makePerson(server.db, { roles: ['warehouse_lead'], leadWarehouses: ['BE-GNT'] })).id,
    );
    expect((await read('/v1/warehouses/BE-GNT/stock', lead.headers)).statusCode).toBe(200);
    expect((await read('/v1/warehouses/NL-TIL/stock', lead.headers)).statusCode).toBe(403);
    expect((await read('/v1/warehouses/XX-NONE/stock')).statusCode).toBe(404);
    expect((await read('/v1/warehouses/NL-TIL/stock?limit=0')).json().field).toBe('limit');
    const list = await read('/v1/warehouses');
    expect(list.json().warehouses.map((w: { code: string }) => w.code)).toEqual([
      'BE-GNT',
      'DE-KSL',
      'NL-TIL',
    ]);
  });
});
