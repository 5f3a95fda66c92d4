// Exchange rates end to end on PGlite and PostgreSQL: the ECB's daily XML fetched from a local HTTP
// server playing the ECB (and refused when it is down or sends rubbish), a CSV uploaded, a broken
// file refused whole; orders in EUR, USD, JPY and KWD (the ECB publishes no KWD) keep the rate of
// their day and their base-currency figures, the KWD one flagged as missing; the sales report sums
// revenue per currency and in the base currency; and a USD base crosses the rates via the euro.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { recomputed, storedRollup } from '../support/report-recompute';
import { ADMIN_TOKEN, BACKENDS, startTestServer, type TestServer } from '../support/server-harness';

const fixture = (name: string) =>
  readFileSync(new URL(`../support/ecb/${name}`, import.meta.url), 'utf8');
const DAILY_XML = fixture('eurofxref-daily.xml');
const DAILY_CSV = fixture('eurofxref.csv');
/** The Monday after the fixture's Friday 2024-06-28: Friday's rates are in force. */
const MONDAY = '2024-07-01T09:30:00Z';

/** A historical file of two days, built like the ECB's eurofxref-hist.xml. */
function histXml(days: Record<string, Record<string, string>>) {
  const cubes = Object.entries(days)
    .map(
      ([time, rates]) =>
        `<Cube time="${time}">${Object.entries(rates)
          .map(([c, r]) => `<Cube currency="${c}" rate="${r}"/>`)
          .join('')}</Cube>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><gesmes:subject>Reference rates</gesmes:subject><Cube>${cubes}</Cube></gesmes:Envelope>`;
}

/** A local server playing www.ecb.europa.eu: serves `body` at /eurofxref-daily.xml. */
async function playEcb(answer: { status: number; body: string }) {
  const server: Server = createServer((req, res) => {
    if (req.url !== '/stats/eurofxref/eurofxref-daily.xml') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'text/xml' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/stats/eurofxref/eurofxref-daily.xml`,
    answer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function priceIn(server: TestServer, currency: string, minor: number) {
  await server.db
    .insertInto('product_prices')
    .values({ sku: 'SKU-1', currency, unit_price_minor: minor })
    .execute();
}

interface OrderFx {
  currency: string;
  base_currency: string | null;
  fx_status: string | null;
  fx_rate_date: string | null;
  fx_currency_per_eur: string | null;
  fx_base_per_eur: string | null;
  subtotal_minor: number;
  base_subtotal_minor: string | null;
  base_total_minor: string | null;
}

describe.each(BACKENDS)('exchange rates on %s', (backend) => {
  let server: TestServer;
  let ecb: Awaited<ReturnType<typeof playEcb>>;
  const orderIds: Record<string, string> = {};

  const admin = (method: 'GET' | 'POST', url: string, body?: string, type = 'text/xml') =>
    server.app.inject({
      method,
      url,
      headers: { ...bearer(ADMIN_TOKEN), ...(body === undefined ? {} : { 'content-type': type }) },
      ...(body === undefined ? {} : { payload: body }),
    });
  const post = async (order: CanonicalOrder) => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...bearer(CHANNEL_KEYS.market), 'idempotency-key': randomUUID() },
      payload: order,
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { orderId: string }).orderId;
  };
  const fxOf = (id: string) =>
    server.db
      .selectFrom('orders')
      .select([
        'currency',
        'base_currency',
        'fx_status',
        'fx_rate_date',
        'fx_currency_per_eur',
        'fx_base_per_eur',
        'subtotal_minor',
        'base_subtotal_minor',
        'base_total_minor',
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow() as Promise<OrderFx>;

  beforeAll(async () => {
    ecb = await playEcb({ status: 200, body: DAILY_XML });
    server = await startTestServer(backend, 'exchange_rates', {
      env: { EXCHANGE_RATES_URL: ecb.url },
    });
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 100 } });
    await priceIn(server, 'USD', 1250);
    await priceIn(server, 'JPY', 1500);
    await priceIn(server, 'KWD', 5000);
    // A new database and its migrations: slow on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await server.close();
    await ecb.close();
  });

  it('fetches the ECB daily rates from the adapter and lists them exactly as published', async () => {
    const res = await admin('POST', '/v1/exchange-rates/fetch');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      imported: 30,
      days: 1,
      firstDay: '2024-06-28',
      lastDay: '2024-06-28',
      skippedCurrencies: [],
      source: 'ECB eurofxref-daily.xml',
    });
    const list = await admin('GET', '/v1/exchange-rates?date=2024-07-01');
    const body = list.json() as {
      baseCurrency: string;
      rates: { currency: string; perEur: string }[];
    };
    expect(body.baseCurrency).toBe('EUR');
    expect(body.rates).toHaveLength(30);
    expect(body.rates.find((r) => r.currency === 'USD')).toEqual({
      currency: 'USD',
      date: '2024-06-28',
      perEur: '1.0705',
      source: 'ECB eurofxref-daily.xml',
    });
    // 395.10 is stored as the decimal it is, not a float.
    expect(body.rates.find((r) => r.currency === 'HUF')?.perEur).toBe('395.1');
  });

  it('answers 503 and keeps the stored rates when the ECB is down or sends no rates', async () => {
    ecb.answer.status = 503;
    const down = await admin('POST', '/v1/exchange-rates/fetch');
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ code: 'rate_source_unavailable' });
    ecb.answer.status = 200;
    ecb.answer.body = '<html>maintenance</html>';
    const rubbish = await admin('POST', '/v1/exchange-rates/fetch');
    expect(rubbish.statusCode).toBe(503);
    expect(rubbish.json().message).toMatch(/no reference rates/);
    ecb.answer.body = DAILY_XML;
    const rows = await server.db.selectFrom('exchange_rates').select('currency').execute();
    expect(rows).toHaveLength(30);
  });

  it('imports the CSV form and a historical file, and refuses a broken file whole', async () => {
    const csv = await admin(
      'POST',
      '/v1/exchange-rates/import?source=ECB%20eurofxref.csv',
      DAILY_CSV,
      'text/csv',
    );
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.json()).toMatchObject({ imported: 30, firstDay: '2024-06-28' });

    const hist = histXml({
      '2024-06-27': { USD: '1.0713', JPY: '171.57', HRK: '7.5345' },
      '2024-06-26': { USD: '1.0686', JPY: '171.05' },
    });
    const imported = await admin('POST', '/v1/exchange-rates/import', hist);
    expect(imported.json()).toMatchObject({
      imported: 4,
      days: 2,
      firstDay: '2024-06-26',
      lastDay: '2024-06-27',
      // The kuna was replaced by the euro: no longer an ISO 4217 currency.
      skippedCurrencies: ['HRK'],
    });

    const broken = histXml({
      '2024-06-25': { USD: '1.07' },
      '2024-06-24': { USD: '1,0716' },
    });
    const refused = await admin('POST', '/v1/exchange-rates/import', broken);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'rates_file_invalid', field: '2024-06-24 USD' });
    const empty = await admin('POST', '/v1/exchange-rates/import', '', 'text/csv');
    expect(empty.statusCode).toBe(400);
    const june25 = await server.db
      .selectFrom('exchange_rates')
      .select('currency')
      .where('rate_date', '=', '2024-06-25')
      .execute();
    expect(june25).toEqual([]);
  });

  it('keeps on each order the rate of its day and its figures in the base currency', async () => {
    orderIds.EUR = await post(makeOrder({ placedAt: MONDAY }));
    orderIds.USD = await post(
      makeOrder({ currency: 'USD', skus: { 'SKU-1': 2 }, placedAt: MONDAY }),
    );
    orderIds.JPY = await post(makeOrder({ currency: 'JPY', placedAt: MONDAY }));
    // Thursday 27 June: that day's rate from the historical file, not Friday's.
    orderIds.USD_THURSDAY = await post(
      makeOrder({ currency: 'USD', placedAt: '2024-06-27T15:00:00Z' }),
    );

    expect(await fxOf(orderIds.EUR)).toMatchObject({
      base_currency: 'EUR',
      fx_status: 'same_currency',
      fx_rate_date: null,
      base_subtotal_minor: '1000',
    });
    const usd = await fxOf(orderIds.USD);
    expect(usd).toMatchObject({
      base_currency: 'EUR',
      fx_status: 'converted',
      fx_rate_date: '2024-06-28',
      subtotal_minor: 2500,
      // 25.00 USD / 1.0705 = 23.3536… EUR
      base_subtotal_minor: '2335',
      base_total_minor: '2335',
    });
    expect(Number(usd.fx_currency_per_eur)).toBe(1.0705);
    expect(Number(usd.fx_base_per_eur)).toBe(1);
    // 1500 JPY / 171.94 = 8.7240… EUR
    expect(await fxOf(orderIds.JPY)).toMatchObject({
      fx_status: 'converted',
      base_subtotal_minor: '872',
    });
    // 12.50 USD / 1.0713 = 11.6680… EUR
    expect(await fxOf(orderIds.USD_THURSDAY)).toMatchObject({
      fx_rate_date: '2024-06-27',
      base_subtotal_minor: '1167',
    });
  });

  it('accepts an order in a currency without a rate, flagged missing with no base figures', async () => {
    orderIds.KWD = await post(makeOrder({ currency: 'KWD', placedAt: MONDAY }));
    // A rate more than a week old is not in force either.
    orderIds.STALE = await post(makeOrder({ currency: 'USD', placedAt: '2024-07-20T10:00:00Z' }));
    for (const id of [orderIds.KWD, orderIds.STALE]) {
      expect(await fxOf(id)).toMatchObject({
        base_currency: 'EUR',
        fx_status: 'missing',
        fx_rate_date: null,
        fx_currency_per_eur: null,
        base_subtotal_minor: null,
        base_total_minor: null,
      });
    }
  });

  it('reports revenue per currency and in the base currency, counting the orders without a rate', async () => {
    const res = await admin('GET', '/v1/reports/sales?from=2024-06-01&to=2024-07-31&compare=none');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as {
      baseCurrency: string;
      latestRateDate: string;
      rows: { key: Record<string, string>; current: Record<string, number | null> }[];
    };
    expect(report.baseCurrency).toBe('EUR');
    expect(report.latestRateDate).toBe('2024-06-28');
    const row = (currency: string) => report.rows.find((r) => r.key.currency === currency)!.current;
    expect(row('USD')).toMatchObject({
      orders: 3,
      revenueMinor: 2500 + 1250 + 1250,
      revenueBaseMinor: 2335 + 1167,
      ordersWithoutRate: 1,
    });
    expect(row('KWD')).toMatchObject({
      orders: 1,
      revenueMinor: 5000,
      revenueBaseMinor: 0,
      ordersWithoutRate: 1,
    });
    expect(row('*')).toMatchObject({
      orders: 6,
      revenueMinor: null,
      revenueBaseMinor: 1000 + 2335 + 872 + 1167,
      ordersWithoutRate: 2,
    });
    const csv = await admin(
      'GET',
      '/v1/reports/sales.csv?from=2024-06-01&to=2024-07-31&compare=none',
    );
    expect(csv.body.split('\r\n')[0]).toContain('revenueBaseMinor');
  });

  it('keeps the base-currency rollup equal to what the orders say', async () => {
    expect(await storedRollup(server.db, 'report_orders_base_daily')).toEqual(
      (await recomputed(server.db)).report_orders_base_daily,
    );
  });
});

describe('a retailer whose base currency is USD (PGlite)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', 'base_usd', { env: { BASE_CURRENCY: 'USD' } });
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 100 } });
    await priceIn(server, 'GBP', 1000);
    await priceIn(server, 'USD', 1000);
  }, 180_000);
  afterAll(() => server.close());

  it('converts GBP and EUR orders to USD by a cross via the euro, rounded once', async () => {
    const up = await server.app.inject({
      method: 'POST',
      url: '/v1/exchange-rates/import',
      headers: { ...bearer(ADMIN_TOKEN), 'content-type': 'text/xml' },
      payload: DAILY_XML,
    });
    expect(up.statusCode, up.body).toBe(200);
    const place = async (currency: string) => {
      const res = await server.app.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { ...bearer(CHANNEL_KEYS.market), 'idempotency-key': randomUUID() },
        payload: makeOrder({ currency, placedAt: MONDAY }),
      });
      expect(res.statusCode, res.body).toBe(201);
      return server.db
        .selectFrom('orders')
        .select(['base_currency', 'fx_status', 'base_subtotal_minor', 'fx_base_per_eur'])
        .where('id', '=', (res.json() as { orderId: string }).orderId)
        .executeTakeFirstOrThrow();
    };
    // 10.00 GBP × 1.0705 / 0.84638 = 12.6480… USD
    expect(await place('GBP')).toMatchObject({
      base_currency: 'USD',
      fx_status: 'converted',
      base_subtotal_minor: '1265',
    });
    // 10.00 EUR × 1.0705 = 10.705 USD → 10.70 (half to even)
    expect(await place('EUR')).toMatchObject({
      fx_status: 'converted',
      base_subtotal_minor: '1070',
    });
    expect(await place('USD')).toMatchObject({
      fx_status: 'same_currency',
      base_subtotal_minor: '1000',
    });
  });
});
