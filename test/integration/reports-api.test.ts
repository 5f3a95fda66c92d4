// The report API on PGlite and PostgreSQL: sales, fulfilment, returns, refunds and stock for a
// period with the previous one, CSV and XLSX export (the workbook read back adds up to the JSON), and a 400 naming the field for a bad period.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { ADMIN_TOKEN, BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import { enrolTestStation, type EnrolledTestStation } from '../support/sync-fixtures';
import { createRma, makeItem, makeReceipt, pushReceipt, shipOrder } from './returns-helpers';

const DAY_MS = 86_400_000;
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

describe.each(BACKENDS)('report API on %s', (backend) => {
  let server: TestServer;
  let tilburg: EnrolledTestStation;

  beforeAll(async () => {
    server = await startTestServer(backend, 'reports_api');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 20 },
      'SKU-2': { 'NL-TIL': 20 },
      'SKU-3': { 'NL-TIL': 5 },
    });
    tilburg = await enrolTestStation(server.app, 'NL-TIL');
    // Previous period (8 days ago): one order of 2 × SKU-1 on the marketplace.
    const old = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.market), 'idempotency-key': randomUUID() },
      payload: makeOrder({
        skus: { 'SKU-1': 2 },
        placedAt: new Date(Date.now() - 8 * DAY_MS).toISOString(),
      }),
    });
    expect(old.statusCode).toBe(201);
    // This period: two web orders, shipped; 1 × SKU-1 comes back and is refunded.
    const a = await shipOrder(server.app, tilburg, { 'SKU-1': 3, 'SKU-2': 1 });
    await shipOrder(server.app, tilburg, { 'SKU-2': 2 });
    const rma = await createRma(server.app, a, { 'SKU-1': 1 }, { refundMethod: 'store_credit' });
    await pushReceipt(
      server.app,
      tilburg,
      makeReceipt(tilburg, rma.json().id, [makeItem('SKU-1')]),
    );
  });
  afterAll(() => server.close());

  const get = (url: string, token = ADMIN_TOKEN) =>
    server.app.inject({ method: 'GET', url, headers: bearer(token) });
  const week = `from=${day(6)}&to=${day(0)}`;

  it('reports sales per channel with the previous period of the same length', async () => {
    const res = await get(`/v1/reports/sales?${week}&groupBy=channel`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      from: day(6),
      to: day(0),
      previousFrom: day(13),
      previousTo: day(7),
    });
    expect(body.rows).toEqual([
      // Each group again over all its currencies, in the base currency (EUR here), first.
      {
        key: { channel: 'market', currency: '*' },
        current: expect.objectContaining({ orders: 0 }),
        previous: expect.objectContaining({
          orders: 1,
          revenueMinor: null,
          revenueBaseMinor: 2000,
          ordersWithoutRate: 0,
        }),
      },
      {
        key: { channel: 'market', currency: 'EUR' },
        current: expect.objectContaining({ orders: 0, units: 0 }),
        previous: expect.objectContaining({ orders: 1, units: 2, revenueMinor: 2000 }),
      },
      {
        key: { channel: 'web', currency: '*' },
        current: expect.objectContaining({ orders: 2, revenueBaseMinor: 6000, revenueMinor: null }),
        previous: expect.objectContaining({ orders: 0 }),
      },
      {
        key: { channel: 'web', currency: 'EUR' },
        current: expect.objectContaining({
          orders: 2,
          units: 6,
          revenueMinor: 6000,
          averageOrderValueMinor: 3000,
        }),
        previous: expect.objectContaining({ orders: 0 }),
      },
    ]);
    const bySku = (await get(`/v1/reports/sales?${week}&groupBy=sku&compare=none`)).json();
    expect(bySku.previousFrom).toBeNull();
    expect(
      bySku.rows.map((r: { key: { sku: string }; current: { units: number } }) => [
        r.key.sku,
        r.current.units,
      ]),
    ).toEqual([
      ['SKU-1', 3],
      ['SKU-2', 3],
    ]);
  });

  it('reports fulfilment, returns, refunds and stock from the rollups', async () => {
    const fulfilment = (await get(`/v1/reports/fulfilment?${week}`)).json();
    expect(fulfilment.rows).toEqual([
      expect.objectContaining({
        key: { warehouse: 'NL-TIL' },
        current: expect.objectContaining({
          shipments: 2,
          unitsShipped: 6,
          unitsShort: 0,
          leadHoursP50: 0,
        }),
      }),
    ]);
    const returns = (await get(`/v1/reports/returns?${week}&groupBy=sku`)).json();
    expect(returns.rows).toEqual([
      expect.objectContaining({
        key: { sku: 'SKU-1' },
        current: { unitsReturned: 1, unitsRestocked: 1, unitsShipped: 3, returnRate: 0.3333 },
      }),
    ]);
    const refunds = (await get(`/v1/reports/refunds?${week}`)).json();
    expect(refunds.rows[0]).toMatchObject({ key: { currency: 'EUR' }, current: { refunds: 1 } });
    const stock = (await get(`/v1/reports/stock?${week}&only=not_selling`)).json();
    // SKU-3 never sold: all of it is dead stock at 10.00 EUR a unit.
    expect(stock.rows).toEqual([
      expect.objectContaining({
        key: { sku: 'SKU-3', warehouse: 'NL-TIL' },
        current: expect.objectContaining({ onHand: 5, notSelling: 1, deadStockValueMinor: 5000 }),
      }),
    ]);
  });

  it('exports a report as CSV with the previous period next to each figure', async () => {
    const res = await get(`/v1/reports/sales.csv?${week}&groupBy=channel`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...lines] = res.body.trim().split('\r\n');
    expect(header).toBe(
      'from,to,channel,currency,orders,previous_orders,units,previous_units,revenueMinor,previous_revenueMinor,totalMinor,previous_totalMinor,averageOrderValueMinor,previous_averageOrderValueMinor,revenueBaseMinor,previous_revenueBaseMinor,totalBaseMinor,previous_totalBaseMinor,ordersWithoutRate,previous_ordersWithoutRate',
    );
    // Per channel: in the base currency over all currencies, then EUR.
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(new RegExp(`^${day(6)},${day(0)},web,EUR,2,0,6,0,6000,0,`));
  });

  it('exports each report as an XLSX workbook whose columns add up to the JSON figures', async () => {
    for (const query of [
      `sales?${week}&groupBy=channel`,
      `sales?${week}&groupBy=sku`,
      `fulfilment?${week}`,
      `returns?${week}&groupBy=sku`,
      `refunds?${week}`,
      `stock?${week}`,
    ]) {
      const [name, params] = query.split('?') as [string, string];
      const json = (await get(`/v1/reports/${query}`)).json() as {
        rows: { current: Record<string, number | null>; previous: Record<string, number | null> }[];
      };
      const res = await get(`/v1/reports/${name}.xlsx?${params}`);
      expect(res.statusCode, query).toBe(200);
      expect(res.headers['content-type']).toMatch(/spreadsheetml\.sheet/);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${name}-${day(6)}-${day(0)}.xlsx"`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.rowCount, query).toBe(json.rows.length + 1);
      const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
      expect(header.slice(0, 2)).toEqual(['from', 'to']);
      const metrics = Object.keys(json.rows[0]!.current);
      expect(metrics.length, query).toBeGreaterThan(0);
      for (const metric of metrics) {
        for (const [column, side] of [
          [metric, 'current'],
          [`previous_${metric}`, 'previous'],
        ] as const) {
          const at = header.indexOf(column) + 1;
          expect(at, `${query} ${column}`).toBeGreaterThan(0);
          let sheetSum = 0;
          sheet.eachRow((row, n) => {
            const v = row.getCell(at).value;
            if (n > 1 && v !== null) sheetSum += v as number;
          });
          const jsonSum = json.rows.reduce((s, r) => s + (r[side][metric] ?? 0), 0);
          expect(sheetSum, `${query} ${column}`).toBeCloseTo(jsonSum, 9);
        }
      }
    }
    const revenue = (await get(`/v1/reports/sales.xlsx?${week}&groupBy=channel`)).rawPayload;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(revenue as unknown as ArrayBuffer);
    // Rows: the header, market (base currency, EUR), web (base currency, EUR).
    const web = workbook.getWorksheet('sales')!.getRow(5);
    expect(web.getCell(3).value).toBe('web');
    expect(typeof web.getCell(9).value).toBe('number');
    expect(web.getCell(9).value).toBe(6000);
  });

  it('refuses a bad period with a 400 naming the field, and is for admins only', async () => {
    for (const [query, field] of [
      [`from=${day(0)}&to=${day(3)}&groupBy=nope`, 'groupBy'],
      [`from=2026-02-30&to=${day(0)}`, 'from'],
      [`from=${day(0)}&to=${day(3)}`, 'to'],
      [`from=1999-01-01&to=2020-01-01`, 'from'],
      [`to=${day(0)}`, 'from'],
    ] as const) {
      const res = await get(`/v1/reports/sales?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().field, query).toBe(field);
    }
    expect((await get(`/v1/reports/stock?${week}&currency=eur`)).json().field).toBe('currency');
    expect((await get(`/v1/reports/sales?${week}`, 'wrong')).statusCode).toBe(401);
    expect((await get(`/v1/reports/sales.xlsx?${week}`, 'wrong')).statusCode).toBe(401);
    expect((await get(`/v1/reports/sales.xlsx?from=${day(0)}&to=${day(3)}`)).json().field).toBe(
      'to',
    );
  });
});
