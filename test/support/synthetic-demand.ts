// Synthetic daily demand with known patterns, for the forecasting tests and benchmark: weekly
// seasonal, seasonal with trend, intermittent, lumpy, and seasonal with a stock-out period.
import { createRandom } from '../../src-server/seed/prng';
import type { Random } from '../../src-server/seed/prng';

export const DEMAND_PATTERNS = ['seasonal', 'trend', 'intermittent', 'lumpy', 'stockout'] as const;
export type DemandPattern = (typeof DEMAND_PATTERNS)[number];

/** Monday-first weekday profile: busy weekend, quiet Sunday (mean 1). */
const WEEKDAY = [0.8, 0.9, 0.95, 1.0, 1.2, 1.55, 0.6];

export interface SyntheticSeries {
  pattern: DemandPattern;
  /** Daily demand: `historyDays` days of history, then `futureDays` days still to come. */
  demand: Float64Array;
  /** 0 on the days of a stock-out (recorded demand 0, true demand unknown). */
  observed: Uint8Array;
  /** What customers wanted on every day, stock-out days included. */
  trueDemand: Float64Array;
}

export function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const u = Math.max(1e-12, random.next());
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random.next();
  while (p > limit) {
    k += 1;
    p *= random.next();
  }
  return k;
}

/** `start` is a Monday index offset: day 0 has weekday `startWeekday` (0 = Monday). */
export function syntheticSeries(
  pattern: DemandPattern,
  seed: string,
  historyDays: number,
  futureDays = 0,
  startWeekday = 0,
): SyntheticSeries {
  const random = createRandom(seed);
  const days = historyDays + futureDays;
  const trueDemand = new Float64Array(days);
  const observed = new Uint8Array(days).fill(1);
  const level = 6 + random.next() * 24;
  const occurrence = pattern === 'lumpy' ? 0.05 + random.next() * 0.15 : 0.12 + random.next() * 0.3;
  const sizeMean = 1 + random.next() * 2;
  for (let t = 0; t < days; t++) {
    const weekday = WEEKDAY[(startWeekday + t) % 7]!;
    switch (pattern) {
      case 'seasonal':
      case 'stockout':
        trueDemand[t] = poisson(random, level * weekday);
        break;
      case 'trend':
        trueDemand[t] = poisson(random, level * weekday * (1 + (0.8 * t) / days));
        break;
      case 'intermittent':
        trueDemand[t] = random.chance(occurrence) ? 1 + poisson(random, sizeMean) : 0;
        break;
      case 'lumpy':
        // Sizes from a geometric with a fat tail: CV² well above 0.49.
        trueDemand[t] = random.chance(occurrence)
          ? 1 + Math.floor(-Math.log(Math.max(1e-12, random.next())) * sizeMean * 6)
          : 0;
        break;
    }
  }
  const demand = Float64Array.from(trueDemand);
  if (pattern === 'stockout') {
    // Four to five weeks without stock, ending at least 20 weeks before the end of history.
    const length = 28 + random.int(0, 7);
    const start = historyDays - 140 - length - random.int(0, 200);
    for (let t = Math.max(0, start); t < start + length; t++) {
      demand[t] = 0;
      observed[t] = 0;
    }
  }
  return { pattern, demand, observed, trueDemand };
}
