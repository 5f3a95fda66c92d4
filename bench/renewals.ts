// `npm run bench:renewals`: N subscriptions due today (BENCH_RENEWALS, default 10,000) renewed by two
// schedulers racing over the same database, on PGlite (in memory, one connection shared by both) and
// on a throwaway PostgreSQL 15 (each scheduler with its own pool, as two instances would have).
// Each renewal's order goes through the real intake and is charged on the ledger. Counts duplicate
// and missing renewals. Writes docs/benchmarks.md "## Subscription renewals".
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { loadServerConfig } from '../src-server/config';
import { openDatabase } from '../src-server/db/connect';
import type { DatabaseHandle } from '../src-server/db/connect';
import { migrateToLatest } from '../src-server/db/migrate';
import type { Database } from '../src-server/db/schema';
import { seedDemoCatalogue } from '../src-server/seed/demo-seed';
import { createPlan } from '../src-server/subscriptions/plan-routes';
import { dateIn } from '../src-server/subscriptions/subscription-calendar';
import { SubscriptionScheduler } from '../src-server/subscriptions/subscription-scheduler';
import { renewalContextFor } from '../src-server/subscriptions/subscriptions-runtime';
import { createDatabase, startPostgresCluster } from '../test/setup/postgres-cluster';
import { writeBenchmarkSection } from './support/report';

const N = Number(process.env.BENCH_RENEWALS ?? 10_000);
const CHUNK = 1000;
const config = loadServerConfig({ ADMIN_TOKEN: 'bench-admin', SOURCING_MAX_EXTRA_KM: '100' });

async function prepare(db: Kysely<Database>): Promise<void> {
  await migrateToLatest(db);
  await seedDemoCatalogue(db, {
    seed: 'bench',
    log: { info: () => undefined },
    maxExtraKmForSingleWarehouse: 100,
    orderCount: 0,
  });
  await sql`update stock set on_hand = 10000000`.execute(db);
  const skus = ['SKU-00001', 'SKU-00002', 'SKU-00003'];
  const plan = await createPlan(db, {
    code: 'BENCH-WEEKLY',
    name: 'Bench weekly',
    interval: { unit: 'week', count: 1 },
    cutoffDays: 2,
    priceRule: 'current',
    discountPercent: 0,
    minCycles: 0,
    billing: 'per_delivery',
    skus,
  });
  const customerId = randomUUID();
  await db
    .insertInto('customers')
    .values({ id: customerId, kind: 'person', name: 'Bench', email: 'bench@example.com' })
    .execute();
  const today = dateIn(config.subscriptions.timeZone, new Date());
  for (let start = 0; start < N; start += CHUNK) {
    const ids = Array.from({ length: Math.min(CHUNK, N - start) }, () => randomUUID());
    await db
      .insertInto('subscriptions')
      .values(
        ids.map((id, k) => ({
          id,
          reference: `SUB-B${String(start + k).padStart(7, '0')}`,
          channel_code: 'webshop',
          plan_id: plan.id,
          customer_id: customerId,
          customer: JSON.stringify({ type: 'person', name: 'Bench', email: 'bench@example.com' }),
          email: 'bench@example.com',
          locale: 'nl',
          currency: 'EUR',
          ship_to: JSON.stringify({
            name: 'Bench',
            line1: 'Damrak 1',
            postalCode: '1012 AB',
            city: 'Amsterdam',
            country: 'NL',
          }),
          payment: JSON.stringify({ provider: 'ledger' }),
          state: 'active' as const,
          anchor_date: today,
          next_renewal_date: today,
        })),
      )
      .execute();
    await db
      .insertInto('subscription_lines')
      .values(
        ids.map((id, k) => ({
          subscription_id: id,
          line_no: 1,
          sku: skus[(start + k) % skus.length]!,
          quantity: 1,
          signup_unit_price_minor: 1000,
        })),
      )
      .execute();
  }
}

async function race(handles: DatabaseHandle[]) {
  const schedulers = handles.map(
    (h) => new SubscriptionScheduler(renewalContextFor(config, { db: h.db })),
  );
  const started = performance.now();
  await Promise.all(
    schedulers.map(async (s) => {
      for (let round = 0; round < 10_000; round++) {
        const r = await s.runOnce();
        if (r.prepare.placed + r.prepare.missed + r.prepare.short + r.charge.paid === 0) return;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const db = handles[0]!.db;
  const { rows } = await sql<{
    renewals: number;
    completed: number;
    orders: number;
    duplicates: number;
    missing: number;
  }>`
    select
      (select count(*) from subscription_renewals)::int as renewals,
      (select count(*) from subscription_renewals where status = 'completed')::int as completed,
      (select count(*) from orders where channel_code = 'webshop')::int as orders,
      (select count(*) from (select channel_order_ref from orders group by channel_order_ref
        having count(*) > 1) d)::int as duplicates,
      (select count(*) from subscriptions s where not exists (select 1 from subscription_renewals r
        where r.subscription_id = s.id and r.cycle_no = 1 and r.order_id is not null))::int as missing`.execute(
    db,
  );
  const figures = rows[0]!;
  return { seconds, perSecond: figures.orders / seconds, ...figures };
}

const results: { backend: string; r: Awaited<ReturnType<typeof race>> }[] = [];

{
  const handle = await openDatabase({});
  try {
    await prepare(handle.db);
    results.push({ backend: 'PGlite (in memory)', r: await race([handle, handle]) });
  } finally {
    await handle.close();
  }
}
const cluster = await startPostgresCluster();
try {
  const url = createDatabase(cluster.url, 'oms_bench_renewals');
  const first = await openDatabase({ databaseUrl: url, maxConnections: 10 });
  const second = await openDatabase({ databaseUrl: url, maxConnections: 10 });
  try {
    await prepare(first.db);
    results.push({ backend: 'PostgreSQL 15', r: await race([first, second]) });
  } finally {
    await first.close();
    await second.close();
  }
} finally {
  cluster.stop();
}

for (const { backend, r } of results) console.log(backend, r);
const day = new Date().toISOString().slice(0, 10);
await writeBenchmarkSection(
  'Subscription renewals',
  `## Subscription renewals

\`npm run bench:renewals\` — ${N.toLocaleString('en')} weekly subscriptions (one line each, ledger
payment) all due today, renewed by two schedulers racing from the first round: each renewal claimed
with \`FOR UPDATE SKIP LOCKED\`, its order placed through the intake (sourced, reserved, events,
outbox) and charged on the ledger in the same transaction, a batch of 64 per transaction. PGlite: one
in-memory database whose single connection both schedulers share; PostgreSQL 15 (fsync off): each
scheduler with a pool of its own, as two instances. One Node process. Measured ${day} on 2 cores.

| database | renewals | seconds | orders/s | completed | duplicate | missing |
| -------- | -------: | ------: | -------: | --------: | --------: | ------: |
${results
  .map(
    ({ backend, r }) =>
      `| ${backend} | ${r.renewals} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(1)} | ${r.completed} | ${r.duplicates} | ${r.missing} |`,
  )
  .join('\n')}

- Not yet measured: the issue's 100,000 subscriptions and the ratio to plain intake of the same
  orders in the same run (\`npm run bench:intake\` measures intake alone, above).
`,
);
