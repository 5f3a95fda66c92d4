// The LISTEN connection against a real PostgreSQL 15 that restarts, stops for seconds, or goes
// silent behind a network that drops everything: one connection for all channels, LISTENing again
// after every loss, each subscriber told once per loss that it may have missed notices.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-server/db/connect';
import type { DatabaseHandle } from '../../src-server/db/connect';
import { PostgresNotificationListener } from '../../src-server/db/notification-listener';
import { createDatabase, startPostgresCluster } from '../setup/postgres-cluster';
import type { PostgresCluster } from '../setup/postgres-cluster';
import { waitUntil } from './notifications-support';

let cluster: PostgresCluster | undefined;
let url = '';
let handle: DatabaseHandle;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  url = createDatabase(cluster.url, 'oms_listener');
  handle = await openDatabase({ databaseUrl: url, maxConnections: 2 });
}, 60_000);

afterAll(async () => {
  try {
    await handle?.close();
  } finally {
    cluster?.stop();
  }
});

const sessionsNamed = async (name: string) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from pg_stat_activity where application_name = ${name}`.execute(
      handle.db,
    )
  ).rows[0]!.n;

/** NOTIFYs until the subscriber got it (the pool reconnects on its own after an outage). */
async function expectNoticeArrives(channel: string, received: string[], payload: string) {
  await waitUntil(
    async () => {
      await sql`select pg_notify(${channel}, ${payload})`.execute(handle.db).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
      return received.includes(payload);
    },
    10_000,
    `notice ${payload} on ${channel}`,
  );
}

function subscriberLog() {
  return { payloads: [] as string[], resumes: 0 };
}

describe('the LISTEN connection when PostgreSQL goes away', () => {
  it('listens on one connection, and after a restart or a stop of seconds listens again once', async () => {
    const name = `listener-test-${process.pid}`;
    const listener = new PostgresNotificationListener({
      connectionString: url,
      application_name: name,
    });
    const orders = subscriberLog();
    const outbox = subscriberLog();
    await listener.subscribe(
      'orders_test',
      (p) => orders.payloads.push(p),
      () => (orders.resumes += 1),
    );
    await listener.subscribe(
      'outbox_test',
      (p) => outbox.payloads.push(p),
      () => (outbox.resumes += 1),
    );
    try {
      expect(await sessionsNamed(name)).toBe(1);
      await expectNoticeArrives('orders_test', orders.payloads, 'before');

      await cluster!.restartServer('fast');
      await expectNoticeArrives('orders_test', orders.payloads, 'after-restart');
      await expectNoticeArrives('outbox_test', outbox.payloads, 'after-restart');
      expect([orders.resumes, outbox.resumes]).toEqual([1, 1]);

      await cluster!.stopServer('fast');
      await new Promise((r) => setTimeout(r, 3000));
      expect(listener.isListening()).toBe(false);
      await cluster!.startServer();
      await expectNoticeArrives('outbox_test', outbox.payloads, 'after-stop');
      await new Promise((r) => setTimeout(r, 1000));
      expect([orders.resumes, outbox.resumes]).toEqual([2, 2]);
      expect(await sessionsNamed(name)).toBe(1);
    } finally {
      await listener.close();
    }
    expect(await sessionsNamed(name)).toBe(0);
  }, 40_000);

  it('notices a connection that went silent (no reset, no answer) by its ping, and reconnects', async () => {
    const proxy = await startFreezableProxy(cluster!.port);
    const name = `listener-silent-${process.pid}`;
    const viaProxy = new URL(url);
    viaProxy.port = String(proxy.port);
    const listener = new PostgresNotificationListener(
      { connectionString: viaProxy.toString(), application_name: name, query_timeout: 500 },
      { pingMs: 200 },
    );
    const orders = subscriberLog();
    await listener.subscribe(
      'silent_test',
      (p) => orders.payloads.push(p),
      () => (orders.resumes += 1),
    );
    try {
      await expectNoticeArrives('silent_test', orders.payloads, 'before');
      proxy.freezeOpenConnections();
      await waitUntil(() => orders.resumes === 1, 5_000, 'the listener to reconnect');
      await expectNoticeArrives('silent_test', orders.payloads, 'after');
    } finally {
      await listener.close();
      await proxy.close();
    }
  }, 30_000);
});

/**
 * A TCP proxy to PostgreSQL whose open connections can be frozen: bytes are swallowed both ways
 * and nothing is closed, like a peer that vanished behind a firewall. New connections still work.
 */
async function startFreezableProxy(targetPort: number) {
  const open = new Set<{ client: Socket; server: Socket; frozen: boolean }>();
  const server: Server = createServer((client) => {
    const pair = { client, server: connect(targetPort, '127.0.0.1'), frozen: false };
    open.add(pair);
    client.on('data', (d) => !pair.frozen && pair.server.write(d));
    pair.server.on('data', (d) => !pair.frozen && client.write(d));
    const end = () => {
      open.delete(pair);
      client.destroy();
      pair.server.destroy();
    };
    client.on('error', end).on('close', () => !pair.frozen && end());
    pair.server.on('error', end).on('close', () => !pair.frozen && end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    freezeOpenConnections() {
      for (const pair of open) pair.frozen = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of open) {
          pair.client.destroy();
          pair.server.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
