// Stock-out days are censored: what sold was limited by stock, not by demand, so a zero there
// is not learnt as zero demand. Methods that need a value every day (seasonal naive, SES, MSTL)
// get an estimate: the mean of the same weekday in the nearest four observed weeks, else the mean
// of all observed days. Croston-family methods skip censored days instead.
import { SEASON_DAYS } from './series';

const WEEKS_LOOKED_AT = 4;

export function imputeCensored(demand: Float64Array, observed: Uint8Array): Float64Array {
  const filled = Float64Array.from(demand);
  let observedSum = 0;
  let observedCount = 0;
  for (let t = 0; t < demand.length; t++) {
    if (observed[t]) {
      observedSum += demand[t]!;
      observedCount += 1;
    }
  }
  if (observedCount === demand.length) return filled;
  const overallMean = observedCount > 0 ? observedSum / observedCount : 0;
  for (let t = 0; t < demand.length; t++) {
    if (observed[t]) continue;
    const sameWeekday = (direction: -1 | 1) => {
      let sum = 0;
      let count = 0;
      for (let k = 1; k <= WEEKS_LOOKED_AT; k++) {
        const s = t + direction * k * SEASON_DAYS;
        if (s < 0 || s >= demand.length) break;
        if (observed[s]) {
          sum += demand[s]!;
          count += 1;
        }
      }
      return count > 0 ? sum / count : null;
    };
    filled[t] = sameWeekday(-1) ?? sameWeekday(1) ?? overallMean;
  }
  return filled;
}
