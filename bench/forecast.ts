// `npm run bench:forecast [series]`: classify + backtest + forecast of N SKU × warehouse series
// (default 10,000) with two years of daily history, one worker per core; wall time, and the
// chosen methods' backtest MASE against seasonal naive's per demand pattern. Writes
// docs/benchmarks.md "## Demand forecasting".
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WorkerResult } from './forecast-worker';
import { writeBenchmarkSection } from './support/report';

const SERIES = Number(process.argv[2] ?? 10_000);
const DAYS = 728;
if (!Number.isInteger(SERIES) || SERIES < 1)
  throw new Error(`series must be a count, got ${process.argv[2]}`);
const workers = Math.max(1, Math.min(availableParallelism(), SERIES));

const started = performance.now();
const shares = Array.from({ length: workers }, (_, w) => ({
  from: Math.floor((SERIES * w) / workers),
  to: Math.floor((SERIES * (w + 1)) / workers),
  days: DAYS,
}));
const results = (
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<WorkerResult[]>((resolve, reject) => {
          // The worker loads TypeScript through tsx's loader, as the main thread does.
          const entry = new URL('./forecast-worker.ts', import.meta.url).href;
          const worker = new Worker(
            `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
            { eval: true, workerData: share },
          );
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  )
).flat();
const seconds = (performance.now() - started) / 1000;

const lines = [
  '| pattern | series | mean MASE chosen | mean MASE seasonal naive | better by | methods chosen |',
  '| --- | --- | --- | --- | --- | --- |',
];
for (const pattern of [...new Set(results.map((r) => r.pattern))]) {
  const rows = results.filter(
    (r) => r.pattern === pattern && r.mase !== null && r.naiveMase !== null,
  );
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const chosen = mean(rows.map((r) => r.mase!));
  const naive = mean(rows.map((r) => r.naiveMase!));
  const methods = new Map<string, number>();
  for (const r of results.filter((r) => r.pattern === pattern))
    methods.set(r.method, (methods.get(r.method) ?? 0) + 1);
  const mix = [...methods]
    .sort((a, b) => b[1] - a[1])
    .map(([m, n]) => `${m} ${n}`)
    .join(', ');
  lines.push(
    `| ${pattern} | ${rows.length} | ${chosen.toFixed(3)} | ${naive.toFixed(3)} | ${(100 * (1 - chosen / naive)).toFixed(1)} % | ${mix} |`,
  );
}
const summary = `${SERIES} series × ${DAYS} days on ${workers} worker(s): ${seconds.toFixed(1)} s wall (${((seconds * 1000) / SERIES).toFixed(1)} ms per series).`;
console.log(summary);
console.log(lines.join('\n'));
await writeBenchmarkSection(
  'Demand forecasting',
  `## Demand forecasting\n\n\`npm run bench:forecast ${SERIES}\`: classify + rolling-origin backtest (13 weeks) of every candidate method + final forecast (13 weeks with interval), synthetic demand from \`test/support/synthetic-demand.ts\` (equal shares of the five patterns). Goal: 10,000 series under 60 s on 2 cores; seasonal series at least 20 % better than seasonal naive.\n\n${summary}\n\n${lines.join('\n')}\n`,
);
