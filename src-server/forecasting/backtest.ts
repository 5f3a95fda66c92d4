// Rolling-origin backtest over the series' last 13 weeks: origins 28 days apart (the last block
// is one week), each forecasting up to the next origin with the method refitted on everything
// before it. The 91 backtest days form one contiguous forecast-vs-sold series for the chart.
import type { ForecastMethod, TrainingWindow } from './methods/method';

export const BACKTEST_DAYS = 91;
export const FOLD_DAYS = 28;
/** Less history before the first origin than this and the series is not backtested. */
export const MIN_TRAINING_DAYS = 56;

export interface Fold {
  origin: number;
  horizon: number;
}

export function backtestFolds(length: number): Fold[] | null {
  const first = length - BACKTEST_DAYS;
  if (first < MIN_TRAINING_DAYS) return null;
  const folds: Fold[] = [];
  for (let origin = first; origin < length; origin += FOLD_DAYS) {
    folds.push({ origin, horizon: Math.min(FOLD_DAYS, length - origin) });
  }
  return folds;
}

const windowUntil = (series: TrainingWindow, end: number): TrainingWindow => ({
  demand: series.demand.subarray(0, end),
  observed: series.observed.subarray(0, end),
  filled: series.filled.subarray(0, end),
});

/** The method's backtest forecasts, day by day, or null when it cannot fit some fold. */
export function backtestForecasts(
  series: TrainingWindow,
  folds: readonly Fold[],
  method: ForecastMethod,
  level: number,
): number[] | null {
  const forecasts: number[] = [];
  for (const fold of folds) {
    const result = method(windowUntil(series, fold.origin), fold.horizon, level);
    if (!result) return null;
    forecasts.push(...result.point);
  }
  return forecasts;
}
