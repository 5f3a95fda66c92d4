// One series from history to forecast: classify it, backtest every candidate method on its own
// last 13 weeks, keep the one with the lowest RMSSE (leaning to the methods its demand class calls
// for, see preferredMethods; ties go to the simpler method), refit it on
// the whole history and forecast 13 weeks with a prediction interval. The accuracy it showed in
// the backtest travels with the forecast, flagged when it is no better than seasonal naive.
import type { ErrorScale, ErrorSummary } from './accuracy';
import { scoreForecast, seasonalNaiveScale } from './accuracy';
import { backtestFolds, backtestForecasts, BACKTEST_DAYS } from './backtest';
import { imputeCensored } from './censoring';
import type { DemandClass } from './classify';
import { classifyDemand } from './classify';
import { crostonMethod, sbaMethod, tsbMethod } from './methods/croston';
import type { ForecastMethod, MethodName, TrainingWindow } from './methods/method';
import { mstlEts } from './methods/mstl-ets';
import { seasonalNaive } from './methods/seasonal-naive';
import { simpleExponentialSmoothing } from './methods/ses';
import { addDays } from './days';
import type { DemandSeries, MethodScore, SeriesAccuracy, SeriesForecast } from './series';
import { HORIZON_DAYS, INTERVAL_LEVEL, RECENT_DEMAND_DAYS } from './series';
import { quantileOfSorted } from './stats';

const METHODS: Record<MethodName, ForecastMethod> = {
  seasonal_naive: seasonalNaive,
  ses: simpleExponentialSmoothing,
  croston: crostonMethod,
  sba: sbaMethod,
  tsb: tsbMethod,
  mstl_ets: mstlEts,
};

const isFrequent = (demandClass: DemandClass) =>
  demandClass === 'smooth' || demandClass === 'erratic';

/** Candidates in order of simplicity. A weekly decomposition needs demand on most days. */
export function candidateMethods(demandClass: DemandClass): MethodName[] {
  const always: MethodName[] = ['seasonal_naive', 'ses', 'croston', 'sba', 'tsb'];
  return isFrequent(demandClass) ? [...always, 'mstl_ets'] : always;
}

/**
 * The methods the demand class calls for (Syntetos, Boylan & Croston 2005: the Croston family
 * for intermittent and lumpy demand). Another candidate replaces them only when it beats the best
 * of them by more than PREFERENCE_MARGIN in the backtest: 13 weeks of errors are noisy, and a
 * hair's difference is no reason to forecast sporadic demand as if it were smooth.
 */
export function preferredMethods(demandClass: DemandClass): MethodName[] {
  return isFrequent(demandClass) ? ['ses', 'mstl_ets'] : ['croston', 'sba', 'tsb'];
}

export const PREFERENCE_MARGIN = 0.05;

function choose(scored: readonly Scored[], demandClass: DemandClass): Scored | null {
  const lowest = (pool: readonly Scored[]) =>
    pool.reduce<Scored | null>(
      (best, s) => (!best || s.summary.rmsse < best.summary.rmsse - 1e-12 ? s : best),
      null,
    );
  const overall = lowest(scored);
  const preferred = lowest(scored.filter((s) => preferredMethods(demandClass).includes(s.method)));
  if (!overall || !preferred) return overall;
  return overall.summary.rmsse < preferred.summary.rmsse * (1 - PREFERENCE_MARGIN)
    ? overall
    : preferred;
}

export interface ForecastOptions {
  horizon?: number;
  level?: number;
  /** Leave MSTL out (e.g. to compare with the native methods alone). */
  methods?: readonly MethodName[];
}

interface Scored {
  method: MethodName;
  forecasts: number[];
  summary: ErrorSummary;
}

export function forecastSeries(
  series: DemandSeries,
  options: ForecastOptions = {},
): SeriesForecast {
  const horizon = options.horizon ?? HORIZON_DAYS;
  const level = options.level ?? INTERVAL_LEVEL;
  const { demand, observed } = series;
  const n = demand.length;
  const profile = classifyDemand(demand, observed);
  const window: TrainingWindow = { demand, observed, filled: imputeCensored(demand, observed) };
  const candidates = candidateMethods(profile.demandClass).filter(
    (m) => !options.methods || options.methods.includes(m),
  );

  const folds = backtestFolds(n);
  const backtestStart = n - BACKTEST_DAYS;
  let scored: Scored[] = [];
  let scale: ErrorScale | null = null;
  if (folds) {
    scale = seasonalNaiveScale(
      window.filled.subarray(0, backtestStart),
      observed.subarray(0, backtestStart),
    );
    const actual = demand.subarray(backtestStart);
    const actualObserved = observed.subarray(backtestStart);
    for (const method of candidates) {
      const forecasts = backtestForecasts(window, folds, METHODS[method], level);
      if (forecasts) {
        scored.push({
          method,
          forecasts,
          summary: scoreForecast(forecasts, actual, actualObserved, scale),
        });
      }
    }
  }
  scored = scored.filter((s) => Number.isFinite(s.summary.rmsse));
  const chosen = choose(scored, profile.demandClass);
  const fallback: MethodName = isFrequent(profile.demandClass) ? 'ses' : 'sba';
  let method = chosen?.method ?? fallback;
  let final = METHODS[method](window, horizon, level);
  if (!final) {
    // A series with no demand at all: the Croston family cannot start, SES forecasts its zeros.
    method = 'ses';
    final = METHODS.ses(window, horizon, level) ?? {
      point: Array.from({ length: horizon }, () => 0),
    };
  }
  const interval =
    final.interval ??
    empiricalInterval(final.point, chosen, demand, observed, backtestStart, level);
  const naive = scored.find((s) => s.method === 'seasonal_naive') ?? null;

  return {
    warehouseCode: series.warehouseCode,
    sku: series.sku,
    demandClass: profile.demandClass,
    adi: profile.adi,
    cv2: profile.cv2,
    method,
    forecastStart: addDays(series.start, n),
    point: final.point,
    lower: interval.lower,
    upper: interval.upper,
    accuracy: accuracyOf(chosen, naive, n),
    candidates: scored.map((s): MethodScore => ({
      method: s.method,
      mase: s.summary.mase,
      rmsse: s.summary.rmsse,
      bias: s.summary.bias,
    })),
    backtest: chosen
      ? {
          start: addDays(series.start, backtestStart),
          actual: Array.from(demand.subarray(backtestStart), (y, i) =>
            observed[backtestStart + i] ? y : null,
          ),
          forecast: chosen.forecasts,
        }
      : null,
    recentDemand: Array.from(demand.subarray(Math.max(0, n - RECENT_DEMAND_DAYS)), (y, i) =>
      observed[Math.max(0, n - RECENT_DEMAND_DAYS) + i] ? y : null,
    ),
  };
}

/**
 * Methods without an interval of their own (the Croston family) get the empirical quantiles of
 * their backtest errors around the point forecast; without a backtest, those of daily history.
 */
function empiricalInterval(
  point: readonly number[],
  chosen: Scored | null,
  demand: Float64Array,
  observed: Uint8Array,
  backtestStart: number,
  level: number,
): { lower: number[]; upper: number[] } {
  const low = (1 - level) / 2;
  const high = (1 + level) / 2;
  if (chosen) {
    const residuals: number[] = [];
    chosen.forecasts.forEach((f, i) => {
      if (observed[backtestStart + i]) residuals.push(demand[backtestStart + i]! - f);
    });
    residuals.sort((a, b) => a - b);
    const below = quantileOfSorted(residuals, low);
    const above = quantileOfSorted(residuals, high);
    return {
      lower: point.map((f) => Math.max(0, f + below)),
      upper: point.map((f) => Math.max(f, f + above)),
    };
  }
  const history = Array.from(demand)
    .filter((_, t) => observed[t])
    .sort((a, b) => a - b);
  const upper = quantileOfSorted(history, high);
  return { lower: point.map(() => 0), upper: point.map((f) => Math.max(f, upper)) };
}

const round2 = (x: number) => x.toFixed(2);

function accuracyOf(chosen: Scored | null, naive: Scored | null, days: number): SeriesAccuracy {
  if (!chosen) {
    return {
      mase: null,
      rmsse: null,
      bias: null,
      biasPct: null,
      naiveMase: null,
      naiveRmsse: null,
      beatsNaive: false,
      note: `Only ${days} days of history: too short for a 13-week backtest, so its accuracy is unknown.`,
      errorSd: 0,
    };
  }
  const { summary } = chosen;
  let note: string | null = null;
  if (chosen.method === 'seasonal_naive') {
    note =
      'No method beat the weekly seasonal naive forecast in the backtest; seasonal naive is used.';
  } else if (naive && summary.mase >= naive.summary.mase) {
    note = `Not better than seasonal naive: backtest MASE ${round2(summary.mase)} against seasonal naive's ${round2(naive.summary.mase)}.`;
  } else if (!naive) {
    note = 'Seasonal naive could not be backtested on this series, so the comparison is missing.';
  }
  return {
    mase: summary.mase,
    rmsse: summary.rmsse,
    bias: summary.bias,
    biasPct: summary.biasPct,
    naiveMase: naive?.summary.mase ?? null,
    naiveRmsse: naive?.summary.rmsse ?? null,
    beatsNaive: note === null,
    note,
    errorSd: summary.rmse,
  };
}
