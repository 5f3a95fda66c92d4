// `npm run bench:failover`: two central OMS instances behind nginx take orders from 32 clients
// (each order posted again after a 503 or a lost answer, with its Idempotency-Key, until it is
// acknowledged) while one instance is killed with SIGKILL and then PostgreSQL is restarted.
// Counts what was acknowledged against what is stored. Writes docs/benchmarks.md
// "## Failover behind nginx".
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { openDatabase } from '../src-server/db/connect';
import { migrateToLatest } from '../src-server/db/migrate';
import { createDatabase, startPostgresCluster } from '../test/setup/postgres-cluster';
import { seedCatalog, seedChannels } from '../test/support/oms-fixtures';
import { buildServerBundle, startOmsProcess } from '../test/support/oms-process';
import { runOrderLoad } from '../test/support/order-load';
import { startNginx } from './support/instances';
import { writeBenchmarkSection } from './support/report';

const CLIENTS = 32;
const ORDERS_PER_CLIENT = Number(process.env.BENCH_ORDERS_PER_CLIENT ?? 150);
const KILL_AT_MS = 2000;
const RESTART_AT_MS = 5000;

const cluster = await startPostgresCluster();
const bundle = await buildServerBundle();
try {
  const url = createDatabase(cluster.url, 'oms_failover');
  const setup = await openDatabase({ databaseUrl: url, maxConnections: 2 });
  await migrateToLatest(setup.db);
  await seedChannels(setup.db);
  await seedCatalog(setup.db, { 'SKU-1': { 'NL-TIL': 1_000_000 } });
  await setup.close();

  const env = { DATABASE_URL: url, NOTIFICATIONS: 'off' };
  const instances = [await startOmsProcess(bundle, env), await startOmsProcess(bundle, env)];
  const nginx = await startNginx(instances.map((i) => i.url));
  const started = Date.now();
  const events: string[] = [];
  const at = (ms: number, what: string, act: () => Promise<void>) =>
    new Promise<void>((resolve) =>
      setTimeout(() => {
        const t = Date.now() - started;
        void act().then(() => {
          events.push(
            `${what} at ${(t / 1000).toFixed(1)} s (done at ${((Date.now() - started) / 1000).toFixed(1)} s)`,
          );
          resolve();
        });
      }, ms),
    );
  const [result] = await Promise.all([
    runOrderLoad({
      urls: [nginx.url],
      clients: CLIENTS,
      ordersPerClient: ORDERS_PER_CLIENT,
      label: 'failover',
      deadlineMs: 180_000,
      maxTries: 1000,
    }),
    at(KILL_AT_MS, 'instance 1 killed (SIGKILL)', () => instances[0]!.kill('SIGKILL')),
    at(RESTART_AT_MS, 'PostgreSQL restarted (pg_ctl restart -m fast)', () =>
      cluster.restartServer('fast'),
    ),
  ]);
  const seconds = (Date.now() - started) / 1000;

  const check = await openDatabase({ databaseUrl: url, maxConnections: 1 });
  const { rows } = await sql<{ ref: string; n: number }>`
    select channel_order_ref as ref, count(*)::int as n from orders
    where channel_order_ref like 'failover-%' group by 1`.execute(check.db);
  await check.close();
  await nginx.stop();
  for (const instance of instances) await instance.stop();
  const stored = new Map(rows.map((r) => [r.ref, r.n]));
  const acknowledged = new Set(result.acknowledged);
  const storedOnce = result.acknowledged.filter((ref) => stored.get(ref) === 1).length;
  const missing = result.acknowledged.filter((ref) => !stored.has(ref)).length;
  const twice = rows.filter((r) => r.n > 1).length;
  const unacknowledged = rows.filter((r) => !acknowledged.has(r.ref)).length;
  const statuses = new Map<string, number>();
  for (const a of result.answers)
    statuses.set(String(a.status), (statuses.get(String(a.status)) ?? 0) + 1);
  const answerList = [...statuses]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status}: ${n}`)
    .join(', ');

  const section = `## Failover behind nginx

\`npm run bench:failover\` — two instances (production bundle) behind Debian's nginx on one
PostgreSQL 15; ${CLIENTS} clients each post ${ORDERS_PER_CLIENT} orders, each one again after a 503 or a lost answer
with the same Idempotency-Key until it is acknowledged (201); nginx tries a failed request on the
other instance. During the load: ${events.join('; ')}. Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores shared with other work.

| measure | figure |
|---|---:|
| orders acknowledged | ${result.acknowledged.length} of ${CLIENTS * ORDERS_PER_CLIENT} |
| acknowledged and stored exactly once | **${storedOnce}** |
| acknowledged but not stored | **${missing}** |
| stored more than once | **${twice}** |
| stored but never acknowledged | ${unacknowledged} |
| given up | ${result.abandoned.length} |
| answers by status | ${answerList} |
| whole run | ${seconds.toFixed(1)} s |
`;
  console.log(section);
  await writeBenchmarkSection('Failover behind nginx', section);
  if (missing > 0 || twice > 0 || storedOnce !== result.acknowledged.length)
    throw new Error('an acknowledged order was lost or stored twice');
} finally {
  bundle.remove();
  cluster.stop();
}
