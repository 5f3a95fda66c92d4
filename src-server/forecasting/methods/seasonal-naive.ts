// Weekly seasonal naive: each forecast day repeats the same weekday of the last week. Its interval
// is fpp3's (Hyndman & Athanasopoulos, Table 5.2): σ_h = σ √(k + 1), k = ⌊(h − 1) / m⌋.
import { normalQuantile } from '../stats';
import { SEASON_DAYS } from '../series';
import type { ForecastMethod } from './method';
import { normalInterval } from './method';

export function seasonalNaivePoint(filled: ArrayLike<number>, horizon: number): number[] {
  const n = filled.length;
  return Array.from({ length: horizon }, (_, i) => filled[n - SEASON_DAYS + (i % SEASON_DAYS)]!);
}

/** σ_h for seasonal naive with residual standard deviation σ (fpp3 Table 5.2). */
export function seasonalNaiveSd(sigma: number, h: number, m = SEASON_DAYS): number {
  return sigma * Math.sqrt(Math.floor((h - 1) / m) + 1);
}

export const seasonalNaive: ForecastMethod = (train, horizon, level) => {
  const { filled, observed } = train;
  if (filled.length < SEASON_DAYS) return null;
  let sumSquares = 0;
  let count = 0;
  for (let t = SEASON_DAYS; t < filled.length; t++) {
    if (!observed[t] || !observed[t - SEASON_DAYS]) continue;
    const residual = filled[t]! - filled[t - SEASON_DAYS]!;
    sumSquares += residual * residual;
    count += 1;
  }
  const sigma = count > 0 ? Math.sqrt(sumSquares / count) : 0;
  const point = seasonalNaivePoint(filled, horizon);
  const z = normalQuantile((1 + level) / 2);
  return { point, interval: normalInterval(point, z, (h) => seasonalNaiveSd(sigma, h)) };
};
