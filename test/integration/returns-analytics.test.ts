// Return analytics on PGlite and PostgreSQL: rates per product and reason from shipped and
// received units (the answer from the demo data is in demo-seed.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, seedCatalog, seedChannels } from '../support/oms-fixtures';
import { ADMIN_TOKEN, BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import { enrolTestStation, type EnrolledTestStation } from '../support/sync-fixtures';
import { createRma, makeItem, makeReceipt, pushReceipt, shipOrder } from './returns-helpers';

describe.each(BACKENDS)('return analytics on %s', (backend) => {
  let server: TestServer;
  let tilburg: EnrolledTestStation;

  beforeAll(async () => {
    server = await startTestServer(backend, 'return_analytics');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 50 }, 'SKU-2': { 'NL-TIL': 50 } });
    tilburg = await enrolTestStation(server.app, 'NL-TIL');
  });
  afterAll(() => server.close());

  const analytics = (query = '') =>
    server.app.inject({
      method: 'GET',
      url: `/v1/analytics/returns${query}`,
      headers: bearer(ADMIN_TOKEN),
    });

  it('reports return rate per product and reason, the top returned products and reasons per product', async () => {
    const a = await shipOrder(server.app, tilburg, { 'SKU-1': 4, 'SKU-2': 2 });
    const b = await shipOrder(server.app, tilburg, { 'SKU-1': 4 });
    const r1 = (
      await createRma(server.app, a, { 'SKU-1': 2, 'SKU-2': 1 }, { reason: 'wrong_size' })
    ).json();
    await pushReceipt(
      server.app,
      tilburg,
      makeReceipt(tilburg, r1.id, [makeItem('SKU-1', { quantity: 2 }), makeItem('SKU-2')]),
    );
    const r2 = (await createRma(server.app, b, { 'SKU-1': 1 }, { reason: 'damaged' })).json();
    await pushReceipt(
      server.app,
      tilburg,
      makeReceipt(tilburg, r2.id, [
        makeItem('SKU-1', { grade: 'C', disposition: 'quarantine', binCode: null }),
      ]),
    );
    // Authorised but not received yet: not a returned unit.
    await createRma(server.app, b, { 'SKU-1': 1 }, { reason: 'changed_mind' });

    const res = await analytics();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ shippedUnits: 10, returnedUnits: 4, returnRate: 0.4 });
    expect(body.reasons).toEqual([
      { reason: 'wrong_size', returnedUnits: 3, returnRate: 0.3, share: 0.75 },
      { reason: 'damaged', returnedUnits: 1, returnRate: 0.1, share: 0.25 },
    ]);
    expect(body.products).toEqual([
      {
        sku: 'SKU-1',
        name: 'Product SKU-1',
        shippedUnits: 8,
        returnedUnits: 3,
        returnRate: 0.375,
        reasons: { wrong_size: 2, damaged: 1 },
      },
      {
        sku: 'SKU-2',
        name: 'Product SKU-2',
        shippedUnits: 2,
        returnedUnits: 1,
        returnRate: 0.5,
        reasons: { wrong_size: 1 },
      },
    ]);
    expect(body.topReturned.map((p: { sku: string }) => p.sku)).toEqual(['SKU-1', 'SKU-2']);
  });

  it('counts nothing outside the period, refuses an empty period, and is admin only', async () => {
    expect((await analytics('?from=2020-01-01&to=2020-02-01')).json()).toMatchObject({
      shippedUnits: 0,
      returnedUnits: 0,
      returnRate: null,
      products: [],
    });
    expect((await analytics('?from=2020-02-01&to=2020-01-01')).statusCode).toBe(400);
    for (const [query, field] of [
      ['?from=0000-01-01', 'from'],
      ['?to=%2B275760-09-13T00:00:00Z', 'to'],
      ['?from=1', 'from'],
      ['?to=2026-02-30', 'to'],
      ['?from=2026-01-01T10:00:00', 'from'],
    ]) {
      const refused = await analytics(query!);
      expect(refused.statusCode, query).toBe(400);
      expect(refused.json().field, query).toBe(field);
    }
    expect((await analytics('?from=2020-01-01T00:00:00%2B01:00&to=2020-02-01')).statusCode).toBe(
      200,
    );
    expect(
      (
        await server.app.inject({
          method: 'GET',
          url: '/v1/analytics/returns',
          headers: bearer('key-web-0123456789'),
        })
      ).statusCode,
    ).toBe(403);
  });
});
