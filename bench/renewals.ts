// `npm run bench:renewals`: N subscriptions due at once (BENCH_RENEWALS, default 100,000 on
// PostgreSQL; BENCH_RENEWALS_PGLITE, default 10,000 on PGlite) renewed by two schedulers racing over
// the same database, on PGlite (in memory, one connection shared by both) and on a throwaway
// PostgreSQL 15 (each scheduler with its own pool, as two instances would have). Each renewal's
// order goes through the real intake and is charged on the ledger. Interleaved with each round of
// renewals, the same orders (same customer, address, lines and prices) are placed through the plain
// intake (placeOrders, batches of the same size, two workers) so the ratio is taken between
// neighbouring rounds; BENCH_PAIRS pairs (default 3), each pair one weekly cycle later (an injected
// clock). Counts duplicate and missing renewals. Writes docs/benchmarks.md "## Subscription renewals".
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { CanonicalOrder } from '../shared/orders/order-schema';
import { loadServerConfig } from '../src-server/config';
import { openDatabase } from '../src-server/db/connect';
import type { DatabaseHandle } from '../src-server/db/connect';
import { migrateToLatest } from '../src-server/db/migrate';
import type { Database } from '../src-server/db/schema';
import { requestFingerprint } from '../src-server/orders/idempotency';
import { acceptCommand, placeOrders } from '../src-server/orders/place-order';
import type { AcceptedCommand } from '../src-server/orders/place-order';
import { readCatalogue } from '../src-server/orders/priced-order';
import { seedDemoCatalogue } from '../src-server/seed/demo-seed';
import type { Clock } from '../src-server/subscriptions/clock';
import { createPlan } from '../src-server/subscriptions/plan-routes';
import { dateIn } from '../src-server/subscriptions/subscription-calendar';
import { SubscriptionScheduler } from '../src-server/subscriptions/subscription-scheduler';
import { renewalContextFor } from '../src-server/subscriptions/subscriptions-runtime';
import { createDatabase, startPostgresCluster } from '../test/setup/postgres-cluster';
import { writeBenchmarkSection } from './support/report';

const N_POSTGRES = Number(process.env.BENCH_RENEWALS ?? 100_000);
const N_PGLITE = Number(process.env.BENCH_RENEWALS_PGLITE ?? 10_000);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
const PGLITE_PAIRS = Number(process.env.BENCH_PGLITE_PAIRS ?? 1);
const DAY_MS = 86_400_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const CHUNK = 1000;
const config = loadServerConfig({ ADMIN_TOKEN: 'bench-admin', SOURCING_MAX_EXTRA_KM: '100' });

async function prepare(db: Kysely<Database>, N: number): Promise<void> {
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

/** A clock the bench moves one week per pair, so each pair renews the next weekly cycle. */
function benchClock() {
  let offsetDays = 0;
  return {
    clock: { now: () => new Date(Date.now() + offsetDays * DAY_MS) },
    moveTo: (days: number) => (offsetDays = days),
  };
}

/** One round of renewals: cycle `cycleNo` of every subscription, two schedulers racing. */
async function renewalRound(handles: DatabaseHandle[], clock: Clock, cycleNo: number) {
  const schedulers = handles.map(
    (h) => new SubscriptionScheduler(renewalContextFor(config, { db: h.db, clock })),
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
  const { rows } = await sql<{ orders: number; completed: number; missing: number }>`
    select
      (select count(*) from subscription_renewals where cycle_no = ${cycleNo} and order_id is not null)::int as orders,
      (select count(*) from subscription_renewals where cycle_no = ${cycleNo} and status = 'completed')::int as completed,
      (select count(*) from subscriptions s where not exists (select 1 from subscription_renewals r
        where r.subscription_id = s.id and r.cycle_no = ${cycleNo} and r.order_id is not null))::int as missing`.execute(
    handles[0]!.db,
  );
  const r = rows[0]!;
  return { seconds, perSecond: r.orders / seconds, ...r };
}

/**
 * The same orders placed through the plain intake: each subscription's customer, address and
 * lines at the price the renewal charges (the plan's `current` rule, no discount), in batches of
 * the scheduler's size taken from one queue by one worker per database handle.
 */
async function plainIntakeRound(handles: DatabaseHandle[], round: number) {
  const db = handles[0]!.db;
  const subscriptions = await db
    .selectFrom('subscriptions')
    .innerJoin('subscription_lines', 'subscription_lines.subscription_id', 'subscriptions.id')
    .select(['reference', 'channel_code', 'currency', 'customer', 'ship_to', 'sku', 'quantity'])
    .orderBy('reference')
    .execute();
  const catalogue = new Map(
    (await readCatalogue(db, 'EUR', [...new Set(subscriptions.map((s) => s.sku))])).map((c) => [
      c.sku,
      c.unit_price_minor,
    ]),
  );
  const commands: AcceptedCommand[] = subscriptions.map((s) => {
    const order: CanonicalOrder = {
      channelOrderRef: `PLAIN-${round}-${s.reference}`,
      placedAt: new Date().toISOString(),
      currency: s.currency as CanonicalOrder['currency'],
      customer: s.customer,
      shipTo: s.ship_to as CanonicalOrder['shipTo'],
      lines: [{ sku: s.sku, quantity: s.quantity, unitPriceMinor: catalogue.get(s.sku)! }],
    };
    return acceptCommand(
      {
        channelCode: s.channel_code,
        order,
        idempotencyKey: randomUUID(),
        actor: 'channel:webshop',
      },
      requestFingerprint(order),
    );
  });
  const settings = renewalContextFor(config, { db }).intake;
  const batchSize = config.subscriptions.batchSize;
  let next = 0;
  let placed = 0;
  const started = performance.now();
  await Promise.all(
    handles.map(async (h) => {
      while (next < commands.length) {
        const batch = commands.slice(next, (next += batchSize));
        const outcomes = await placeOrders(h.db, settings, batch);
        for (const o of outcomes) {
          if (o.kind !== 'placed') throw new Error(`plain intake: ${JSON.stringify(o)}`);
          placed += 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSecond: placed / seconds, orders: placed };
}

async function duplicates(db: Kysely<Database>) {
  const { rows } = await sql<{ duplicates: number }>`
    select count(*)::int as duplicates from (select channel_order_ref from orders
      group by channel_code, channel_order_ref having count(*) > 1) d`.execute(db);
  return rows[0]!.duplicates;
}

const fmt = (n: number) => n.toFixed(1);
const loadAtStart = loadavg()[0]!.toFixed(1);
const results: BackendResult[] = [];

type Renewed = Awaited<ReturnType<typeof renewalRound>>;
type Plain = Awaited<ReturnType<typeof plainIntakeRound>>;
interface BackendResult {
  backend: string;
  subscriptions: number;
  pairs: { cycleNo: number; renewals: Renewed; plain: Plain }[];
  duplicates: number;
}

/** Pairs of (renewals, plain intake), the order alternating so neither always runs on a warmer database. */
async function runPairs(
  backend: string,
  handles: DatabaseHandle[],
  subscriptions: number,
  pairs: number,
): Promise<BackendResult> {
  const { clock, moveTo } = benchClock();
  const result: BackendResult = { backend, subscriptions, pairs: [], duplicates: 0 };
  for (let p = 0; p < pairs; p++) {
    moveTo(7 * p);
    const cycleNo = p + 1;
    let renewals: Renewed;
    let plain: Plain;
    if (p % 2 === 0) {
      renewals = await renewalRound(handles, clock, cycleNo);
      plain = await plainIntakeRound(handles, p);
    } else {
      plain = await plainIntakeRound(handles, p);
      renewals = await renewalRound(handles, clock, cycleNo);
    }
    console.log(backend, { cycleNo, renewals, plain });
    result.pairs.push({ cycleNo, renewals, plain });
    result.duplicates = await duplicates(handles[0]!.db);
    // Written after every pair: a run cut short keeps the pairs it finished.
    await writeBenchmarkSection('Subscription renewals', sectionOf([...results, result]));
  }
  return result;
}

if (N_PGLITE > 0 && PGLITE_PAIRS > 0) {
  const handle = await openDatabase({});
  try {
    await prepare(handle.db, N_PGLITE);
    results.push(await runPairs('PGlite (in memory)', [handle, handle], N_PGLITE, PGLITE_PAIRS));
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
    await prepare(first.db, N_POSTGRES);
    results.push(await runPairs('PostgreSQL 15', [first, second], N_POSTGRES, PAIRS));
  } finally {
    await first.close();
    await second.close();
  }
} finally {
  cluster.stop();
}

console.log(sectionOf(results));

function sectionOf(results: readonly BackendResult[]): string {
  const rows = results.flatMap(({ backend, subscriptions, pairs, duplicates: dup }) =>
    pairs.map(
      ({ cycleNo, renewals, plain }) =>
        `| ${backend} | ${subscriptions} | ${cycleNo} | ${fmt(renewals.seconds)} | ${fmt(renewals.perSecond)} | ${fmt(plain.seconds)} | ${fmt(plain.perSecond)} | ${(renewals.perSecond / plain.perSecond).toFixed(2)} | ${renewals.completed} | ${dup} | ${renewals.missing} |`,
    ),
  );
  const summary = results.map(({ backend, pairs }) => {
    const ratio = median(pairs.map((p) => p.renewals.perSecond / p.plain.perSecond));
    const perSecond = median(pairs.map((p) => p.renewals.perSecond));
    return `- ${backend}: renewals **${fmt(perSecond)} orders/s**, ratio to plain intake **${ratio.toFixed(2)}** (median of ${pairs.length} interleaved pair${pairs.length === 1 ? '' : 's'}; goal ≥ 0.8: ${ratio >= 0.8 ? 'met' : 'not met'}).`;
  });
  const day = new Date().toISOString().slice(0, 10);
  return `## Subscription renewals

\`npm run bench:renewals\` — ${N_POSTGRES.toLocaleString('en')} weekly subscriptions on PostgreSQL 15
(fsync off) and ${N_PGLITE.toLocaleString('en')} on PGlite (in memory), one line each, ledger
payment, all due at once, renewed by two schedulers racing from the first round: each renewal
claimed with \`FOR UPDATE SKIP LOCKED\`, its order placed through the intake (sourced, reserved,
events, outbox) and charged on the ledger in the same transaction, a batch of
${config.subscriptions.batchSize} per transaction. PGlite: one database whose single connection both
schedulers share; PostgreSQL: each scheduler with a pool of its own, as two instances. Next to each
round of renewals, the same orders (same customer, address, line and price) go through the plain
intake (\`placeOrders\`, the same batch size, one worker per pool) without the subscription
machinery; the two alternate which goes first, and each further pair renews the next weekly cycle
(an injected clock moved by a week), so both sides see the same growing database. One Node process.
Measured ${day} on ${cpus().length} cores **shared with other engineers' work** (load average
${loadAtStart} at the start, ${loadavg()[0]!.toFixed(1)} at the end): the absolute figures move with
that load, the ratio less so.

| database | subscriptions | cycle | renewal s | renewals/s | plain s | plain orders/s | ratio | completed | duplicate | missing |
| -------- | ------------: | ----: | --------: | ---------: | ------: | -------------: | ----: | --------: | --------: | ------: |
${rows.join('\n')}

${summary.join('\n')}
- Duplicate counts every order whose (channel, channel order reference) occurs twice over the whole
  run; missing counts subscriptions without an order for that cycle.
`;
}
