// The shapes the forecasting engine works on: one daily demand series per SKU × warehouse, with
// the days whose demand was not observed (stock-outs) marked, and what it answers per series.
import type { DemandClass } from './classify';
import type { MethodName } from './methods/method';

/** 13 weeks of daily forecast. */
export const HORIZON_DAYS = 91;
/** Weekly seasonality of daily demand. */
export const SEASON_DAYS = 7;
/** Prediction intervals are central 90 % intervals. */
export const INTERVAL_LEVEL = 0.9;
/** Days of learnt demand kept with the forecast for the empirical lead-time demand. */
export const RECENT_DEMAND_DAYS = 182;

export interface DemandSeries {
  warehouseCode: string;
  sku: string;
  /** The first day of `demand`. */
  start: string;
  /** Units demanded per day, known demand (subscriptions, quotes) already taken out. */
  demand: Float64Array;
  /** 1 where the day's demand was observed, 0 where stock was out (demand censored). */
  observed: Uint8Array;
}

export interface MethodScore {
  method: MethodName;
  mase: number;
  rmsse: number;
  bias: number;
}

export interface SeriesAccuracy {
  /** Chosen method's backtest MASE, scaled by in-sample weekly seasonal naive (m = 7). */
  mase: number | null;
  rmsse: number | null;
  /** Mean of forecast − actual per backtest day (positive: over-forecast). */
  bias: number | null;
  /** Σ(forecast − actual) / Σ actual over the backtest; null when nothing was sold. */
  biasPct: number | null;
  naiveMase: number | null;
  naiveRmsse: number | null;
  beatsNaive: boolean;
  /** Why the forecast is flagged (not better than seasonal naive, no backtest), else null. */
  note: string | null;
  /** RMSE of the chosen method's daily backtest errors. */
  errorSd: number;
}

export interface SeriesForecast {
  warehouseCode: string;
  sku: string;
  demandClass: DemandClass;
  adi: number | null;
  cv2: number | null;
  method: MethodName;
  /** The first forecast day: the day after the series' last day. */
  forecastStart: string;
  point: number[];
  lower: number[];
  upper: number[];
  accuracy: SeriesAccuracy;
  candidates: MethodScore[];
  /** The last 13 weeks: what was sold (null on stock-out days) and what the backtest forecast. */
  backtest: { start: string; actual: (number | null)[]; forecast: number[] } | null;
  /** The last days of learnt demand (null where censored), for lead-time demand distributions. */
  recentDemand: (number | null)[];
}
