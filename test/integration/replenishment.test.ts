// Replenishment on PGlite and PostgreSQL: a forecast becomes a suggestion with its reason, the
// suggestion a draft purchase order (minimum order and pack size), approval makes it inbound
// supply, and receiving by scan raises stock once per scan with a movement, recording over and
// unexpected items.
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src-server/forecasting/days';
import { HISTORY_DAYS } from '../../src-server/forecasting/demand-history';
import { runForecasts } from '../../src-server/forecasting/forecast-job';
import type { ReportSalesDailyTable } from '../../src-server/reports/reports-schema';
import { bearer, seedCatalog } from '../support/oms-fixtures';
import { enrolTestStation } from '../support/sync-fixtures';
import { ADMIN_TOKEN, BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import { syntheticSeries } from '../support/synthetic-demand';

const TODAY = new Date().toISOString().slice(0, 10);

describe.each(BACKENDS)('replenishment on %s', (backend) => {
  let server: TestServer;
  const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    server.app.inject({
      method,
      url,
      headers: bearer(ADMIN_TOKEN),
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    server = await startTestServer(backend, 'replenishment');
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 5 }, 'SKU-2': { 'NL-TIL': 500 } });
    const start = addDays(TODAY, -HISTORY_DAYS);
    const s = syntheticSeries('seasonal', 'replenish', HISTORY_DAYS);
    const rows: Insertable<ReportSalesDailyTable>[] = [];
    s.demand.forEach((units, t) => {
      if (units > 0)
        rows.push({
          day: addDays(start, t),
          channel_code: 'web',
          warehouse_code: 'NL-TIL',
          sku: 'SKU-1',
          currency: 'EUR',
          units_ordered: units,
        });
    });
    await server.db.insertInto('report_sales_daily').values(rows).execute();
    expect(await runForecasts(server.db, TODAY, 'on_demand', 'test')).toMatchObject({ series: 1 });
  });
  afterAll(() => server.close());

  it('suggests an order from the forecast, drafts and approves the purchase order, then counts it as inbound', async () => {
    expect(
      (
        await call('PUT', '/v1/suppliers/ACME', {
          name: 'Acme BV',
          email: 'orders@acme.example',
          locale: 'nl',
        })
      ).statusCode,
    ).toBe(204);
    const product = {
      leadTimeDays: 10,
      minimumOrderQuantity: 24,
      packSize: 6,
      unitCostMinor: 450,
      currency: 'EUR',
    };
    expect(
      (await call('PUT', '/v1/suppliers/ACME/products/NL-TIL/SKU-1', product)).statusCode,
    ).toBe(204);
    const bad = await call('PUT', '/v1/suppliers/ACME/products/NL-TIL/SKU-1', {
      ...product,
      packSize: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('packSize');
    expect(
      (await call('PUT', '/v1/suppliers/NOPE/products/NL-TIL/SKU-1', product)).json().field,
    ).toBe('code');
    expect(
      (await call('PUT', '/v1/suppliers/ACME/products/NL-TIL/SKU-9', product)).json().field,
    ).toBe('sku');

    const [suggestion] = (
      await call('GET', '/v1/replenishment/suggestions?warehouseCode=NL-TIL')
    ).json().suggestions;
    expect(suggestion).toMatchObject({
      sku: 'SKU-1',
      supplierCode: 'ACME',
      onHand: 5,
      inbound: 0,
      method: 'normal',
    });
    expect(suggestion.reorderPoint).toBeGreaterThan(suggestion.forecastUnits);
    expect(suggestion.orderQuantity % 6).toBe(0);
    expect(suggestion.orderQuantity).toBeGreaterThanOrEqual(suggestion.reorderPoint - 5);
    expect(suggestion.reason).toMatch(
      /^cover [\d.]+ days, lead time 10 days \(\+7 review\), forecast \d+ ± \d+ over 17 days/,
    );

    const drafted = await call('POST', '/v1/purchase-orders/from-suggestions', {});
    expect(drafted.statusCode).toBe(201);
    const [po] = drafted.json().purchaseOrders;
    expect(po).toMatchObject({
      supplierCode: 'ACME',
      warehouseCode: 'NL-TIL',
      status: 'draft',
      expectedDate: addDays(TODAY, 10),
    });
    expect(po.lines).toEqual([
      expect.objectContaining({
        sku: 'SKU-1',
        quantity: suggestion.orderQuantity,
        reason: suggestion.reason,
      }),
    ]);
    expect((await call('POST', `/v1/purchase-orders/${po.id}/approve`)).json().status).toBe(
      'approved',
    );
    expect((await call('POST', `/v1/purchase-orders/${po.id}/approve`)).statusCode).toBe(409);
    const [after] = (await call('GET', '/v1/replenishment/suggestions?sku=SKU-1')).json()
      .suggestions;
    expect(after.inbound).toBe(suggestion.orderQuantity);
    expect(after.orderQuantity).toBe(0);

    const sent = await call('POST', `/v1/purchase-orders/${po.id}/send`);
    expect(sent.json().status).toBe('sent');
    expect((await call('POST', `/v1/purchase-orders/${po.id}/send`)).statusCode).toBe(409);
    const event = await server.db
      .selectFrom('outbox_events')
      .select(['type', 'payload'])
      .where('aggregate_id', '=', po.id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      type: 'purchase_order.sent',
      payload: { number: po.number, supplierEmail: 'orders@acme.example', supplierLocale: 'nl' },
    });
  });

  it('receives by scan: once per scan id, stock up with a movement, over and unexpected recorded', async () => {
    const po = (
      await server.db.selectFrom('purchase_orders').select(['number']).executeTakeFirstOrThrow()
    ).number;
    const expected = (await call('GET', `/v1/receiving/${po}`)).json();
    const ordered = expected.lines[0].quantity as number;
    const gtin = (
      await server.db
        .selectFrom('product_gtins')
        .select('gtin')
        .where('sku', '=', 'SKU-1')
        .executeTakeFirstOrThrow()
    ).gtin;
    const first = { scanId: randomUUID(), code: gtin, quantity: ordered - 2, binCode: 'A-01' };
    expect((await call('POST', `/v1/receiving/${po}/scans`, first)).json()).toMatchObject({
      sku: 'SKU-1',
      match: 'expected',
      replayed: false,
    });
    expect((await call('POST', `/v1/receiving/${po}/scans`, first)).json()).toMatchObject({
      replayed: true,
    });
    expect((await call('GET', `/v1/receiving/${po}`)).json().status).toBe('receiving');
    const extra = await call('POST', `/v1/receiving/${po}/scans`, {
      scanId: randomUUID(),
      code: 'SKU-2',
      quantity: 1,
      binCode: 'A-03',
    });
    expect(extra.json().match).toBe('unexpected');
    const badBin = await call('POST', `/v1/receiving/${po}/scans`, {
      scanId: randomUUID(),
      code: 'SKU-1',
      quantity: 1,
      binCode: 'Z-99',
    });
    expect(badBin.statusCode).toBe(422);
    expect(badBin.json().field).toBe('binCode');
    const unknown = await call('POST', `/v1/receiving/${po}/scans`, {
      scanId: randomUUID(),
      code: '0000000000000',
      quantity: 1,
      binCode: 'A-01',
    });
    expect(unknown.json().field).toBe('code');

    const over = await call('POST', `/v1/receiving/${po}/scans`, {
      scanId: randomUUID(),
      code: 'SKU-1',
      quantity: 5,
      binCode: 'A-01',
    });
    expect(over.json().match).toBe('over');
    const received = (await call('GET', `/v1/receiving/${po}`)).json();
    expect(received).toMatchObject({
      status: 'received',
      lines: [{ sku: 'SKU-1', receivedQuantity: ordered + 3 }],
    });
    const stock = await server.db
      .selectFrom('stock')
      .select(['sku', 'bin_code', 'on_hand'])
      .where('warehouse_code', '=', 'NL-TIL')
      .orderBy('sku')
      .orderBy('bin_code')
      .execute();
    expect(stock).toEqual([
      { sku: 'SKU-1', bin_code: 'A-01', on_hand: ordered + 3 },
      { sku: 'SKU-1', bin_code: 'A-02', on_hand: 5 },
      { sku: 'SKU-2', bin_code: 'A-02', on_hand: 500 },
      { sku: 'SKU-2', bin_code: 'A-03', on_hand: 1 },
    ]);
    const movements = await server.db
      .selectFrom('inventory_movements')
      .select(['sku', 'quantity', 'reason'])
      .where('reason', '=', 'purchase_receipt')
      .orderBy('id')
      .execute();
    expect(movements).toEqual([
      { sku: 'SKU-1', quantity: ordered - 2, reason: 'purchase_receipt' },
      { sku: 'SKU-2', quantity: 1, reason: 'purchase_receipt' },
      { sku: 'SKU-1', quantity: 5, reason: 'purchase_receipt' },
    ]);
    const closed = await call('POST', `/v1/receiving/${po}/scans`, {
      scanId: randomUUID(),
      code: 'SKU-1',
      quantity: 1,
      binCode: 'A-01',
    });
    expect(closed.statusCode).toBe(409);
  });

  it('lets a station receive only at its own warehouse, and audits each scan with who made it', async () => {
    const po = (
      await server.db.selectFrom('purchase_orders').select(['number']).executeTakeFirstOrThrow()
    ).number;
    const own = await enrolTestStation(server.app, 'NL-TIL');
    const other = await enrolTestStation(server.app, 'BE-GNT');
    const read = (token: string) =>
      server.app.inject({ method: 'GET', url: `/v1/receiving/${po}`, headers: bearer(token) });
    expect((await read(own.token)).statusCode).toBe(200);
    const refused = await read(other.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'other_warehouse', field: 'poNumber' });
    const scan = await server.app.inject({
      method: 'POST',
      url: `/v1/receiving/${po}/scans`,
      headers: bearer(other.token),
      payload: { scanId: randomUUID(), code: 'SKU-1', quantity: 1, binCode: 'A-01' },
    });
    expect(scan.json()).toMatchObject({ code: 'other_warehouse' });
    const audited = await server.db
      .selectFrom('audit_log')
      .select(['actor_type', 'action'])
      .where('object_type', '=', 'purchase_order')
      .where('object_id', '=', po)
      .execute();
    expect(audited.filter((a) => a.action === 'received_scan').length).toBeGreaterThan(0);
    expect(audited.every((a) => a.actor_type === 'admin_token')).toBe(true);
  });
});
