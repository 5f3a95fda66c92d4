// Two central OMS processes on one PostgreSQL 15 that is restarted and stopped under load. The
// processes must ride it through: never exit, answer 503 with Retry-After while the database is
// away (never a 500, never a hang), store every acknowledged order exactly once, LISTEN again on
// exactly one connection each, tell connected stations to resync, and resume background work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { listenApplicationName, openDatabase } from '../../src-server/db/connect';
import type { DatabaseHandle } from '../../src-server/db/connect';
import { migrateToLatest } from '../../src-server/db/migrate';
import { createDatabase, startPostgresCluster } from '../setup/postgres-cluster';
import type { PostgresCluster } from '../setup/postgres-cluster';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { buildServerBundle, startOmsProcess } from '../support/oms-process';
import type { OmsProcess, ServerBundle } from '../support/oms-process';
import { runOrderLoad } from '../support/order-load';
import type { OrderLoadResult } from '../support/order-load';
import { ADMIN_TOKEN } from '../support/server-harness';
import { openStationStream } from '../support/station-stream';
import { waitUntil } from './notifications-support';

let cluster: PostgresCluster | undefined;
let bundle: ServerBundle | undefined;
let handle: DatabaseHandle;
let instances: OmsProcess[] = [];

beforeAll(async () => {
  cluster = await startPostgresCluster();
  const url = createDatabase(cluster.url, 'oms_outage');
  handle = await openDatabase({ databaseUrl: url, maxConnections: 4 });
  await migrateToLatest(handle.db);
  await seedChannels(handle.db);
  await seedCatalog(handle.db, { 'SKU-1': { 'NL-TIL': 100_000 } });
  bundle = await buildServerBundle();
  const env = { DATABASE_URL: url, DATABASE_POOL_SIZE: '8', DISPATCH_POLL_MS: '1000' };
  instances = [await startOmsProcess(bundle, env), await startOmsProcess(bundle, env)];
}, 60_000);

afterAll(async () => {
  try {
    await Promise.all(instances.map((p) => p.stop()));
    await handle?.close();
  } finally {
    bundle?.remove();
    cluster?.stop();
  }
});

const urls = () => instances.map((p) => p.url);

/** Every instance still runs; the message carries their output when one has not. */
function expectAllRunning() {
  for (const p of instances)
    expect(p.exited(), `instance ${p.pid} exited:\n${p.output()}`).toBeNull();
}

function expectOnlyAcknowledgementsAnd503s(load: OrderLoadResult) {
  const unexpected = load.answers.filter(
    (a) =>
      a.status !== 201 &&
      !(a.status === 503 && a.retryAfter !== null && a.code === 'database_unavailable'),
  );
  expect(unexpected).toEqual([]);
  expect(load.abandoned).toEqual([]);
  // No hang: a request waits at most the pool's connect timeout (5 s) for the database.
  expect(Math.max(...load.answers.map((a) => a.ms))).toBeLessThan(6_000);
}

/** Every acknowledged order is stored once, and nothing else of this load is. */
async function expectStoredExactlyOnce(load: OrderLoadResult, label: string) {
  const rows = await handle.db
    .selectFrom('orders')
    .select('channel_order_ref')
    .where('channel_order_ref', 'like', `${label}-%`)
    .execute();
  expect(rows.map((r) => r.channel_order_ref).sort()).toEqual([...load.acknowledged].sort());
  expect(new Set(load.acknowledged).size).toBe(load.acknowledged.length);
}

/** The LISTEN sessions of each instance, by the application_name it gives them. */
async function listenSessions(): Promise<number[]> {
  const { rows } = await sql<{ name: string }>`
    select application_name as name from pg_stat_activity
    where application_name = any(${instances.map((p) => listenApplicationName(p.pid))})`.execute(
    handle.db,
  );
  return instances.map((p) => rows.filter((r) => r.name === listenApplicationName(p.pid)).length);
}

async function expectOneListenerEach() {
  await waitUntil(
    async () => (await listenSessions()).every((n) => n === 1),
    10_000,
    'one LISTEN connection per instance',
  ).catch(async (error: unknown) => {
    throw new Error(`${String(error)}: ${JSON.stringify(await listenSessions())}`);
  });
  // And it stays one: no second reconnect arrives late.
  await new Promise((r) => setTimeout(r, 1500));
  expect(await listenSessions()).toEqual(instances.map(() => 1));
}

async function loadDuring(label: string, outage: () => Promise<void>) {
  const load = runOrderLoad({
    urls: urls(),
    clients: 16,
    ordersPerClient: 12,
    label,
    deadlineMs: 30_000,
    shouldGiveUp: () => instances.some((p) => p.exited() !== null),
  });
  await new Promise((r) => setTimeout(r, 400));
  const outageStarted = Date.now();
  await outage();
  const outageEnded = Date.now();
  const result = await load;
  return { result, outageStarted, outageEnded };
}

describe('central OMS processes while PostgreSQL restarts', () => {
  it('ride through a fast restart under load: 503s with Retry-After, every order stored once', async () => {
    const started = Date.now();
    const { result } = await loadDuring('fast-restart', () => cluster!.restartServer('fast'));
    expect(Date.now() - started).toBeLessThan(45_000);
    expectAllRunning();
    expectOnlyAcknowledgementsAnd503s(result);
    expect(result.answers.some((a) => a.status === 503)).toBe(true);
    await expectStoredExactlyOnce(result, 'fast-restart');
    await expectOneListenerEach();
    expectAllRunning();
  }, 60_000);

  it('ride through a stop of seconds, then take orders again and resume background work', async () => {
    const health: number[][] = [];
    const { result, outageEnded } = await loadDuring('stop-start', async () => {
      await cluster!.stopServer('fast');
      await new Promise((r) => setTimeout(r, 1500));
      // Alive, but not ready: a load balancer sends traffic elsewhere meanwhile.
      for (const p of instances) {
        const live = await fetch(`${p.url}/health`);
        const ready = await fetch(`${p.url}/health/ready`);
        expect(ready.headers.get('retry-after')).not.toBeNull();
        health.push([live.status, ready.status]);
      }
      await new Promise((r) => setTimeout(r, 1500));
      await cluster!.startServer();
    });
    expect(health).toEqual([
      [200, 503],
      [200, 503],
    ]);
    for (const p of instances) expect((await fetch(`${p.url}/health/ready`)).status).toBe(200);
    expectAllRunning();
    expectOnlyAcknowledgementsAnd503s(result);
    const during = result.answers.filter((a) => a.status === 503);
    expect(during.length).toBeGreaterThan(0);
    // Orders acknowledged after the outage: retries succeeded, no one waited for a long backoff.
    expect(
      result.answers.filter((a) => a.status === 201 && a.at > outageEnded).length,
    ).toBeGreaterThan(0);
    await expectStoredExactlyOnce(result, 'stop-start');
    await expectOneListenerEach();
    // The outbox dispatcher resumed: every event of these orders is handed to its receivers.
    await waitUntil(
      async () =>
        (
          await handle.db
            .selectFrom('outbox_events')
            .select('id')
            .where('status', '=', 'pending')
            .execute()
        ).length === 0,
      15_000,
      'the outbox to be dispatched after the outage',
    );
    expectAllRunning();
  }, 60_000);

  it('resyncs connected stations and streams live again within seconds after the database is back', async () => {
    const created = await fetch(`${instances[0]!.url}/v1/stations`, {
      method: 'POST',
      headers: { ...bearer(ADMIN_TOKEN), 'content-type': 'application/json' },
      body: JSON.stringify({ warehouseCode: 'NL-TIL', name: 'Outage station' }),
    });
    const { enrolmentCode } = (await created.json()) as { enrolmentCode: string };
    const enrolled = await fetch(`${instances[0]!.url}/v1/stations/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: enrolmentCode }),
    });
    const { token } = (await enrolled.json()) as { token: string };
    const streams = await Promise.all(instances.map((p) => openStationStream(p.url, token)));
    try {
      const stoppedAt = Date.now();
      await cluster!.stopServer('fast');
      await new Promise((r) => setTimeout(r, 2500));
      await cluster!.startServer();
      const back = Date.now();
      for (const stream of streams)
        await waitUntil(
          () =>
            stream.messages.some(
              (m) =>
                m.at >= stoppedAt &&
                m.message.collection === 'fulfillments' &&
                'resync' in m.message,
            ),
          5_000,
          'RESYNC after the database came back',
        );
      expect(Date.now() - back).toBeLessThan(5_000);

      const order = makeOrder({ skus: { 'SKU-1': 1 } });
      let orderId = '';
      await waitUntil(
        async () => {
          const res = await fetch(`${instances[1]!.url}/v1/orders`, {
            method: 'POST',
            headers: {
              ...bearer(CHANNEL_KEYS.web),
              'idempotency-key': `after-outage-${order.channelOrderRef}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify(order),
          });
          if (res.status === 201) orderId = ((await res.json()) as { orderId: string }).orderId;
          return res.status === 201;
        },
        10_000,
        'an order placed after the outage',
      );
      for (const stream of streams)
        await waitUntil(
          () =>
            stream.messages.some(
              (m) =>
                'documents' in m.message &&
                m.message.documents.some((d) => (d as { orderId?: string }).orderId === orderId),
            ),
          5_000,
          "the new order's fulfillment on the live stream",
        );
      expect(streams.map((s) => s.ended())).toEqual([false, false]);
      await expectOneListenerEach();
      expectAllRunning();
    } finally {
      for (const stream of streams) stream.close();
    }
  }, 60_000);

  it('resumes the demo seed the outage interrupted and places each demo order once', async () => {
    const url = createDatabase(cluster!.url, 'oms_demo_outage');
    const demoDb = await openDatabase({ databaseUrl: url, maxConnections: 2 });
    const demoOrders = 2000;
    const seeding = await startOmsProcess(bundle!, {
      DATABASE_URL: url,
      SEED_DEMO: 'true',
      DEMO_PRODUCTS: '30',
      DEMO_ORDERS: String(demoOrders),
      NOTIFICATIONS: 'off',
    });
    instances.push(seeding);
    // The demo's own orders: its subscriptions' renewals (placed by the scheduler) are not.
    const orders = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from orders o
          where not exists (select 1 from subscription_renewals r where r.order_id = o.id)`.execute(
          demoDb.db,
        )
      ).rows[0]!.n;
    try {
      await waitUntil(async () => (await orders()) > 0, 20_000, 'the demo to place orders');
      await cluster!.stopServer('fast');
      await new Promise((r) => setTimeout(r, 2000));
      await cluster!.startServer();
      // The outage came while the demo was placing its orders, not after.
      expect(await orders()).toBeLessThan(demoOrders);
      await waitUntil(
        async () =>
          (
            await sql<{
              done: boolean;
            }>`select activity_finished_at is not null as done from demo_seed`.execute(demoDb.db)
          ).rows[0]?.done === true,
        40_000,
        'the demo seed to finish',
      );
      expect(await orders()).toBe(demoOrders);
      expectAllRunning();
    } finally {
      await demoDb.close();
    }
  }, 60_000);
});
