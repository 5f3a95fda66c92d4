// `npm run bench:scale`: the central OMS as one instance and as two behind nginx, on a database
// that is empty and on one holding BENCH_SCALE_ORDERS generated orders (default 1,000,000), loaded
// by a separate load-client process. Each pair of rounds (empty, then large; one instance, then
// two) runs back to back and the whole set is repeated, so every ratio is the median over pairs
// measured minutes apart at most. Reads (one order, every list filter) are timed on both
// databases the same way. Writes docs/benchmarks.md "## Scale".
import { cpus, loadavg } from 'node:os';
import { startPostgresCluster } from '../test/setup/postgres-cluster';
import { buildServerBundle, startOmsProcess } from '../test/support/oms-process';
import type { OmsProcess } from '../test/support/oms-process';
import { ADMIN_TOKEN } from '../test/support/server-harness';
import { prepareBenchDatabase, runLoadProcess, startNginx } from './support/instances';
import type { BenchDatabase, Nginx } from './support/instances';
import type { LoadResult } from './support/load-client';
import { writeBenchmarkSection } from './support/report';

const LARGE = Number(process.env.BENCH_SCALE_ORDERS ?? 1_000_000);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 5000);
const READ_MS = Number(process.env.BENCH_READ_MS ?? 2000);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
const READ_CLIENTS = 4;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => n.toFixed(1);
const DAY = 86_400_000;
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);

/** Every filter the order list accepts, alone and combined, as the back office would ask. */
const LIST_FILTERS: Record<string, string> = {
  'newest orders': '',
  'status (common)': 'status=released',
  'status (rare)': 'status=on_hold',
  channel: 'channel=webshop',
  'channel + status': 'channel=social&status=packed',
  warehouse: 'warehouse=DE-KSL',
  'warehouse + status': 'warehouse=BE-GNT&status=picking',
  'date range': `from=${day(200)}&to=${day(190)}`,
  'status + date range': `status=cancelled&from=${day(120)}&to=${day(100)}`,
  'channel + warehouse + date': `channel=marketplace&warehouse=NL-TIL&from=${day(60)}`,
};

interface Deployment {
  database: BenchDatabase;
  instances: OmsProcess[];
  nginx: Nginx;
  orderIds: string[];
}

const loadAtStart = loadavg()[0]!.toFixed(1);
const cluster = await startPostgresCluster();
const bundle = await buildServerBundle();
const deployments: Deployment[] = [];
try {
  const started = performance.now();
  const large = await prepareBenchDatabase(cluster.url, 'oms_scale_large', LARGE);
  const generatedSeconds = (performance.now() - started) / 1000;
  const empty = await prepareBenchDatabase(cluster.url, 'oms_scale_empty', 0);
  for (const database of [empty, large]) {
    const env = { DATABASE_URL: database.url, NOTIFICATIONS: 'off', DATABASE_POOL_SIZE: '20' };
    const instances = [await startOmsProcess(bundle, env), await startOmsProcess(bundle, env)];
    const nginx = await startNginx(instances.map((i) => i.url));
    deployments.push({ database, instances, nginx, orderIds: [] });
  }
  const [emptyDeployment, largeDeployment] = deployments as [Deployment, Deployment];

  let firstOrder = 0;
  const intake = (d: Deployment, baseUrl: string, durationMs = ROUND_MS) =>
    runLoadProcess({
      kind: 'intake',
      baseUrl,
      token: d.database.apiKey,
      clients: 32,
      durationMs,
      firstOrder: (firstOrder += 1_000_000),
    });
  const read = (d: Deployment, paths: string[]) =>
    runLoadProcess({
      kind: 'get',
      baseUrl: d.instances[0]!.url,
      token: ADMIN_TOKEN,
      clients: READ_CLIENTS,
      durationMs: READ_MS,
      paths,
    });

  for (const d of deployments) {
    await intake(d, d.nginx.url, 1500); // warm-up, and the empty database's first orders
    d.orderIds = await d.database.sampleOrderIds();
  }

  type Pair = Record<'oneEmpty' | 'oneLarge' | 'twoEmpty' | 'twoLarge', LoadResult> & {
    reads: Record<string, { empty: LoadResult; large: LoadResult }>;
  };
  const pairs: Pair[] = [];
  for (let p = 0; p < PAIRS; p++) {
    const oneEmpty = await intake(emptyDeployment, emptyDeployment.instances[0]!.url);
    const oneLarge = await intake(largeDeployment, largeDeployment.instances[0]!.url);
    const twoEmpty = await intake(emptyDeployment, emptyDeployment.nginx.url);
    const twoLarge = await intake(largeDeployment, largeDeployment.nginx.url);
    const reads: Pair['reads'] = {};
    const readPaths: Record<string, (d: Deployment) => string[]> = {
      'one order': (d) => d.orderIds.map((id) => `/v1/orders/${id}`),
      ...Object.fromEntries(
        Object.entries(LIST_FILTERS).map(([name, query]) => [
          `list: ${name}`,
          () => [`/v1/orders?limit=50${query ? `&${query}` : ''}`],
        ]),
      ),
    };
    for (const [name, paths] of Object.entries(readPaths)) {
      reads[name] = {
        empty: await read(emptyDeployment, paths(emptyDeployment)),
        large: await read(largeDeployment, paths(largeDeployment)),
      };
    }
    pairs.push({ oneEmpty, oneLarge, twoEmpty, twoLarge, reads });
  }

  const failed = pairs.flatMap((p) =>
    [
      p.oneEmpty,
      p.oneLarge,
      p.twoEmpty,
      p.twoLarge,
      ...Object.values(p.reads).flatMap((r) => [r.empty, r.large]),
    ].filter((r) => Object.keys(r.failures).length > 0),
  );
  if (failed.length > 0) throw new Error(`failed requests: ${JSON.stringify(failed)}`);

  const rate = (r: LoadResult) => fmt(r.perSecond);
  const intakeTable = [
    '| pair | one instance, empty | one instance, large | two behind nginx, empty | two behind nginx, large |',
    '|---:|---:|---:|---:|---:|',
    ...pairs.map(
      (p, i) =>
        `| ${i + 1} | ${rate(p.oneEmpty)} | ${rate(p.oneLarge)} | ${rate(p.twoEmpty)} | ${rate(p.twoLarge)} |`,
    ),
  ].join('\n');
  const largeOverEmpty = median(pairs.map((p) => p.oneLarge.perSecond / p.oneEmpty.perSecond));
  const largeOverEmptyTwo = median(pairs.map((p) => p.twoLarge.perSecond / p.twoEmpty.perSecond));
  const twoOverOne = median(pairs.map((p) => p.twoEmpty.perSecond / p.oneEmpty.perSecond));
  const twoOverOneLarge = median(pairs.map((p) => p.twoLarge.perSecond / p.oneLarge.perSecond));
  const readNames = Object.keys(pairs[0]!.reads);
  const worstLargeP95 = Math.max(
    ...readNames.map((name) => median(pairs.map((p) => p.reads[name]!.large.p95))),
  );
  const readTable = [
    '| read | empty p50 ms | empty p95 ms | large p50 ms | large p95 ms |',
    '|---|---:|---:|---:|---:|',
    ...readNames.map((name) => {
      const m = (pick: (p: Pair) => number) => fmt(median(pairs.map(pick)));
      return `| ${name} | ${m((p) => p.reads[name]!.empty.p50)} | ${m((p) => p.reads[name]!.empty.p95)} | ${m((p) => p.reads[name]!.large.p50)} | ${m((p) => p.reads[name]!.large.p95)} |`;
    }),
  ].join('\n');
  const section = `## Scale

\`npm run bench:scale\` — the central OMS (production bundle, notifications off) as one instance and
as two behind Debian's nginx (round robin, keep-alive upstreams), on one PostgreSQL 15 (fsync off),
loaded by a separate load-client process: intake at 32 clients for ${ROUND_MS / 1000} s per round
(as bench:intake), then reads at ${READ_CLIENTS} clients for ${READ_MS / 1000} s each: one order by id (2,000
stored ids in turn) and the order list under each filter. "Large" is a database holding
${LARGE.toLocaleString('en')} generated orders (one line, a fulfillment, a reservation and three
events each; generated by SQL in ${fmt(generatedSeconds)} s); "empty" starts empty and holds the
few thousand orders the rounds place. One pair is one round of each column, run back to back; ${PAIRS}
pairs; ratios are taken within a pair and the median reported. Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores shared with other work (load average ${loadAtStart} at the start, ${loadavg()[0]!.toFixed(1)} at the end): the absolute
figures move with what else runs, the ratios much less.

Intake, orders/s:

${intakeTable}

- Large ÷ empty, one instance: **${largeOverEmpty.toFixed(2)}×**; two instances: **${largeOverEmptyTwo.toFixed(2)}×** (goal ≥ 0.9: ${Math.min(largeOverEmpty, largeOverEmptyTwo) >= 0.9 ? 'met' : 'not met'}).
- Two instances ÷ one: **${twoOverOne.toFixed(2)}×** empty, **${twoOverOneLarge.toFixed(2)}×** large (on 2 cores the instances, PostgreSQL and the load client share the same cores).

Reads (median over the pairs of each round's p50 and p95):

${readTable}

- Slowest read p95 with ${LARGE.toLocaleString('en')} orders: **${fmt(worstLargeP95)} ms** (goal < 50 ms: ${worstLargeP95 < 50 ? 'met' : 'not met'}).
`;
  console.log(section);
  await writeBenchmarkSection('Scale', section);
} finally {
  for (const d of deployments) {
    await d.nginx.stop();
    for (const instance of d.instances) await instance.stop();
  }
  bundle.remove();
  cluster.stop();
}
