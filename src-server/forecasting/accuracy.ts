// Forecast accuracy, scaled as in Hyndman & Koehler (2006) and fpp3 §5.8: errors are divided by
// the in-sample error of the weekly seasonal naive forecast (m = 7) on the training data, so a
// MASE below 1 beats that naive forecast's one-step error. RMSSE (the M5 measure) scales squared
// errors the same way; it is minimised by the mean, which keeps intermittent series from being
// judged best by a forecast of zero. Censored (stock-out) days are left out on both sides.
import { SEASON_DAYS } from './series';

export interface ErrorScale {
  mae: number;
  mse: number;
}

export function seasonalNaiveScale(
  values: ArrayLike<number>,
  observed: ArrayLike<number>,
  m = SEASON_DAYS,
): ErrorScale {
  let absolute = 0;
  let squared = 0;
  let pairs = 0;
  let level = 0;
  let observedDays = 0;
  for (let t = 0; t < values.length; t++) {
    if (!observed[t]) continue;
    level += Math.abs(values[t]!);
    observedDays += 1;
    if (t < m || !observed[t - m]) continue;
    const difference = values[t]! - values[t - m]!;
    absolute += Math.abs(difference);
    squared += difference * difference;
    pairs += 1;
  }
  // A history without variation has no naive error to scale by: fall back to its mean level.
  const fallback = observedDays > 0 && level > 0 ? level / observedDays : 1;
  const mae = pairs > 0 && absolute > 0 ? absolute / pairs : fallback;
  const mse = pairs > 0 && squared > 0 ? squared / pairs : fallback * fallback;
  return { mae, mse };
}

export interface ErrorSummary {
  mase: number;
  rmsse: number;
  /** Mean of forecast − actual. */
  bias: number;
  biasPct: number | null;
  rmse: number;
  days: number;
}

export function scoreForecast(
  forecast: ArrayLike<number>,
  actual: ArrayLike<number>,
  observed: ArrayLike<number>,
  scale: ErrorScale,
): ErrorSummary {
  let absolute = 0;
  let squared = 0;
  let signed = 0;
  let sold = 0;
  let days = 0;
  for (let i = 0; i < forecast.length; i++) {
    if (!observed[i]) continue;
    const error = forecast[i]! - actual[i]!;
    absolute += Math.abs(error);
    squared += error * error;
    signed += error;
    sold += actual[i]!;
    days += 1;
  }
  if (days === 0) return { mase: 0, rmsse: 0, bias: 0, biasPct: null, rmse: 0, days };
  return {
    mase: absolute / days / scale.mae,
    rmsse: Math.sqrt(squared / days / scale.mse),
    bias: signed / days,
    biasPct: sold > 0 ? signed / sold : null,
    rmse: Math.sqrt(squared / days),
    days,
  };
}
