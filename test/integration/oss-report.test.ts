// The OSS return through GET /v1/reports/oss(.csv) on PGlite: orders to several member states,
// taxed by the engine at their destination rates, summed per country and rate for one calendar
// quarter to the cent; the quarter's edges, other schemes left out, the CSV, the backfill of
// migration 0860 giving the same figures as the rollup kept at intake, and who may read it.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import { migrateToLatest } from '../../src-server/db/migrate';
import * as vatRollup from '../../src-server/db/migrations/0860-vat-rollup';
import { quarterDays } from '../../src-server/reports/oss-report';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { recomputed, storedRollup } from '../support/report-recompute';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server-harness';

const now = new Date();
const QUARTER = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
const { from: QUARTER_START } = quarterDays(QUARTER);
/** Half an hour before the quarter began (UTC): the previous quarter's return. */
const LAST_QUARTER = new Date(Date.parse(`${QUARTER_START}T00:00:00Z`) - 30 * 60_000);

const address = (country: string, city: string, postalCode: string) => ({
  name: 'Customer',
  line1: 'Street 1',
  postalCode,
  city,
  country,
});
const BRUSSELS = address('BE', 'Brussel', '1000');
const BERLIN = address('DE', 'Berlin', '10117');
const PARIS = address('FR', 'Paris', '75001');

interface Row {
  key: { country: string; ratePercent: string; currency: string; scheme?: string };
  current: { netMinor: number; taxMinor: number };
}

describe('the OSS report on PGlite', () => {
  let server: TestServer;
  const placedTax: number[] = [];
  const post = async (order: CanonicalOrder) => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.market), 'idempotency-key': randomUUID() },
      payload: order,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { orderId: string; taxMinor: number };
  };
  // Two standard-rate units of 10.00, one reduced-rate unit of 10.00, 4.95 shipping, excl. VAT.
  const basket = (shipTo: CanonicalOrder['shipTo'], overrides: Partial<CanonicalOrder> = {}) =>
    makeOrder({
      skus: { 'SKU-STD': 2, 'SKU-FOOD': 1 },
      shippingChargedMinor: 495,
      shipTo,
      ...overrides,
    });
  const get = (url: string, token = ADMIN_TOKEN) =>
    server.app.inject({ method: 'GET', url, headers: bearer(token) });
  const rows = async (query: string) => {
    const res = await get(`/v1/reports/oss?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { rows: Row[] }).rows.map((r) => ({ ...r.key, ...r.current }));
  };

  beforeAll(async () => {
    // Registered for the OSS: every EU consumer sale is taxed at its destination's rates.
    server = await startTestServer('pglite', 'oss_report', { env: { VAT_OSS_OPTED_IN: 'true' } });
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-STD': { 'NL-TIL': 100 }, 'SKU-FOOD': { 'NL-TIL': 100 } });
    await server.db
      .updateTable('products')
      .set({ tax_class: 'reduced' })
      .where('sku', '=', 'SKU-FOOD')
      .execute();
    await server.db
      .updateTable('channels')
      .set({ tax_mode: 'oms' })
      .where('code', '=', 'market')
      .execute();
    for (const shipTo of [BRUSSELS, BRUSSELS, BERLIN, PARIS])
      placedTax.push((await post(basket(shipTo))).taxMinor);
    // Outside this quarter's OSS return: last quarter's sale, a domestic one, a reverse charge.
    await post(basket(BRUSSELS, { placedAt: LAST_QUARTER.toISOString() }));
    await post(basket(address('NL', 'Amsterdam', '1012 AB')));
    await post(
      basket(BERLIN, {
        customer: {
          type: 'company',
          companyName: 'Beispiel GmbH',
          vatNumber: 'DE143454214',
          buyer: { name: 'Einkauf', email: 'einkauf@example.de' },
        },
      }),
    );
  });
  afterAll(() => server.close());

  it('sums net and VAT per destination country and rate for the quarter, to the cent', async () => {
    expect(await rows(`quarter=${QUARTER}`)).toEqual([
      // Belgium twice: 24.95 at 21 % (4.20 + 1.04 on shipping → 5.24) and 10.00 at 6 % (0.60).
      { country: 'BE', ratePercent: '21', currency: 'EUR', netMinor: 4990, taxMinor: 1048 },
      { country: 'BE', ratePercent: '6', currency: 'EUR', netMinor: 2000, taxMinor: 120 },
      // Germany: 24.95 × 19 % = 4.74, 10.00 × 7 % = 0.70.
      { country: 'DE', ratePercent: '19', currency: 'EUR', netMinor: 2495, taxMinor: 474 },
      { country: 'DE', ratePercent: '7', currency: 'EUR', netMinor: 1000, taxMinor: 70 },
      // France: 24.95 × 20 % = 4.99, 10.00 × 5.5 % = 0.55.
      { country: 'FR', ratePercent: '20', currency: 'EUR', netMinor: 2495, taxMinor: 499 },
      { country: 'FR', ratePercent: '5.5', currency: 'EUR', netMinor: 1000, taxMinor: 55 },
    ]);
  });

  it("adds up to the tax of the quarter's OSS orders as they were placed", async () => {
    const total = (await rows(`quarter=${QUARTER}`)).reduce((sum, r) => sum + r.taxMinor, 0);
    expect(total).toBe(placedTax.reduce((a, b) => a + b, 0));
  });

  it('puts a sale half an hour before the quarter into the previous quarter', async () => {
    const previous = `${LAST_QUARTER.getUTCFullYear()}-Q${Math.floor(LAST_QUARTER.getUTCMonth() / 3) + 1}`;
    expect(await rows(`quarter=${previous}`)).toEqual([
      { country: 'BE', ratePercent: '21', currency: 'EUR', netMinor: 2495, taxMinor: 524 },
      { country: 'BE', ratePercent: '6', currency: 'EUR', netMinor: 1000, taxMinor: 60 },
    ]);
  });

  it('lists the other schemes when asked for all: domestic at Dutch rates, the reverse charge at 0 %', async () => {
    const all = await rows(`quarter=${QUARTER}&scheme=all`);
    expect(all.filter((r) => r.scheme !== 'oss')).toEqual([
      {
        country: 'DE',
        ratePercent: '0',
        currency: 'EUR',
        scheme: 'reverse_charge',
        netMinor: 3495,
        taxMinor: 0,
      },
      {
        country: 'NL',
        ratePercent: '21',
        currency: 'EUR',
        scheme: 'domestic',
        netMinor: 2495,
        taxMinor: 524,
      },
      {
        country: 'NL',
        ratePercent: '9',
        currency: 'EUR',
        scheme: 'domestic',
        netMinor: 1000,
        taxMinor: 90,
      },
    ]);
  });

  it('exports the return as CSV, one line per country and rate', async () => {
    const res = await get(`/v1/reports/oss.csv?quarter=${QUARTER}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const { from, to } = quarterDays(QUARTER);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="oss-${from}-${to}.csv"`);
    expect(res.body.split('\r\n')).toEqual([
      'from,to,country,ratePercent,currency,netMinor,taxMinor',
      `${from},${to},BE,21,EUR,4990,1048`,
      `${from},${to},BE,6,EUR,2000,120`,
      `${from},${to},DE,19,EUR,2495,474`,
      `${from},${to},DE,7,EUR,1000,70`,
      `${from},${to},FR,20,EUR,2495,499`,
      `${from},${to},FR,5.5,EUR,1000,55`,
      '',
    ]);
  });

  it('keeps the rollup equal to the orders it was written from', async () => {
    expect(await storedRollup(server.db, 'report_vat_daily')).toEqual(
      (await recomputed(server.db)).report_vat_daily,
    );
  });

  it('backfills the same rollup from the orders when migration 0860 runs on an existing database', async () => {
    const before = await storedRollup(server.db, 'report_vat_daily');
    await vatRollup.down(server.db as never);
    await sql`delete from kysely_migration where name = '0860-vat-rollup'`.execute(server.db);
    expect(await migrateToLatest(server.db)).toEqual(['0860-vat-rollup']);
    expect(await storedRollup(server.db, 'report_vat_daily')).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });

  it('refuses a quarter that does not exist, naming the field, and a channel key', async () => {
    const bad = await get('/v1/reports/oss?quarter=2026-Q5');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('quarter');
    expect((await get(`/v1/reports/oss?quarter=${QUARTER}&scheme=gift`)).statusCode).toBe(400);
    expect((await get(`/v1/reports/oss?quarter=${QUARTER}`, CHANNEL_KEYS.market)).statusCode).toBe(
      403,
    );
    expect((await get(`/v1/reports/oss.csv?quarter=${QUARTER}`, 'wrong')).statusCode).toBe(401);
  });
});
