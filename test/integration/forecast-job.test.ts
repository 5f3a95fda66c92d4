// The forecast job on PGlite and PostgreSQL, on two years of synthetic demand written into the
// sales rollup (the job's only input): seasonal series beat seasonal naive in their backtest,
// intermittent and lumpy ones get a Croston-family method, a stock-out is censored, every
// forecast is stored with its accuracy, and only one run runs at a time.
import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src-server/forecasting/days';
import { HISTORY_DAYS } from '../../src-server/forecasting/demand-history';
import { claimForecastRun } from '../../src-server/forecasting/forecast-runs';
import type { ReportSalesDailyTable } from '../../src-server/reports/reports-schema';
import { bearer } from '../support/oms-fixtures';
import { ADMIN_TOKEN, BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import { syntheticSeries, type DemandPattern } from '../support/synthetic-demand';

const AS_OF = '2026-11-30';
const PATTERNS: DemandPattern[] = ['seasonal', 'intermittent', 'lumpy', 'stockout'];
const PER_PATTERN = 6;

describe.each(BACKENDS)('forecast job on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend, 'forecast_job');
    const start = addDays(AS_OF, -HISTORY_DAYS);
    const weekday = (new Date(`${start}T00:00:00Z`).getUTCDay() + 6) % 7;
    const rows: Insertable<ReportSalesDailyTable>[] = [];
    for (const pattern of PATTERNS) {
      for (let i = 0; i < PER_PATTERN; i++) {
        const sku = `${pattern}-${i}`;
        const s = syntheticSeries(pattern, sku, HISTORY_DAYS, 0, weekday);
        s.demand.forEach((units, t) => {
          const day = addDays(start, t);
          const at = { day, channel_code: 'web', sku, currency: 'EUR' };
          if (units > 0)
            rows.push({ ...at, warehouse_code: 'NL-TIL', units_ordered: units, revenue_minor: 0 });
          // A stock-out shows in the rollup as backordered (unsourced) demand.
          if (!s.observed[t])
            rows.push({ ...at, warehouse_code: '', units_ordered: 1, units_backordered: 1 });
        });
      }
    }
    for (let i = 0; i < rows.length; i += 2_000) {
      await server.db
        .insertInto('report_sales_daily')
        .values(rows.slice(i, i + 2_000))
        .execute();
    }
  });
  afterAll(() => server.close());

  const admin = bearer(ADMIN_TOKEN);

  async function runToEnd() {
    const started = await server.app.inject({
      method: 'POST',
      url: '/v1/forecast-runs',
      headers: admin,
      payload: { asOf: AS_OF },
    });
    expect(started.statusCode, started.body).toBe(202);
    for (let i = 0; i < 600; i++) {
      const run = await server.app.inject({
        method: 'GET',
        url: `/v1/forecast-runs/${started.json().id}`,
        headers: admin,
      });
      if (run.json().status !== 'running') return run.json();
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the forecast run did not finish in 60 s');
  }

  it('forecasts every series by its backtest and stores the accuracy with it', async () => {
    const run = await runToEnd();
    expect(run).toMatchObject({ status: 'finished', seriesTotal: 24, seriesDone: 24 });
    const list = await server.app.inject({
      method: 'GET',
      url: '/v1/forecasts?limit=500',
      headers: admin,
    });
    const forecasts = list.json().forecasts as {
      sku: string;
      method: string;
      accuracy: { mase: number; naiveMase: number; beatsSeasonalNaive: boolean };
    }[];
    expect(forecasts).toHaveLength(24);
    const of = (pattern: string) => forecasts.filter((f) => f.sku.startsWith(`${pattern}-`));
    for (const f of [...of('seasonal'), ...of('stockout')]) {
      expect(f.accuracy.mase, f.sku).toBeLessThan(f.accuracy.naiveMase);
      expect(f.accuracy.beatsSeasonalNaive).toBe(true);
    }
    for (const f of [...of('intermittent'), ...of('lumpy')]) {
      expect(['croston', 'sba', 'tsb'], f.sku).toContain(f.method);
    }
  });

  it('answers one forecast with its interval, weekly totals and the backtest against sales', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/v1/forecasts/NL-TIL/seasonal-0',
      headers: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.forecastStart).toBe(AS_OF);
    expect(body.daily).toHaveLength(91);
    expect(body.weekly).toHaveLength(13);
    for (const d of body.daily) {
      expect(d.lower).toBeLessThanOrEqual(d.units);
      expect(d.upper).toBeGreaterThanOrEqual(d.units);
    }
    expect(body.backtest.days).toHaveLength(91);
    expect(body.backtest.days.at(-1).day).toBe(addDays(AS_OF, -1));
    expect(body.accuracy.summary).toMatch(/MASE \d\.\d\d \(seasonal naive: \d\.\d\d\): better/);
    // The stock-out weeks are censored: no sold figure stands for "nothing sold".
    const stockout = (
      await server.app.inject({
        method: 'GET',
        url: '/v1/forecasts/NL-TIL/stockout-0',
        headers: admin,
      })
    ).json();
    expect(stockout.historyStart).toBe(addDays(AS_OF, -HISTORY_DAYS));
    const missing = await server.app.inject({
      method: 'GET',
      url: '/v1/forecasts/NL-TIL/nope',
      headers: admin,
    });
    expect(missing.statusCode).toBe(404);
    const bad = await server.app.inject({
      method: 'POST',
      url: '/v1/forecast-runs',
      headers: admin,
      payload: { asOf: '2026-02-30' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('asOf');
  });

  it('runs one at a time, the nightly run once per day, and takes over a run whose instance died', async () => {
    expect(await claimForecastRun(server.db, AS_OF, 'nightly', 'test')).toBeNull();
    const stuck = await claimForecastRun(server.db, '2026-12-01', 'nightly', 'test');
    expect(stuck).not.toBeNull();
    expect(await claimForecastRun(server.db, '2026-12-01', 'nightly', 'test')).toBeNull();
    expect(await claimForecastRun(server.db, '2026-12-02', 'on_demand', 'test')).toBeNull();
    const again = await server.app.inject({
      method: 'POST',
      url: '/v1/forecast-runs',
      headers: admin,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('run_in_progress');
    await server.db
      .updateTable('forecast_runs')
      .set({ heartbeat_at: new Date(Date.now() - 11 * 60_000) })
      .where('id', '=', stuck!.id)
      .execute();
    expect(await claimForecastRun(server.db, '2026-12-01', 'nightly', 'test')).not.toBeNull();
    const abandoned = await server.db
      .selectFrom('forecast_runs')
      .select('status')
      .where('id', '=', stuck!.id)
      .executeTakeFirstOrThrow();
    expect(abandoned.status).toBe('abandoned');
  });
});
