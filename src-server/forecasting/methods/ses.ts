// Simple exponential smoothing, ETS(A,N,N): ℓ_t = α y_t + (1 − α) ℓ_{t−1}, flat forecast ℓ_T.
// α is chosen on a grid by one-step squared error; censored days neither update nor score.
// Interval: σ_h² = σ² (1 + α² (h − 1)) (fpp3, Table 8.8). Written here because augurs' AutoETS
// finds no model for the no-trend specifications (ANN, ZNN) in 0.10.
import { normalQuantile } from '../stats';
import type { ForecastMethod } from './method';
import { normalInterval } from './method';

const ALPHAS = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.7, 0.9];
const INITIAL_DAYS = 7;

export interface SesFit {
  alpha: number;
  /** ℓ after each day (the level carries over censored days). */
  levels: number[];
  sse: number;
  scored: number;
}

export function sesLevels(
  y: ArrayLike<number>,
  alpha: number,
  initialLevel: number,
  observed?: ArrayLike<number>,
): SesFit {
  let level = initialLevel;
  let sse = 0;
  let scored = 0;
  const levels: number[] = [];
  for (let t = 0; t < y.length; t++) {
    if (!observed || observed[t]) {
      const error = y[t]! - level;
      sse += error * error;
      scored += 1;
      level += alpha * error;
    }
    levels.push(level);
  }
  return { alpha, levels, sse, scored };
}

export function fitSes(y: ArrayLike<number>, observed: ArrayLike<number>): SesFit | null {
  let sum = 0;
  let count = 0;
  for (let t = 0; t < y.length && count < INITIAL_DAYS; t++) {
    if (observed[t]) {
      sum += y[t]!;
      count += 1;
    }
  }
  if (count === 0) return null;
  let best: SesFit | null = null;
  for (const alpha of ALPHAS) {
    const fit = sesLevels(y, alpha, sum / count, observed);
    if (!best || fit.sse < best.sse) best = fit;
  }
  return best;
}

export const simpleExponentialSmoothing: ForecastMethod = (train, horizon, level) => {
  const fit = fitSes(train.demand, train.observed);
  if (!fit || fit.levels.length === 0) return null;
  const last = Math.max(0, fit.levels[fit.levels.length - 1]!);
  const sigma = Math.sqrt(fit.sse / Math.max(1, fit.scored));
  const point = Array.from({ length: horizon }, () => last);
  const z = normalQuantile((1 + level) / 2);
  const sd = (h: number) => sigma * Math.sqrt(1 + fit.alpha * fit.alpha * (h - 1));
  return { point, interval: normalInterval(point, z, sd) };
};
