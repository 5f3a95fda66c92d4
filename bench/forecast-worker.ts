// One worker of `npm run bench:forecast`: generates its share of the synthetic series (by index,
// so the main thread sends only numbers) and classifies, backtests and forecasts each.
import { parentPort, workerData } from 'node:worker_threads';
import { forecastSeries } from '../src-server/forecasting/forecast-series';
import { DEMAND_PATTERNS, syntheticSeries } from '../test/support/synthetic-demand';

export interface WorkerResult {
  pattern: string;
  method: string;
  mase: number | null;
  naiveMase: number | null;
}

const { from, to, days } = workerData as { from: number; to: number; days: number };
const results: WorkerResult[] = [];
for (let i = from; i < to; i++) {
  const pattern = DEMAND_PATTERNS[i % DEMAND_PATTERNS.length]!;
  const s = syntheticSeries(pattern, `bench-${i}`, days);
  const f = forecastSeries({
    warehouseCode: 'W',
    sku: `S-${i}`,
    start: '2024-12-02',
    demand: s.demand,
    observed: s.observed,
  });
  results.push({
    pattern,
    method: f.method,
    mase: f.accuracy.mase,
    naiveMase: f.accuracy.naiveMase,
  });
}
parentPort!.postMessage(results);
