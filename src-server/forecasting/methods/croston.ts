// The Croston family for intermittent demand, updated on observed days only (a stock-out day is
// skipped, not counted as a day without demand).
// - Croston (1972): smooth the non-zero demand size z and the interval p between demands, both
//   with α and only when demand occurs; forecast z / p.
// - SBA (Syntetos & Boylan 2005): Croston times (1 − α/2), which removes Croston's positive bias.
// - TSB (Teunter, Syntetos & Babai 2011): smooth z with α when demand occurs and the demand
//   probability π every day with β (towards 1 on a demand day, towards 0 otherwise); forecast π z,
//   which decays while no demand comes (obsolescence).
// Start: z is the first demand; p the observed days up to and including it, and π = 1 / p.
import type { ForecastMethod } from './method';

const ALPHAS = [0.05, 0.1, 0.2, 0.3];
const BETAS = [0.01, 0.02, 0.05, 0.1, 0.2];

export interface IntermittentFit {
  /** Per-day forecast after the last training day. */
  rate: number;
  /** Squared one-step errors after the first demand, and how many days they cover. */
  sse: number;
  scored: number;
  alpha: number;
  beta?: number;
}

export function croston(
  y: ArrayLike<number>,
  observed: ArrayLike<number>,
  alpha: number,
  debias = false,
): IntermittentFit | null {
  const factor = debias ? 1 - alpha / 2 : 1;
  let size = 0;
  let interval = 0;
  let sinceDemand = 0;
  let started = false;
  let sse = 0;
  let scored = 0;
  for (let t = 0; t < y.length; t++) {
    if (!observed[t]) continue;
    const demand = y[t]!;
    if (started) {
      const error = demand - (factor * size) / interval;
      sse += error * error;
      scored += 1;
    }
    sinceDemand += 1;
    if (demand > 0) {
      if (started) {
        size += alpha * (demand - size);
        interval += alpha * (sinceDemand - interval);
      } else {
        size = demand;
        interval = sinceDemand;
        started = true;
      }
      sinceDemand = 0;
    }
  }
  if (!started) return null;
  return { rate: (factor * size) / interval, sse, scored, alpha };
}

export function tsb(
  y: ArrayLike<number>,
  observed: ArrayLike<number>,
  alpha: number,
  beta: number,
): IntermittentFit | null {
  let size = 0;
  let probability = 0;
  let sinceDemand = 0;
  let started = false;
  let sse = 0;
  let scored = 0;
  for (let t = 0; t < y.length; t++) {
    if (!observed[t]) continue;
    const demand = y[t]!;
    if (started) {
      const error = demand - probability * size;
      sse += error * error;
      scored += 1;
      if (demand > 0) {
        probability += beta * (1 - probability);
        size += alpha * (demand - size);
      } else {
        probability -= beta * probability;
      }
      continue;
    }
    sinceDemand += 1;
    if (demand > 0) {
      size = demand;
      probability = 1 / sinceDemand;
      started = true;
    }
  }
  if (!started) return null;
  return { rate: probability * size, sse, scored, alpha, beta };
}

function best(fits: (IntermittentFit | null)[]): IntermittentFit | null {
  let chosen: IntermittentFit | null = null;
  for (const fit of fits) {
    if (
      fit &&
      (!chosen || fit.sse / Math.max(1, fit.scored) < chosen.sse / Math.max(1, chosen.scored))
    )
      chosen = fit;
  }
  return chosen;
}

const flat = (fit: IntermittentFit | null, horizon: number) =>
  fit ? { point: Array.from({ length: horizon }, () => fit.rate) } : null;

/** Parameters are chosen on the grids by in-sample one-step squared error. */
export const crostonMethod: ForecastMethod = (train, horizon) =>
  flat(best(ALPHAS.map((a) => croston(train.demand, train.observed, a))), horizon);

export const sbaMethod: ForecastMethod = (train, horizon) =>
  flat(best(ALPHAS.map((a) => croston(train.demand, train.observed, a, true))), horizon);

export const tsbMethod: ForecastMethod = (train, horizon) =>
  flat(
    best(ALPHAS.flatMap((a) => BETAS.map((b) => tsb(train.demand, train.observed, a, b)))),
    horizon,
  );
