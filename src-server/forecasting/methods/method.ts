// What every forecasting method offers the backtest: given a training window, a point forecast
// for each of the next `horizon` days and, when the method has its own, a prediction interval.
export const METHOD_NAMES = ['seasonal_naive', 'ses', 'mstl_ets', 'croston', 'sba', 'tsb'] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export interface TrainingWindow {
  /** Demand as recorded (zero on stock-out days). */
  demand: Float64Array;
  /** 1 where observed, 0 where censored by a stock-out. */
  observed: Uint8Array;
  /** Demand with censored days estimated (see censoring.ts). */
  filled: Float64Array;
}

export interface MethodForecast {
  point: number[];
  /** Central interval at the requested level, when the method derives one itself. */
  interval?: { lower: number[]; upper: number[] } | undefined;
}

export type ForecastMethod = (
  train: TrainingWindow,
  horizon: number,
  level: number,
) => MethodForecast | null;

/** Symmetric normal interval around `point` with standard deviation `sd(h)`, floored at zero. */
export function normalInterval(
  point: readonly number[],
  z: number,
  sd: (h: number) => number,
): { lower: number[]; upper: number[] } {
  return {
    lower: point.map((f, i) => Math.max(0, f - z * sd(i + 1))),
    upper: point.map((f, i) => f + z * sd(i + 1)),
  };
}
