// `npm run bench:intake`: order intake over real HTTP against a real PostgreSQL 15, at 1, 8 and
// 32 concurrent clients; compared with inserting the same rows by plain SQL on the same server;
// plus a scarce-stock round that must oversell nothing. Writes docs/benchmarks.md "## Order intake".
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { createApp } from '../src-server/app';
import { loadServerConfig } from '../src-server/config';
import { openDatabase } from '../src-server/db/connect';
import { migrateToLatest } from '../src-server/db/migrate';
import { demoChannelCredentials } from '../src-server/seed/demo-channels';
import { seedDemoData } from '../src-server/seed/demo-seed';
import { createDatabase, startPostgresCluster } from '../test/setup/postgres-cluster';
import { writeBenchmarkSection } from './support/report';

const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 6000);
const CONCURRENCY = [1, 8, 32];
const SEED = 'bench';
const DESTINATIONS = [
  ['NL', '1012 AB', 'Amsterdam'],
  ['BE', '9000', 'Gent'],
  ['DE', '50667', 'Köln'],
  ['NL', '3011 AD', 'Rotterdam'],
] as const;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function benchOrder(i: number, skus?: string[]) {
  const [country, postalCode, city] = DESTINATIONS[i % DESTINATIONS.length]!;
  const lineSkus =
    skus ??
    Array.from(
      { length: 1 + (i % 3) },
      (_, k) => `SKU-${String(((i * 7 + k * 131) % 500) + 1).padStart(5, '0')}`,
    );
  return {
    channelOrderRef: `BENCH-${randomUUID()}`,
    currency: 'EUR',
    customer: { type: 'person', name: 'Bench Customer', email: `bench${i % 500}@example.com` },
    shipTo: { name: 'Bench Customer', line1: 'Teststraat 1', postalCode, city, country },
    lines: [...new Set(lineSkus)].map((sku) => ({ sku, quantity: 1 })),
  };
}

async function runRound(clients: number, durationMs: number, once: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let counter = 0;
  const deadline = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const i = counter++;
        const t = performance.now();
        await once(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    clients,
    orders: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

const cluster = await startPostgresCluster();
try {
  const url = createDatabase(cluster.url, 'oms_bench');
  const handle = await openDatabase({ databaseUrl: url, maxConnections: 40 });
  await migrateToLatest(handle.db);
  await seedDemoData(handle.db, {
    seed: SEED,
    log: { info: () => undefined },
    maxExtraKmForSingleWarehouse: 100,
    orderCount: 0,
  });
  await sql`update stock set on_hand = 1000000`.execute(handle.db);
  const config = {
    ...loadServerConfig({ ADMIN_TOKEN: 'bench-admin', ADMIN_TOKEN_SCOPE: 'system' }),
    databaseUrl: url,
  };
  const app = await createApp(config, { db: handle.db, listen: handle.listen, logger: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const apiKey = demoChannelCredentials(SEED).find((c) => c.channel === 'marketplace')!.apiKey;
  const place = async (order: object) => {
    const res = await fetch(`${address}/v1/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${apiKey}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(order),
    });
    if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };

  await runRound(8, 1500, (i) => place(benchOrder(i))); // warm-up
  const intake = [];
  for (const clients of CONCURRENCY)
    intake.push(await runRound(clients, ROUND_MS, (i) => place(benchOrder(i))));

  // Baseline: the same rows an intake writes, inserted by plain SQL in one transaction per order.
  const pool = new pg.Pool({ connectionString: url, max: 40 });
  const plainInsert = async (i: number) => {
    const order = benchOrder(i);
    const client = await pool.connect();
    try {
      const orderId = randomUUID();
      const fulfillmentId = randomUUID();
      await client.query('begin');
      const customer = await client.query(
        `insert into customers (id, kind, name, email) values ($1, 'person', $2, $3)
         on conflict (lower(email)) where kind = 'person' do update set name = excluded.name returning id`,
        [randomUUID(), order.customer.name, order.customer.email],
      );
      await client.query(
        `insert into orders (id, channel_code, channel_order_ref, customer_id, currency, status, email, ship_to, subtotal_minor, shipping_charged_minor, total_minor, placed_at)
         values ($1, 'marketplace', $2, $3, 'EUR', 'released', $4, $5, 1000, 0, 1000, now())`,
        [
          orderId,
          order.channelOrderRef,
          customer.rows[0].id,
          order.customer.email,
          JSON.stringify(order.shipTo),
        ],
      );
      const lineIds = order.lines.map(() => randomUUID());
      for (const [k, line] of order.lines.entries()) {
        await client.query(
          `insert into order_lines (id, order_id, line_no, sku, name, quantity, unit_price_minor, line_total_minor) values ($1, $2, $3, $4, 'x', 1, 1000, 1000)`,
          [lineIds[k], orderId, k + 1, line.sku],
        );
      }
      await client.query(
        `insert into fulfillment_orders (id, order_id, warehouse_code, status, ship_to, currency, distance_km, released_at) values ($1, $2, 'NL-TIL', 'released', $3, 'EUR', 10, now())`,
        [fulfillmentId, orderId, JSON.stringify(order.shipTo)],
      );
      for (const [k, line] of order.lines.entries()) {
        await client.query(
          `insert into fulfillment_lines (id, fulfillment_id, order_line_id, sku, quantity, bin_code, walk_sequence) values ($1, $2, $3, $4, 1, 'A-01', 1)`,
          [randomUUID(), fulfillmentId, lineIds[k], line.sku],
        );
        await client.query(
          `insert into reservations (id, order_id, order_line_id, fulfillment_id, warehouse_code, sku, quantity) values ($1, $2, $3, $4, 'NL-TIL', $5, 1)`,
          [randomUUID(), orderId, lineIds[k], fulfillmentId, line.sku],
        );
      }
      await client.query(
        `insert into order_events (order_id, type, actor) values ($1, 'placed', 'bench'), ($1, 'allocated', 'bench'), ($1, 'released', 'bench')`,
        [orderId],
      );
      await client.query(
        `insert into outbox_events (id, type, aggregate_type, aggregate_id, payload) values ($1, 'order.placed', 'order', $2, '{}'), ($3, 'order.allocated', 'order', $2, '{}')`,
        [randomUUID(), orderId, randomUUID()],
      );
      await client.query(
        `insert into idempotency_keys (scope, key, request_hash, status_code, response) values ('marketplace', $1, 'x', 201, '{}')`,
        [randomUUID()],
      );
      await client.query('commit');
    } finally {
      client.release();
    }
  };
  const baseline = await runRound(32, ROUND_MS, plainInsert);
  await pool.end();

  // Scarce stock: 10 units of one SKU in one warehouse, 32 clients asking 4 times each.
  const scarceSku = 'SKU-00001';
  await sql`update stock set on_hand = 0 where sku = ${scarceSku}`.execute(handle.db);
  await sql`update stock set on_hand = 10 where sku = ${scarceSku} and warehouse_code = 'NL-TIL' and bin_code = (select min(bin_code) from stock where sku = ${scarceSku} and warehouse_code = 'NL-TIL')`.execute(
    handle.db,
  );
  await sql`update reservations set released_at = now() where sku = ${scarceSku}`.execute(
    handle.db,
  );
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

  await app.close();
  await handle.close();

  const at32 = intake.find((r) => r.clients === 32)!;
  const fmt = (n: number) => n.toFixed(1);
  const table = [
    '| clients | orders | orders/s | p50 ms | p99 ms |',
    '|---:|---:|---:|---:|---:|',
    ...intake.map(
      (r) => `| ${r.clients} | ${r.orders} | ${fmt(r.perSecond)} | ${fmt(r.p50)} | ${fmt(r.p99)} |`,
    ),
  ].join('\n');
  const section = `## Order intake

\`npm run bench:intake\` — \`POST /v1/orders\` over real HTTP (Fastify on 127.0.0.1) against a throwaway
PostgreSQL 15 (fsync off), 500 demo products, orders of 1–3 lines to NL/BE/DE, each sourced,
reserved, priced for shipping and written with its event trail, outbox events, idempotency record and
station documents. Orders that arrive while a transaction runs are placed together in the next one
(group commit, up to 64), each still answered on its own; client and server share one Node process.
Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores, ${ROUND_MS / 1000} s per round.

${table}

- Baseline: the same rows inserted by plain SQL (one transaction per order, 32 clients, same server):
  ${fmt(baseline.perSecond)} orders/s. Intake at 32 clients reaches **${(at32.perSecond / baseline.perSecond).toFixed(2)}×** the baseline.
- Scarce stock: 10 units, 128 orders from 32 concurrent clients → ${scarce.reserved} reserved, **${scarce.oversold} oversold**.
- Goal: ≥ 500 orders/s at 32 clients on 2 cores: ${at32.perSecond >= 500 ? 'met' : 'not met'}.
`;
  console.log(section);
  await writeBenchmarkSection('Order intake', section);
} finally {
  cluster.stop();
}
