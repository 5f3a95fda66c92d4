// 32 concurrent clients against scarce stock on real PostgreSQL: never a unit oversold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  reservedUnits,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';

describe('concurrent intake on postgres', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('postgres', 'concurrency', { poolSize: 32 });
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-A': { 'NL-TIL': 7, 'BE-GNT': 5 },
      'SKU-B': { 'NL-TIL': 4, 'DE-KSL': 3 },
    });
  });
  afterAll(() => server.close());

  it('reserves exactly the stock there is when 32 clients race for it, backordering the rest', async () => {
    const clients = Array.from({ length: 32 }, (_, i) =>
      server.app.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': `race-${i}` },
        payload: makeOrder({
          skus: i % 2 === 0 ? { 'SKU-A': 1, 'SKU-B': 1 } : { 'SKU-B': 1, 'SKU-A': 1 },
        }),
      }),
    );
    const responses = await Promise.all(clients);
    expect(responses.map((r) => r.statusCode)).toEqual(Array(32).fill(201));
    expect(await reservedUnits(server.db, 'SKU-A')).toBe(12);
    expect(await reservedUnits(server.db, 'SKU-B')).toBe(7);
    const perWarehouse = await server.db
      .selectFrom('reservations as r')
      .innerJoin('stock as s', (j) =>
        j.onRef('s.sku', '=', 'r.sku').onRef('s.warehouse_code', '=', 'r.warehouse_code'),
      )
      .select(['r.sku', 'r.warehouse_code', 's.on_hand'])
      .select((eb) => eb.fn.sum<string>('r.quantity').as('reserved'))
      .groupBy(['r.sku', 'r.warehouse_code', 's.on_hand'])
      .execute();
    for (const row of perWarehouse) expect(Number(row.reserved)).toBeLessThanOrEqual(row.on_hand);
    const backordered = responses.flatMap((r) => r.json().backordered as { quantity: number }[]);
    expect(backordered.reduce((sum, line) => sum + line.quantity, 0)).toBe(64 - 12 - 7);
  });
});
