// The forecast job: for every SKU × warehouse with demand in the last two years, read its daily
// history from the sales rollup, take known demand out, choose a method by backtest, forecast
// 13 weeks with a prediction interval, add known demand back, and store it with its accuracy.
// Series are done in chunks; between chunks the run beats its heartbeat and yields to requests.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { yieldToRequests } from '../seed/yield-to-requests';
import { HISTORY_DAYS, historyWindow, listDemandSeries, readDemandSeries } from './demand-history';
import { forecastSeries } from './forecast-series';
import {
  claimForecastRun,
  finishForecastRun,
  heartbeat,
  type ClaimedRun,
  type ClaimMode,
} from './forecast-runs';
import { noKnownDemand, seriesKey, type KnownDemandSource } from './known-demand';
import { HORIZON_DAYS, type DemandSeries, type SeriesForecast } from './series';

const CHUNK_SERIES = 100;

export interface ForecastJobOptions {
  knownDemand?: KnownDemandSource;
  /** Give the event loop a turn between chunks (off in benchmarks and tests). */
  yieldBetweenChunks?: boolean;
  /** Checked between chunks: a shutting-down instance ends its run as failed ("stopped"). */
  shouldStop?: () => boolean;
}

export interface ForecastRunResult {
  runId: string;
  asOf: string;
  series: number;
}

/** Claims and runs a forecast run for `asOf`; null when another run holds the claim. */
export async function runForecasts(
  db: Kysely<Database>,
  asOf: string,
  mode: ClaimMode,
  triggeredBy: string,
  options: ForecastJobOptions = {},
): Promise<ForecastRunResult | null> {
  const run = await claimForecastRun(db, asOf, mode, triggeredBy);
  return run ? executeForecastRun(db, run, options) : null;
}

/** Runs a claimed run to its end, recording it finished or failed. */
export async function executeForecastRun(
  db: Kysely<Database>,
  run: ClaimedRun,
  options: ForecastJobOptions = {},
): Promise<ForecastRunResult> {
  const { asOf } = run;
  try {
    const count = await forecastAll(db, run.id, asOf, options);
    await finishForecastRun(db, run.id, { status: 'finished' });
    return { runId: run.id, asOf, series: count };
  } catch (error) {
    await finishForecastRun(db, run.id, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}

async function forecastAll(
  db: Kysely<Database>,
  runId: string,
  asOf: string,
  options: ForecastJobOptions,
): Promise<number> {
  const known = options.knownDemand ?? noKnownDemand;
  const { from, to } = historyWindow(asOf);
  const ids = await listDemandSeries(db, from, to);
  await heartbeat(db, runId, { total: ids.length, done: 0 });
  for (let start = 0; start < ids.length; start += CHUNK_SERIES) {
    if (options.shouldStop?.()) throw new Error('stopped: the instance shut down');
    const chunk = ids.slice(start, start + CHUNK_SERIES);
    const [history, pastKnown, futureKnown] = await Promise.all([
      readDemandSeries(db, chunk, from, to),
      known.unitsPerDay(chunk, from, HISTORY_DAYS),
      known.unitsPerDay(chunk, asOf, HORIZON_DAYS),
    ]);
    const forecasts = history.map((series) => {
      const k = seriesKey(series.sku, series.warehouseCode);
      const learnt = withoutKnown(series, from, pastKnown.get(k));
      const future = futureKnown.get(k) ?? new Float64Array(HORIZON_DAYS);
      return { forecast: forecastSeries(learnt), known: Array.from(future), series };
    });
    await storeForecasts(db, runId, forecasts);
    await heartbeat(db, runId, { total: ids.length, done: start + chunk.length });
    if (options.yieldBetweenChunks) await yieldToRequests();
  }
  return ids.length;
}

/** Demand minus the part that was known in advance (known units from `from` onwards). */
function withoutKnown(series: DemandSeries, from: string, known: Float64Array | undefined) {
  if (!known) return series;
  const offset = Math.round((Date.parse(series.start) - Date.parse(from)) / 86_400_000);
  const demand = series.demand.map((y, t) => Math.max(0, y - (known[t + offset] ?? 0)));
  return { ...series, demand };
}

async function storeForecasts(
  db: Kysely<Database>,
  runId: string,
  rows: { forecast: SeriesForecast; known: number[]; series: DemandSeries }[],
) {
  if (rows.length === 0) return;
  const round = (xs: readonly number[]) => xs.map((x) => Math.round(x * 1000) / 1000);
  const values = rows.map(({ forecast: f, known, series }) => ({
    warehouse_code: f.warehouseCode,
    sku: f.sku,
    run_id: runId,
    history_start: series.start,
    forecast_start: f.forecastStart,
    demand_class: f.demandClass,
    adi: Number.isFinite(f.adi) ? f.adi : null,
    cv2: Number.isFinite(f.cv2) ? f.cv2 : null,
    method: f.method,
    point: JSON.stringify(round(f.point.map((p, i) => p + (known[i] ?? 0)))),
    lower: JSON.stringify(round(f.lower.map((p, i) => p + (known[i] ?? 0)))),
    upper: JSON.stringify(round(f.upper.map((p, i) => p + (known[i] ?? 0)))),
    known_demand: JSON.stringify(known),
    mase: finite(f.accuracy.mase),
    rmsse: finite(f.accuracy.rmsse),
    bias: finite(f.accuracy.bias),
    bias_pct: finite(f.accuracy.biasPct),
    naive_mase: finite(f.accuracy.naiveMase),
    naive_rmsse: finite(f.accuracy.naiveRmsse),
    beats_naive: f.accuracy.beatsNaive,
    note: f.accuracy.note,
    error_sd: finite(f.accuracy.errorSd) ?? 0,
    candidates: JSON.stringify(f.candidates),
    backtest: JSON.stringify(
      f.backtest ? { ...f.backtest, forecast: round(f.backtest.forecast) } : null,
    ),
    recent_demand: JSON.stringify(f.recentDemand),
  }));
  await db
    .insertInto('demand_forecasts')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['warehouse_code', 'sku']).doUpdateSet((eb) => ({
        run_id: eb.ref('excluded.run_id'),
        history_start: eb.ref('excluded.history_start'),
        forecast_start: eb.ref('excluded.forecast_start'),
        demand_class: eb.ref('excluded.demand_class'),
        adi: eb.ref('excluded.adi'),
        cv2: eb.ref('excluded.cv2'),
        method: eb.ref('excluded.method'),
        point: eb.ref('excluded.point'),
        lower: eb.ref('excluded.lower'),
        upper: eb.ref('excluded.upper'),
        known_demand: eb.ref('excluded.known_demand'),
        mase: eb.ref('excluded.mase'),
        rmsse: eb.ref('excluded.rmsse'),
        bias: eb.ref('excluded.bias'),
        bias_pct: eb.ref('excluded.bias_pct'),
        naive_mase: eb.ref('excluded.naive_mase'),
        naive_rmsse: eb.ref('excluded.naive_rmsse'),
        beats_naive: eb.ref('excluded.beats_naive'),
        note: eb.ref('excluded.note'),
        error_sd: eb.ref('excluded.error_sd'),
        candidates: eb.ref('excluded.candidates'),
        backtest: eb.ref('excluded.backtest'),
        recent_demand: eb.ref('excluded.recent_demand'),
        created_at: new Date(),
      })),
    )
    .execute();
}

const finite = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? null : x;
