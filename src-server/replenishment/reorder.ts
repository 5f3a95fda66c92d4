// Reorder point and quantity per SKU × warehouse, from the stored forecast. The stock must
// cover demand over the protection interval (lead time + review period) at the target service
// level (cycle service level: the chance of no stock-out in a cycle):
// - smooth and erratic demand: normal lead-time demand, mean = Σ daily forecast, σ = daily
//   backtest RMSE × √days (Silver, Pyke & Thomas, Inventory and Production Management, ch. 6);
// - intermittent and lumpy demand: a normal approximation puts stock where demand never is, so
//   the reorder point is the service-level quantile of the empirical demand over every window
//   of that many days in the series' own recent history (non-overlapping-start bootstrap of
//   lead-time demand, as recommended for intermittent items by Syntetos & Boylan 2021), never
//   below the forecast mean.
// Known demand (subscriptions, quotes) is added on top of either, never forecast twice.
import { normalQuantile, quantileOfSorted } from '../forecasting/stats';

export interface ReorderInput {
  demandClass: string;
  /** Daily forecast, known demand included. */
  point: readonly number[];
  /** Known demand per forecast day (part of `point`). */
  known: readonly number[];
  errorSd: number;
  /** Recent daily demand, null on censored days. */
  recentDemand: readonly (number | null)[];
  leadTimeDays: number;
  reviewDays: number;
  serviceLevel: number;
  onHand: number;
  reserved: number;
  inbound: number;
  minimumOrderQuantity: number;
  packSize: number;
}

export interface ReorderSuggestion {
  protectionDays: number;
  forecastUnits: number;
  knownUnits: number;
  sigma: number;
  safetyStock: number;
  reorderPoint: number;
  inventoryPosition: number;
  coverDays: number | null;
  orderQuantity: number;
  method: 'normal' | 'empirical';
  reason: string;
}

const INTERMITTENT = new Set(['intermittent', 'lumpy']);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Sums of every `days`-long window of observed days (windows with a censored day are skipped). */
export function windowSums(history: readonly (number | null)[], days: number): number[] {
  const sums: number[] = [];
  for (let start = 0; start + days <= history.length; start++) {
    let sum = 0;
    let censored = false;
    for (let t = start; t < start + days; t++) {
      const y = history[t];
      if (y === null || y === undefined) {
        censored = true;
        break;
      }
      sum += y;
    }
    if (!censored) sums.push(sum);
  }
  return sums.sort((a, b) => a - b);
}

/** Rounds a need up to the minimum order quantity and a whole number of packs. */
export function orderableQuantity(need: number, moq: number, pack: number): number {
  if (need <= 0) return 0;
  const atLeast = Math.max(Math.ceil(need), moq);
  return Math.ceil(atLeast / pack) * pack;
}

export function suggestReorder(input: ReorderInput): ReorderSuggestion {
  const days = Math.max(1, Math.min(input.point.length, input.leadTimeDays + input.reviewDays));
  const sum = (xs: readonly number[]) => xs.slice(0, days).reduce((s, x) => s + x, 0);
  const forecastUnits = sum(input.point);
  const knownUnits = sum(input.known);
  const learnt = forecastUnits - knownUnits;
  const z = normalQuantile(Math.min(0.9999, Math.max(0.5, input.serviceLevel)));
  let method: ReorderSuggestion['method'] = 'normal';
  let sigma = input.errorSd * Math.sqrt(days);
  let learntAtService = learnt + z * sigma;
  if (INTERMITTENT.has(input.demandClass)) {
    const sums = windowSums(input.recentDemand, days);
    if (sums.length >= 10) {
      method = 'empirical';
      learntAtService = Math.max(learnt, quantileOfSorted(sums, input.serviceLevel));
      sigma = Math.sqrt(
        sums.reduce((s, x) => s + (x - learnt) ** 2, 0) / Math.max(1, sums.length - 1),
      );
    }
  }
  const reorderPoint = Math.ceil(learntAtService + knownUnits);
  const safetyStock = Math.max(0, reorderPoint - forecastUnits);
  const inventoryPosition = input.onHand - input.reserved + input.inbound;
  const perDay = forecastUnits / days;
  const coverDays = perDay > 0 ? round1((input.onHand - input.reserved) / perDay) : null;
  const orderQuantity =
    inventoryPosition <= reorderPoint
      ? orderableQuantity(
          reorderPoint - inventoryPosition,
          input.minimumOrderQuantity,
          input.packSize,
        )
      : 0;
  const parts = [
    coverDays === null ? 'no demand forecast' : `cover ${coverDays} days`,
    `lead time ${input.leadTimeDays} days (+${input.reviewDays} review)`,
    `forecast ${Math.round(learnt)} ± ${Math.round(sigma)} over ${days} days`,
  ];
  if (knownUnits > 0) parts.push(`${Math.round(knownUnits)} needed by subscriptions and quotes`);
  parts.push(
    `safety stock ${Math.round(safetyStock)} for ${Math.round(input.serviceLevel * 1000) / 10} % service (${method === 'empirical' ? 'empirical lead-time demand, intermittent' : 'normal'})`,
  );
  if (input.inbound > 0) parts.push(`${input.inbound} inbound`);
  if (input.reserved > 0) parts.push(`${input.reserved} reserved`);
  return {
    protectionDays: days,
    forecastUnits: round1(forecastUnits),
    knownUnits: round1(knownUnits),
    sigma: round1(sigma),
    safetyStock: round1(safetyStock),
    reorderPoint,
    inventoryPosition,
    coverDays,
    orderQuantity,
    method,
    reason: parts.join(', '),
  };
}
