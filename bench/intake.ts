// `npm run bench:intake`: order intake over real HTTP against a real PostgreSQL 15, the central OMS
// as its own process (the production bundle) and the load client as another, at 1, 8 and 32
// concurrent clients. At 32 clients three rounds each of intake, intake with one batch in flight
// (the old queue) and the plain-SQL baseline run interleaved, so each ratio is taken between
// neighbouring rounds and the machine's noise hits both sides; the medians are reported. Plus a
// scarce-stock round that must oversell nothing. Writes docs/benchmarks.md "## Order intake".
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { openDatabase } from '../src-server/db/connect';
import { startPostgresCluster } from '../test/setup/postgres-cluster';
import { buildServerBundle, startOmsProcess } from '../test/support/oms-process';
import { benchOrder } from './support/bench-orders';
import { measureRound, postmasterPid } from './support/cost-per-order';
import type { RoundCost } from './support/cost-per-order';
import { prepareBenchDatabase, runLoadProcess } from './support/instances';
import type { LoadResult } from './support/load-client';
import { writeBenchmarkSection } from './support/report';

const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 5000);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
// On a machine shared with test runs, an instance may take well over 30 s to start.
const STARTUP_MS = 120_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => n.toFixed(1);

const loadAtStart = loadavg()[0]!.toFixed(1);
const cluster = await startPostgresCluster({
  settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.max': '1000' },
});
const bundle = await buildServerBundle();
try {
  const database = await prepareBenchDatabase(cluster.url, 'oms_bench');
  const instanceEnv = {
    DATABASE_URL: database.url,
    NOTIFICATIONS: 'off',
    DATABASE_POOL_SIZE: '20',
  };
  const probe = await openDatabase({ databaseUrl: database.url, maxConnections: 1 });
  await sql`create extension if not exists pg_stat_statements`.execute(probe.db);
  const postmaster = await postmasterPid(probe.db);
  // BENCH_CPU_PROF=<dir>: the measured instance writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF;
  const oms = await startOmsProcess(
    bundle,
    instanceEnv,
    STARTUP_MS,
    profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
  );
  const oneInFlight = await startOmsProcess(
    bundle,
    { ...instanceEnv, INTAKE_BATCHES_IN_FLIGHT: '1' },
    STARTUP_MS,
  );
  let firstOrder = 0;
  const intake = (baseUrl: string, clients: number, durationMs = ROUND_MS) =>
    runLoadProcess({
      kind: 'intake',
      baseUrl,
      token: database.apiKey,
      clients,
      durationMs,
      firstOrder: (firstOrder += 1_000_000),
    });
  const baseline = () =>
    runLoadProcess({
      kind: 'plain-sql',
      databaseUrl: database.url,
      clients: 32,
      durationMs: ROUND_MS,
      firstOrder: (firstOrder += 1_000_000),
    });

  await intake(oms.url, 8, 1500); // warm-up
  await intake(oneInFlight.url, 8, 1500);
  const single = [await intake(oms.url, 1), await intake(oms.url, 8)];
  const rounds: { intake: LoadResult; oneInFlight: LoadResult; baseline: LoadResult }[] = [];
  const costs: { intake: RoundCost; baseline: RoundCost }[] = [];
  for (let pair = 0; pair < PAIRS; pair++) {
    let intakeRound: LoadResult | undefined;
    let baselineRound: LoadResult | undefined;
    const intakeCost = await measureRound(probe.db, { oms: oms.pid, postmaster }, async () => {
      intakeRound = await intake(oms.url, 32);
      return intakeRound.requests;
    });
    const oneInFlightRound = await intake(oneInFlight.url, 32);
    const baselineCost = await measureRound(probe.db, { postmaster }, async () => {
      baselineRound = await baseline();
      return baselineRound.requests;
    });
    rounds.push({ intake: intakeRound!, oneInFlight: oneInFlightRound, baseline: baselineRound! });
    costs.push({ intake: intakeCost, baseline: baselineCost });
  }
  if (process.env.BENCH_TOP_STATEMENTS) {
    for (const { query, perOrder } of costs.at(-1)!.intake.top)
      console.log(`${perOrder.toFixed(3)}  ${query}`);
  }
  await probe.close();

  // Scarce stock: 10 units of one SKU in one warehouse, 32 clients asking 4 times each.
  const handle = await openDatabase({ databaseUrl: database.url, maxConnections: 2 });
  const scarceSku = 'SKU-00001';
  await sql`update stock set on_hand = 0 where sku = ${scarceSku}`.execute(handle.db);
  await sql`update stock set on_hand = 10 where sku = ${scarceSku} and warehouse_code = 'NL-TIL' and bin_code = (select min(bin_code) from stock where sku = ${scarceSku} and warehouse_code = 'NL-TIL')`.execute(
    handle.db,
  );
  await sql`update reservations set released_at = now() where sku = ${scarceSku}`.execute(
    handle.db,
  );
  const place = async (order: object) => {
    const res = await fetch(`${oms.url}/v1/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${database.apiKey}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(order),
    });
    if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  await Promise.all(
    Array.from({ length: 32 }, async (_, c) => {
      for (let k = 0; k < 4; k++) await place(benchOrder(c * 4 + k, [scarceSku]));
    }),
  );
  const { rows } = await sql<{ oversold: number; reserved: number }>`
    select coalesce(sum(greatest(r.reserved - s.on_hand, 0)), 0)::int as oversold, coalesce(sum(r.reserved), 0)::int as reserved
    from (select warehouse_code, sum(quantity)::int as reserved from reservations where sku = ${scarceSku} and released_at is null group by warehouse_code) r
    join (select warehouse_code, sum(on_hand)::int as on_hand from stock where sku = ${scarceSku} group by warehouse_code) s using (warehouse_code)`.execute(
    handle.db,
  );
  const scarce = rows[0]!;
  await handle.close();
  await oms.stop();
  await oneInFlight.stop();

  const failures = [...single, ...rounds.flatMap((r) => [r.intake, r.oneInFlight])].filter(
    (r) => Object.keys(r.failures).length > 0,
  );
  if (failures.length > 0) throw new Error(`intake failed: ${JSON.stringify(failures)}`);
  const at32 = median(rounds.map((r) => r.intake.perSecond));
  const ratio = median(rounds.map((r) => r.intake.perSecond / r.baseline.perSecond));
  const inFlightGain = median(rounds.map((r) => r.intake.perSecond / r.oneInFlight.perSecond));
  const row = (label: string, r: LoadResult) =>
    `| ${label} | ${r.requests} | ${fmt(r.perSecond)} | ${fmt(r.p50)} | ${fmt(r.p99)} |`;
  const table = [
    '| round | orders | orders/s | p50 ms | p99 ms |',
    '|---|---:|---:|---:|---:|',
    row('intake, 1 client', single[0]!),
    row('intake, 8 clients', single[1]!),
    ...rounds.flatMap((r, i) => [
      row(`pair ${i + 1}: intake, 32 clients`, r.intake),
      row(`pair ${i + 1}: intake, one batch in flight, 32 clients`, r.oneInFlight),
      row(`pair ${i + 1}: plain-SQL baseline, 32 connections`, r.baseline),
    ]),
  ].join('\n');
  const costOf = (pick: (c: (typeof costs)[number]) => number | null) => {
    const values = costs.map(pick).filter((v): v is number => v !== null);
    return values.length > 0 ? median(values).toFixed(2) : 'n/a';
  };
  const costTable = [
    '| per order, median of the 32-client rounds | intake | plain-SQL baseline |',
    '|---|---:|---:|',
    `| OMS process CPU ms | ${costOf((c) => c.intake.omsCpuMsPerOrder)} | — |`,
    `| PostgreSQL CPU ms (all backends) | ${costOf((c) => c.intake.databaseCpuMsPerOrder)} | ${costOf((c) => c.baseline.databaseCpuMsPerOrder)} |`,
    `| statements (round trips) | ${costOf((c) => c.intake.statementsPerOrder)} | ${costOf((c) => c.baseline.statementsPerOrder)} |`,
  ].join('\n');
  const section = `## Order intake

\`npm run bench:intake\` — \`POST /v1/orders\` over real HTTP against a throwaway PostgreSQL 15 (fsync
off), 500 demo products, orders of 1–3 lines to NL/BE/DE, each sourced, reserved, priced for shipping
and written with its event trail, outbox events, idempotency record and station documents. The
central OMS runs as its own process (the production bundle, one instance, notifications off so the
figure is intake alone), the load client as another, over keep-alive HTTP. Orders that arrive while
a batch runs are placed together in the next one (group commit, up to 64), with two batches in
flight; each order is still answered on its own. The baseline inserts the same rows by plain SQL,
one transaction per order, on 32 connections. At 32 clients, intake, intake with one batch in
flight (the queue before issue 14) and the baseline run in turn, ${PAIRS} times; each ratio is
taken within one such group and the median is reported. Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores shared with other work (load average ${loadAtStart} at the start, ${loadavg()[0]!.toFixed(1)} at the end), ${ROUND_MS / 1000} s per round.

${table}

What each order costs, measured from /proc (user + system time of the OMS process and of every
process of the PostgreSQL cluster) and pg_stat_statements, which do not move with the machine's
load the way orders/s do:

${costTable}

- Intake at 32 clients, median of ${PAIRS}: **${fmt(at32)} orders/s** (goal ≥ 1,000: ${at32 >= 1000 ? 'met' : 'not met'}).
- Intake ÷ plain-SQL baseline, median of ${PAIRS} interleaved pairs: **${ratio.toFixed(2)}×** (goal ≥ 2×: ${ratio >= 2 ? 'met' : 'not met'}).
- Two batches in flight ÷ one, median of ${PAIRS}: **${inFlightGain.toFixed(2)}×**.
- Scarce stock: 10 units, 128 orders from 32 concurrent clients → ${scarce.reserved} reserved, **${scarce.oversold} oversold**.
`;
  console.log(section);
  await writeBenchmarkSection('Order intake', section);
} finally {
  bundle.remove();
  cluster.stop();
}
