// The production topology of docs/deployment.md on real servers: back-office searches and reports
// read from a streaming replica (with its lag shown, falling back to the primary when it is gone)
// while what must see its own writes reads the primary; and intake through PgBouncer in
// transaction mode, with the LISTEN connection going direct.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src-server/app';
import { loadServerConfig } from '../../src-server/config';
import { openDatabase } from '../../src-server/db/connect';
import type { DatabaseHandle } from '../../src-server/db/connect';
import { migrateToLatest } from '../../src-server/db/migrate';
import { REPLICA_LAG_HEADER, replicaReads } from '../../src-server/db/read-replica';
import { OUTBOX_CHANNEL } from '../../src-server/outbox/outbox';
import { createDatabase, startPostgresCluster } from '../setup/postgres-cluster';
import type { PostgresCluster } from '../setup/postgres-cluster';
import { startPgBouncer, startStreamingReplica } from '../setup/postgres-replica';
import type { PgBouncer, StreamingReplica } from '../setup/postgres-replica';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { ADMIN_TOKEN } from '../support/server-harness';

type App = Awaited<ReturnType<typeof createApp>>;
const config = {
  ...loadServerConfig({ ADMIN_TOKEN, ADMIN_TOKEN_SCOPE: 'system' }),
  databaseUrl: undefined,
};

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const postOrder = (app: App, order = makeOrder(), key = randomUUID()) =>
  app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': key },
    payload: order,
  });

describe('production topology on PostgreSQL 15', () => {
  let cluster: PostgresCluster;
  let primaryUrl: string;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    primaryUrl = createDatabase(cluster.url, 'oms_topology');
    const setup = await openDatabase({ databaseUrl: primaryUrl, maxConnections: 2 });
    await migrateToLatest(setup.db);
    await seedChannels(setup.db);
    await seedCatalog(setup.db, { 'SKU-1': { 'NL-TIL': 1000 } });
    await setup.close();
  }, 60_000);
  afterAll(() => cluster?.stop());

  describe('a streaming replica for back-office reads', () => {
    let replica: StreamingReplica;
    let handle: DatabaseHandle;
    let app: App;
    let standby: pg.Client;

    beforeAll(async () => {
      replica = await startStreamingReplica(cluster);
      handle = await openDatabase({
        databaseUrl: primaryUrl,
        readUrl: replica.urlFor(primaryUrl),
        maxConnections: 4,
      });
      app = await createApp(config, {
        db: handle.db,
        listen: handle.listen,
        logger: false,
        backOfficeReads: replicaReads(handle.db, handle.reads!, { maxLagMs: 60_000 }),
      });
      standby = new pg.Client({ connectionString: replica.urlFor(primaryUrl) });
      standby.on('error', () => undefined); // the standby is stopped on purpose below
      await standby.connect();
    }, 60_000);
    afterAll(async () => {
      await standby?.end().catch(() => undefined);
      await app?.close();
      await handle?.close();
      replica?.stop();
    });

    const listed = async (orderId: string) => {
      const res = await app.inject({
        method: 'GET',
        url: '/v1/orders',
        headers: bearer(ADMIN_TOKEN),
      });
      expect(res.statusCode).toBe(200);
      const ids = res.json<{ orders: { orderId: string }[] }>().orders.map((o) => o.orderId);
      return { ids, found: ids.includes(orderId), lag: res.headers[REPLICA_LAG_HEADER] };
    };

    it('lists from the replica with its lag; one order by id reads the primary at once', async () => {
      const placed = await postOrder(app);
      expect(placed.statusCode).toBe(201);
      const orderId = placed.json<{ orderId: string }>().orderId;
      const read = await app.inject({
        method: 'GET',
        url: `/v1/orders/${orderId}`,
        headers: bearer(ADMIN_TOKEN),
      });
      expect(read.statusCode).toBe(200);
      const page = await until('the replica to serve the list with the order', async () => {
        const r = await listed(orderId);
        return r.found && r.lag !== undefined ? r : undefined;
      });
      expect(Number(page.lag)).toBeGreaterThanOrEqual(0);
      const ready = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.json()).toMatchObject({ readReplicaLagMs: expect.any(Number) });

      // Replay paused on the standby: a new order is on the primary only, and the list (served
      // by the replica) does not show it until replay goes on.
      await standby.query('select pg_wal_replay_pause()');
      const later = (await postOrder(app)).json<{ orderId: string }>().orderId;
      const paused = await listed(later);
      expect(paused.lag).toBeDefined();
      expect(paused.found).toBe(false);
      await standby.query('select pg_wal_replay_resume()');
      await until('the replica to catch up', async () =>
        (await listed(later)).found ? true : undefined,
      );
    }, 60_000);

    it('reads the primary while the replica is down', async () => {
      replica.stopServer();
      const orderId = (await postOrder(app)).json<{ orderId: string }>().orderId;
      const page = await until('the list to come from the primary', async () => {
        const r = await listed(orderId);
        return r.lag === undefined ? r : undefined;
      });
      expect(page.found).toBe(true);
      const ready = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.json()).toMatchObject({ readReplicaLagMs: null });
    }, 60_000);
  });

  describe('behind PgBouncer in transaction mode', () => {
    let bouncer: PgBouncer;
    let handle: DatabaseHandle;
    let app: App;

    beforeAll(async () => {
      bouncer = await startPgBouncer(cluster.port);
      handle = await openDatabase({
        databaseUrl: bouncer.urlFor(primaryUrl),
        listenUrl: primaryUrl,
        maxConnections: 20,
      });
      app = await createApp(config, { db: handle.db, listen: handle.listen, logger: false });
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await handle?.close();
      await bouncer?.stop();
    });

    it('places concurrent orders once each through PgBouncer, with LISTEN direct', async () => {
      const notices: string[] = [];
      const unlisten = await handle.listen(OUTBOX_CHANNEL, (payload) => notices.push(payload));
      const before = await bouncer.transactions('oms_topology');
      const orders = Array.from({ length: 40 }, () => ({ order: makeOrder(), key: randomUUID() }));
      const answers = await Promise.all(orders.map(({ order, key }) => postOrder(app, order, key)));
      expect(answers.map((a) => a.statusCode)).toEqual(orders.map(() => 201));
      const replay = await postOrder(app, orders[0]!.order, orders[0]!.key);
      expect(replay.statusCode).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.json()).toEqual(answers[0]!.json());

      const direct = new pg.Client({ connectionString: primaryUrl });
      await direct.connect();
      try {
        const { rows } = await direct.query<{ n: number }>(
          'select count(*)::int as n from orders where channel_order_ref = any($1)',
          [orders.map((o) => o.order.channelOrderRef)],
        );
        expect(rows[0]!.n).toBe(40);
        // The LISTEN session is a direct one, on the primary itself.
        const listening = await direct.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
           where datname = 'oms_topology' and application_name like 'central-oms listen%'`,
        );
        expect(listening.rows[0]!.n).toBe(1);
      } finally {
        await direct.end();
      }
      // The writes went through PgBouncer, and their commit notices reached the direct LISTEN.
      expect(await bouncer.transactions('oms_topology')).toBeGreaterThan(before);
      await until('an outbox notice', async () => (notices.length > 0 ? true : undefined));
      await unlisten();
    }, 60_000);
  });
});
